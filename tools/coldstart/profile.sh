#!/usr/bin/env bash
# Where a function's cold start goes, for one fresh JVM answering the same event as measure.sh (CPU 0 pinned, the
# C1-only JIT Lambda runs with, unless JAVA_OPTS says otherwise):
#   1. phases: JVM start to main, creating the handler (the Micronaut context), the first event; and the same for
#      the plain-Java baseline;
#   2. classes loaded per jar (JDK classes from the CDS archive and from the runtime image counted apart), against
#      the baseline's;
#   3. the slowest bean creations, from Micronaut's bean resolution trace with each line time-stamped: the time
#      from a top-level bean's creation to its last dependency being ready, so it includes the beans it pulls in.
#      The trace itself slows creation down several-fold: use it to rank beans, not as absolute times.
#   4. where the main thread's time goes: Java Flight Recorder samples of one start (every 2 ms, full stacks) as a
#      call tree of inclusive shares, with the framework's plumbing frames left out. Use this one to decide what to
#      cut: class counts and bean times say what ran first, and a cost shared by several users (Jackson's set-up,
#      the bean introspection index) shows under whichever comes first, so removing that user only moves it.
#
# Usage: tools/coldstart/profile.sh [job-api|image-api|drawing-processor|dlq-handler] [TOP]   (job-api, 25 rows)
# Same inputs as measure.sh (ZIP, JAVA_HOME, EXTRA_CLASSPATH, JAVA_OPTS). KEEP=DIR keeps the raw logs in DIR.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
module=${1:-job-api}
top=${2:-25}
. "$root/tools/coldstart/setup.sh"
java_opts=${JAVA_OPTS:--XX:+TieredCompilation -XX:TieredStopAtLevel=1}
pin=""; command -v taskset >/dev/null && pin="taskset -c 0"

run() { # run LABEL HANDLER_CLASS [JVM OPTION...]: one cold start, stdout and stderr kept in $work/LABEL.{out,err}
  local label=$1 handler_class=$2 cp=$classpath; shift 2
  [ "$handler_class" = "$baseline" ] && cp=$baseline_classpath
  # shellcheck disable=SC2086
  $pin "$java_home/bin/java" -XX:+UseSerialGC $offline_proxy $java_opts "$@" -cp "$cp" \
    ColdStart "$handler_class" "$event_type" "$event_file" >"$work/$label.out" 2>"$work/$label.err" || true
  grep -q '^answered' "$work/$label.err" \
    || { echo "$handler_class did not answer the event ($label); its output:" >&2; tail -20 "$work/$label.err" >&2; exit 1; }
}

echo "== $module, $(uptime | sed 's/.*load/load/'), jvm options: $java_opts"
run plain "$baseline"
run function "$handler"
echo "-- phases (one run each, ms)"
printf '%-12s %s\n' plain-java "$(grep -h '^phases' "$work/plain.err")" "$module" "$(grep -h '^phases' "$work/function.err")"
printf '%-12s %s\n' "" "$(grep -h '^answered' "$work/function.err")"

run plain-classes "$baseline" "-Xlog:class+load:file=$work/plain-classes.log"
run function-classes "$handler" "-Xlog:class+load:file=$work/function-classes.log"
run beans "$handler" -Dmicronaut.inject.trace='.*' -Dmicronaut.inject.trace.mode=standard_out -Dcoldstart.stamp-stdout=true
run sampled "$handler" -XX:FlightRecorderOptions:stackdepth=1024 \
  "-XX:StartFlightRecording=filename=$work/start.jfr,settings=profile,jdk.ExecutionSample#period=2ms"
"$java_home/bin/jfr" print --json --events jdk.ExecutionSample --stack-depth 1024 "$work/start.jfr" >"$work/samples.json"
[ -n "${KEEP:-}" ] && mkdir -p "$KEEP" && cp "$work"/*.log "$work"/*.out "$work"/*.err "$KEEP"/

python3 - "$work" "$top" "$module" <<'PY'
import collections, json, re, sys
work, top, module = sys.argv[1], int(sys.argv[2]), sys.argv[3]

def jars(log):
    counts = collections.Counter()
    for line in open(log):
        m = re.match(r'(?:\[[^\]]*\])+ (\S+) source: (.*)', line)
        if not m:
            continue
        src = m.group(2)
        if src.startswith('shared objects file'):
            src = 'JDK (CDS archive)'
        elif src.startswith('jrt:/'):
            src = 'JDK ' + src[5:]
        elif src.startswith('file:') or src.startswith('jar:'):
            src = re.sub(r'-\d[\w.]*?(-SNAPSHOT)?\.jar.*$', '', src.rsplit('/', 1)[-1])
        else:  # classes defined at run time (lambdas, proxies, generated accessors): named after their host class
            src = 'generated at run time'
        counts[src] += 1
    return counts

plain, fn = jars(f'{work}/plain-classes.log'), jars(f'{work}/function-classes.log')
print(f'-- classes loaded: plain-java {sum(plain.values())}, {module} {sum(fn.values())}')
for src, n in fn.most_common(top):
    print(f'{n:7d}  {src}' + (f'   (plain-java {plain[src]})' if plain.get(src) else ''))

# Bean resolution trace: a line at column 0 without an arrow starts a top-level creation ("new Type(...)" or
# "@Scope Type Factory.method#method(...)"); the last "✅" line before the next column-0 line ends it (the
# "Type ➡️ ... at location:" header, its stack frames and JSON log lines are not creations). Colour codes removed.
ansi = re.compile(r'\x1b\[[0-9;]*m')
frame = re.compile(r'[\w.$]+\((Unknown Source|[\w.]+:\d+)\)$')
events, current = [], None
for raw in open(f'{work}/beans.out', encoding='utf-8', errors='replace'):
    m = re.match(r'(\d{10}) (.*)', ansi.sub('', raw.rstrip('\n')))
    if not m:
        continue
    t, text = int(m.group(1)), m.group(2)
    if not text or frame.match(text):
        continue
    if not text[0].isspace():
        if current:
            events.append(current)
        current = None if ('➡' in text or text.startswith('{')) else [text, t, t]
    elif current and '✅' in text:
        current[2] = t
if current:
    events.append(current)
slowest = sorted(events, key=lambda e: e[1] - e[2])[:top]
print(f'-- slowest top-level bean creations of {len(events)} (ms with tracing overhead, including their dependencies)')
for text, start, end in slowest:
    name = re.sub(r'^(@[\w.]+(\([^)]*\))? )*', '', re.sub(r'^new ', '', text)).split('(')[0].split(' ')[0]
    print(f'{(end - start) / 1000:9.1f}  {name}')

# The sampled call tree of the main thread, root first. Plumbing (JDK, Micronaut's bean resolution machinery,
# generated lambdas) is left out so the tree shows who asked; a chain where one child holds nearly all of its
# parent's samples is printed as one line, "first … last".
plumbing = re.compile(r'^(java\.|jdk\.|sun\.|io\.micronaut\.context\.(Default|Abstract|Singleton|BeanContext)'
                      r'|io\.micronaut\.core\.(io\.service|util)\.|.*\$\$Lambda)')
tree, total = {}, 0
for event in json.load(open(f'{work}/samples.json'))['recording']['events']:
    if event['values']['sampledThread'].get('javaName') != 'main':
        continue
    frames = [(f['method']['type']['name'] + '.' + f['method']['name']).replace('/', '.')
              for f in reversed(event['values']['stackTrace']['frames'])]
    if not any(f.startswith('ColdStart.main') for f in frames):
        continue
    total += 1
    node = tree
    for f in frames[frames.index('ColdStart.main') + 1:]:
        if plumbing.match(f):
            continue
        entry = node.setdefault(f, [0, {}])
        entry[0] += 1
        node = entry[1]
print(f'-- where the main thread goes: {total} samples from main() on, inclusive % (JFR, every 2 ms)')
def show(node, depth):
    for name, (count, children) in sorted(node.items(), key=lambda kv: -kv[1][0]):
        if count < total * min_share or depth > max_depth:
            continue
        last = name
        while len(children) and max(c for c, _ in children.values()) >= 0.9 * count:
            last, (count_last, children) = max(children.items(), key=lambda kv: kv[1][0])
        short = lambda frame: '.'.join(frame.split('.')[-2:])
        label = short(name) if last == name else f'{short(name)} \u2026 {short(last)}'
        print(f'{"  " * depth}{100 * count / total:5.1f}  {label}')
        show(children, depth + 1)
min_share, max_depth = 0.02, 7
show(tree, 0)
PY
