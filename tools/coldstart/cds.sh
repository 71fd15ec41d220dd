#!/usr/bin/env bash
# What an application class-data sharing (AppCDS) archive buys a function's cold start: one training run of the
# function on measure.sh's event writes a dynamic archive (-XX:ArchiveClassesAtExit: every class it loaded,
# parsed and verified, plus the lambda forms it spun), then hyperfine runs the plain-Java baseline, the function
# and the function with the archive side by side, each a fresh JVM on CPU 0 with the C1-only JIT Lambda uses.
# An archive only works with the JDK build that wrote it and the same class path, which is why the processor's
# container image (fixed JDK) writes its own during the image build (drawing-processor/Dockerfile).
#
# Usage: tools/coldstart/cds.sh [job-api|image-api|drawing-processor|dlq-handler] [RUNS]   (drawing-processor, 10)
# Same inputs as measure.sh (ZIP, JAVA_HOME, EXTRA_CLASSPATH); JAVA_OPTS replaces the C1 options.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
module=${1:-drawing-processor}
runs=${2:-10}
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install -y hyperfine)" >&2; exit 2; }
command -v taskset >/dev/null || { echo "taskset is needed (apt-get install -y util-linux)" >&2; exit 2; }
. "$root/tools/coldstart/setup.sh"
java_opts=${JAVA_OPTS:--XX:+TieredCompilation -XX:TieredStopAtLevel=1}
archive="$work/$module.jsa"

run() {
  local cp=$classpath; [ "$1" = "$baseline" ] && cp=$baseline_classpath
  echo "taskset -c 0 $java_home/bin/java -XX:+UseSerialGC $offline_proxy $java_opts $2 -cp $cp ColdStart $1 $event_type $event_file"
}
read -r -a command <<<"$(run "$handler" "-XX:ArchiveClassesAtExit=$archive")"
"${command[@]}" >"$work/training.out" 2>&1 || true
grep -q '^answered' "$work/training.out" && [ -s "$archive" ] \
  || { echo "the training run wrote no archive; its output:" >&2; tail -20 "$work/training.out" >&2; exit 1; }
echo "archive: $(du -h "$archive" | cut -f1) from one training run ($(grep -c . "$work/training.out") lines of output)" >&2
# -Xshare:on: a run that cannot map the archive fails instead of silently running without it.
for handler_class in "$baseline" "$handler"; do
  read -r -a command <<<"$(run "$handler_class" "-Xshare:on -XX:SharedArchiveFile=$archive")"
  "${command[@]}" 2>&1 >/dev/null | grep '^answered' >&2 \
    || { echo "$handler_class did not answer an event with the archive; run it by hand to see why" >&2; exit 1; }
done
hyperfine -N --warmup 1 --runs "$runs" --export-json "$work/result.json" -n plain-java "$(run "$baseline" "")" \
  -n "$module" "$(run "$handler" "")" -n "$module+cds" "$(run "$handler" "-Xshare:on -XX:SharedArchiveFile=$archive")" >&2
python3 - "$work/result.json" "$module" "$java_opts" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
base, module = r["plain-java"], sys.argv[2]
cpu = lambda x: x["user"] + x["system"]
print(f"jvm options: {sys.argv[3]}")
for name in ("plain-java", module, module + "+cds"):
    x = r[name]
    print(f"{name}: mean {x['mean']*1000:.0f} ms (min {x['min']*1000:.0f}), cpu {cpu(x)*1000:.0f} ms, "
          f"ratio to plain-java {x['mean']/base['mean']:.2f} (cpu {cpu(x)/cpu(base):.2f})")
fn, cds = r[module], r[module + "+cds"]
print(f"archive saves {(1 - cds['mean']/fn['mean'])*100:.0f} % of the wall time, {(1 - cpu(cds)/cpu(fn))*100:.0f} % of the cpu time")
PY
