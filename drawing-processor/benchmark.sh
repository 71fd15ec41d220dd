#!/usr/bin/env bash
# The processor benchmark (drawing-processor/README.md, "Tests and benchmark"):
#   drawing-processor/benchmark.sh [PAGES...]     default: 20 100
# Builds the module and what it depends on (test classes included), then runs
# io.mocplatform.processor.bench.ProcessorBenchmark with a JDK 21+ and BENCH_JAVA_OPTS (default -Xmx512m, so the
# 100-page run proves its heap bound by finishing). Needs poppler's pdftoppm, the rendering anchor: installed with
# apt-get when run as root, otherwise named.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! command -v pdftoppm >/dev/null 2>&1; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    apt-get install -y poppler-utils >/dev/null
  else
    echo "benchmark: needs pdftoppm (poppler): apt-get install -y poppler-utils" >&2
    exit 1
  fi
fi

java_bin=""
for candidate in "${JAVA_HOME:-/nonexistent}/bin/java" /usr/lib/jvm/*/bin/java; do
  [[ -x "$candidate" ]] || continue
  version="$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
  if [[ "${version%%.*}" =~ ^[0-9]+$ ]] && (( ${version%%.*} >= 21 )); then
    java_bin="$candidate"
    break
  fi
done
if [[ -z "$java_bin" ]]; then
  echo "benchmark: needs a JDK 21 or newer (JAVA_HOME or /usr/lib/jvm)" >&2
  exit 1
fi

./mvnw -B -q -o -pl drawing-processor -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
classpath="drawing-processor/target/test-classes:drawing-processor/target/classes"
classpath="$classpath:$(cat drawing-processor/target/bench.classpath)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS holds several options
"$java_bin" --enable-native-access=ALL-UNNAMED ${BENCH_JAVA_OPTS:--Xmx512m} -cp "$classpath" \
  io.mocplatform.processor.bench.ProcessorBenchmark "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
