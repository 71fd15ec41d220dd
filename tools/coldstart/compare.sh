#!/usr/bin/env bash
# Before/after of a change to a function's start: several builds of one function and the plain-Java baseline, one
# cold start each in turn, RUNS rounds, so a load change on this shared machine hits every build alike (hyperfine,
# as in measure.sh, runs one command's runs back to back). Reports the median and minimum CPU time (user + system)
# of each JVM and the median's ratio to the baseline's. Same runner, event, environment, JVM options and CPU pinning
# as measure.sh.
#
# Usage: tools/coldstart/compare.sh MODULE RUNS ZIP...   e.g. a zip saved from main before a change, and the new one:
#   tools/coldstart/compare.sh job-api 10 /tmp/before.zip job-api/target/job-api-lambda.zip
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
[ $# -ge 3 ] || { echo "usage: $0 MODULE RUNS ZIP..." >&2; exit 2; }
module=$1
runs=$2
shift 2
command -v taskset >/dev/null || { echo "taskset is needed (apt-get install -y util-linux)" >&2; exit 2; }
java_opts=${JAVA_OPTS:--XX:+TieredCompilation -XX:TieredStopAtLevel=1}

# setup.sh unpacks one zip into its own directory and removes it on exit; collect every build's first.
dirs=()
commands=()
names=()
for ZIP in "$@"; do
  . "$root/tools/coldstart/setup.sh"
  trap - EXIT
  dirs+=("$work")
  [ ${#commands[@]} -gt 0 ] || { commands+=("-cp $baseline_classpath ColdStart $baseline"); names+=(plain-java); }
  commands+=("-cp $classpath ColdStart $handler")
  names+=("$(basename "$ZIP")")
done
trap 'rm -rf "${dirs[@]}"' EXIT

python3 - "$runs" "taskset -c 0 $java_home/bin/java -XX:+UseSerialGC $offline_proxy $java_opts" \
  "$event_type $event_file" "${#names[@]}" "${names[@]}" "${commands[@]}" <<'PY'
import resource, shlex, statistics, subprocess, sys
runs, jvm, event, n = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
names, commands = sys.argv[5:5 + n], sys.argv[5 + n:]

def cpu_ms(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(shlex.split(f'{jvm} {command} {event}'), capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if not any(line.startswith('answered') for line in done.stderr.splitlines()):
        sys.exit(f'{command.split()[-1]} did not answer the event:\n{done.stderr[-2000:]}')
    return 1000 * (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)

for command in commands:  # one warm-up each (file cache), and a broken start fails here, not in the figures
    cpu_ms(command)
times = {name: [] for name in names}
for _ in range(runs):
    for name, command in zip(names, commands):
        times[name].append(cpu_ms(command))
plain = statistics.median(times['plain-java'])
print(f'jvm: {jvm}; {runs} rounds')
for name in names:
    median = statistics.median(times[name])
    print(f'{name:32s} cpu median {median:6.0f} ms (min {min(times[name]):6.0f})  ratio {median / plain:5.2f}')
PY
