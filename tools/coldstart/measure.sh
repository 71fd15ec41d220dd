#!/usr/bin/env bash
# Cold start of a function against a plain-Java handler baseline, side by side in one hyperfine run: each run is a
# fresh JVM, pinned to CPU 0, that creates the handler and answers one event (APIs: a bad id, so no AWS call is
# made; SQS functions: one record, whose AWS calls fail at once, see setup.sh), then exits. Reports mean times,
# the ratio function / baseline and the CPU-time ratio.
#
# Usage: tools/coldstart/measure.sh [job-api|image-api|drawing-processor|dlq-handler] [RUNS]   (job-api, 10 runs)
# Needs: <module>/target/<module>-lambda.zip (./mvnw -B -DskipTests package), a JDK 21+ (JAVA_HOME, or the
# Temurin 25 of this machine), hyperfine and taskset. EXTRA_CLASSPATH is appended to the function's classpath.
# JAVA_OPTS go to both JVMs, as JAVA_TOOL_OPTIONS on the Lambda function would, e.g.
#   JAVA_OPTS='-XX:+TieredCompilation -XX:TieredStopAtLevel=1' tools/coldstart/measure.sh job-api 10
# ZIP measures another build of the function (e.g. one saved before a change) instead of <module>/target's.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
module=${1:-job-api}
runs=${2:-10}
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install -y hyperfine)" >&2; exit 2; }
command -v taskset >/dev/null || { echo "taskset is needed (apt-get install -y util-linux)" >&2; exit 2; }
. "$root/tools/coldstart/setup.sh"

java_opts=${JAVA_OPTS:-}
# The timed command line; hyperfine -N splits it on spaces and runs it without a shell (no globbing of lib/*).
run() {
  local cp=$classpath; [ "$1" = "$baseline" ] && cp=$baseline_classpath
  echo "taskset -c 0 $java_home/bin/java -XX:+UseSerialGC $offline_proxy $java_opts -cp $cp ColdStart $1 $event_type $event_file"
}
# Each must answer once before timing starts, or a broken start would be timed as a fast one: the same command,
# split the same way.
for handler_class in "$baseline" "$handler"; do
  read -r -a command <<<"$(run "$handler_class")"
  "${command[@]}" 2>&1 >/dev/null | grep '^answered' >&2 \
    || { echo "$handler_class did not answer an event; run it by hand to see why" >&2; exit 1; }
done
hyperfine -N --warmup 1 --runs "$runs" --export-json "$work/result.json" \
  -n plain-java "$(run "$baseline")" -n "$module" "$(run "$handler")" >&2
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
