#!/usr/bin/env bash
# Cold start of an API function against a plain-Java handler baseline, side by side in one hyperfine run:
# each run is a fresh JVM, pinned to CPU 0, that creates the handler and answers one API Gateway event (a bad
# id, so no AWS call is made), then exits. Reports mean times and the ratio function / baseline.
#
# Usage: tools/coldstart/measure.sh [job-api|image-api] [RUNS]        (default: job-api, 10 runs)
# Needs: <module>/target/<module>-lambda.zip (./mvnw -B -DskipTests package), a JDK 21+ (JAVA_HOME, or the
# Temurin 25 of this machine), hyperfine and taskset. EXTRA_CLASSPATH is appended to the function's classpath.
# JAVA_OPTS go to both JVMs, as JAVA_TOOL_OPTIONS on the Lambda function would, e.g.
#   JAVA_OPTS='-XX:+TieredCompilation -XX:TieredStopAtLevel=1' tools/coldstart/measure.sh job-api 10
# ZIP measures another build of the function (e.g. one saved before a change) instead of <module>/target's.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
module=${1:-job-api}
runs=${2:-10}
case "$module" in
  job-api)   handler=io.mocplatform.jobapi.api.JobApiHandler;     event=status-bad-id.json ;;
  image-api) handler=io.mocplatform.imageapi.api.ImageApiHandler; event=image-bad-id.json ;;
  *) echo "unknown module $module (job-api or image-api)" >&2; exit 2 ;;
esac
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
if ! "$java_home/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  echo "a JDK 21+ is needed: set JAVA_HOME" >&2; exit 2
fi
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install -y hyperfine)" >&2; exit 2; }
zip=${ZIP:-$root/$module/target/$module-lambda.zip}
[ -f "$zip" ] || { echo "$zip is missing: build it first" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unzip -q "$zip" -d "$work/function"
# The Lambda runtime brings its own event serializer; a zip that does not ship one gets it from the local
# Maven repository, as the runtime's part of the class path.
runtime_jars=""
if ! ls "$work/function/lib" | grep -q '^aws-lambda-java-serialization-'; then
  runtime_jars=$(ls -1 "${MAVEN_REPOSITORY:-$HOME/.m2/repository}"/com/amazonaws/aws-lambda-java-serialization/*/aws-lambda-java-serialization-*.jar 2>/dev/null | sort -V | tail -1)
  [ -n "$runtime_jars" ] || { echo "aws-lambda-java-serialization is in neither the zip nor the Maven repository" >&2; exit 2; }
fi
function_classpath="$work/function/lib/*${runtime_jars:+:$runtime_jars}"
"$java_home/bin/javac" --release 21 -d "$work/classes" -cp "$function_classpath" "$root/tools/coldstart/ColdStart.java"
classpath="$function_classpath:$work/classes${EXTRA_CLASSPATH:+:$EXTRA_CLASSPATH}"
event_type=com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent
event_file="$root/tools/coldstart/$event"

# What Terraform sets on the function (contract/platform-contract.json), with harmless local values.
export AWS_REGION=eu-west-2 AWS_ACCESS_KEY_ID=cold AWS_SECRET_ACCESS_KEY=start AWS_XRAY_CONTEXT_MISSING=IGNORE_ERROR
export APP_ENV=dev JOBS_TABLE=Jobs-dev DRAWINGS_BUCKET=drawings-lego-moc-dev IMAGES_TABLE=ImageMetadata-dev \
  IMAGES_BUCKET=images-lego-moc-dev CDN_BASE_URL=https://cdn.invalid \
  JOBS_QUEUE_URL=http://127.0.0.1:9/000000000000/drawing-jobs-dev \
  CURSOR_KEY_PARAMETER=/moc-platform/dev/cursor-signing-key CURSOR_KEY_VERSION=1

java_opts=${JAVA_OPTS:-}
# The timed command line; hyperfine -N splits it on spaces and runs it without a shell (no globbing of lib/*).
run() { echo "taskset -c 0 $java_home/bin/java -XX:+UseSerialGC $java_opts -cp $classpath ColdStart $1 $event_type $event_file"; }
# Each must answer once before timing starts, or a broken start would be timed as a fast one: the same command,
# split the same way.
for handler_class in 'ColdStart$PlainHandler' "$handler"; do
  read -r -a command <<<"$(run "$handler_class")"
  "${command[@]}" 2>&1 >/dev/null | grep '^answered' >&2 \
    || { echo "$handler_class did not answer an event; run it by hand to see why" >&2; exit 1; }
done
hyperfine -N --warmup 1 --runs "$runs" --export-json "$work/result.json" \
  -n plain-java "$(run 'ColdStart$PlainHandler')" -n "$module" "$(run "$handler")" >&2
python3 - "$work/result.json" "$module" "$java_opts" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
base, fn = r["plain-java"], r[sys.argv[2]]
print(f"jvm options: {sys.argv[3] or '(none)'}")
print(f"plain-java: mean {base['mean']*1000:.0f} ms (min {base['min']*1000:.0f})")
print(f"{sys.argv[2]}: mean {fn['mean']*1000:.0f} ms (min {fn['min']*1000:.0f})")
print(f"ratio {sys.argv[2]} / plain-java: {fn['mean']/base['mean']:.2f} (min/min {fn['min']/base['min']:.2f})")
# CPU time (user + system) is steadier than wall time on a shared machine: other load stretches the wall clock.
cpu = lambda x: x["user"] + x["system"]
print(f"cpu time: plain-java {cpu(base)*1000:.0f} ms, {sys.argv[2]} {cpu(fn)*1000:.0f} ms, ratio {cpu(fn)/cpu(base):.2f}")
PY
