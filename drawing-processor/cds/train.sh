#!/bin/sh
# Writes the image's class-data sharing archive (AppCDS) during `docker build` (drawing-processor/Dockerfile).
#
# The function is started the way Lambda starts it (the base image's /lambda-entrypoint.sh: the runtime
# interface emulator, the runtime's bootstrap, its JVM and class loaders, the function's lib/*.jar) with
# -XX:ArchiveClassesAtExit, answers one SQS event (a record that is no job message: the context starts, the
# event is read, the record is rejected and its one AWS call fails at once against a proxy port where nothing
# listens, so the build reaches no AWS account), and is stopped with SIGTERM, at which the JVM writes every class it
# loaded, parsed and verified into the archive. A second run with the archive then checks that the handler class
# really comes from it (an archive works only with the JDK build and class path that wrote it; both are fixed in
# the image). If either step fails, the image ships without an archive: the function starts as before, only slower,
# and the build log says why.
#
# The JVM is pointed at the archive through OPTIONS_FILE (the image's JDK_JAVA_OPTIONS names it as an @-file):
# it holds the archive's options only when the archive was written and passed the check, and is empty otherwise,
# so an image without an archive never names one (a JVM told to map a missing archive also drops the JDK's own
# class-data sharing). It always exists, because the java launcher refuses to start over a missing @-file.
#
# Usage (inside the image, as root): train.sh ARCHIVE EVENT_JSON HANDLER OPTIONS_FILE
# ENTRYPOINT and INVOKE_URL replace the base image's entry point and the emulator's address for a dry run
# elsewhere, with a stand-in for the emulator.
set -u
archive=$1 event=$2 handler=$3 options=$4
entrypoint=${ENTRYPOINT:-/lambda-entrypoint.sh}
invoke_url=${INVOKE_URL:-http://127.0.0.1:8080/2015-03-31/functions/function/invocations}
log=/tmp/cds-training
mkdir -p "$(dirname "$archive")" "$(dirname "$options")" "$log"
: >"$options"

# The environment Terraform gives the function, with values that lead nowhere.
export AWS_REGION=eu-west-2 AWS_ACCESS_KEY_ID=cds-training AWS_SECRET_ACCESS_KEY=cds-training \
  AWS_XRAY_CONTEXT_MISSING=IGNORE_ERROR APP_ENV=training JOBS_TABLE=Jobs-training \
  DRAWINGS_BUCKET=drawings-training JOBS_QUEUE_URL=https://sqs.eu-west-2.amazonaws.com/000000000000/training \
  JAVA_TOOL_OPTIONS="-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
offline="-Dhttps.proxyHost=127.0.0.1 -Dhttps.proxyPort=9 -Dhttp.proxyHost=127.0.0.1 -Dhttp.proxyPort=9"

give_up() {
  echo "WARNING: no class-data sharing archive in this image ($1); the function starts without one." >&2
  rm -f "$archive"
  : >"$options"
  chmod a+r "$options"
  exit 0
}
command -v curl >/dev/null || give_up "curl is missing from the base image"

# descends_from PID ANCESTOR: whether PID is ANCESTOR or one of its descendants (only the JVM this script started
# is ever stopped).
descends_from() {
  pid=$1
  while [ -n "$pid" ] && [ "$pid" -gt 1 ]; do
    [ "$pid" = "$2" ] && return 0
    pid=$(sed -n 's/^PPid:[[:space:]]*//p' "/proc/$pid/status" 2>/dev/null)
  done
  return 1
}

# run NAME JDK_JAVA_OPTIONS: start the function, invoke it once, stop its JVM with SIGTERM.
run() {
  JDK_JAVA_OPTIONS="$2 $offline" "$entrypoint" "$handler" >"$log/$1.out" 2>&1 &
  emulator=$!
  answered=no
  for _ in $(seq 1 180); do
    if curl -sf -o "$log/$1.answer" -X POST -d "@$event" "$invoke_url"; then
      answered=yes; break
    fi
    sleep 1
  done
  # SIGTERM to the function's JVM: it writes the archive as it exits, which takes a while (longer under emulation
  # when an arm64 image is built on x86), so wait for it to be gone before stopping the emulator.
  pids=""
  for p in /proc/[0-9]*; do
    exe=$(readlink "$p/exe" 2>/dev/null) || continue
    [ "${exe##*/}" = java ] && descends_from "${p#/proc/}" "$emulator" && pids="$pids ${p#/proc/}"
  done
  for pid in $pids; do kill -TERM "$pid"; done
  for _ in $(seq 1 600); do
    alive=no
    for pid in $pids; do  # gone, or a zombie the emulator has not reaped yet
      [ -d "/proc/$pid" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$pid/status" 2>/dev/null && alive=yes
    done
    [ "$alive" = no ] && break
    sleep 1
  done
  kill -TERM "$emulator" 2>/dev/null
  sleep 2
  kill -KILL "$emulator" 2>/dev/null
  wait "$emulator" 2>/dev/null
  [ "$answered" = yes ] || { tail -20 "$log/$1.out" >&2; give_up "the $1 run did not answer"; }
}

run training "-XX:ArchiveClassesAtExit=$archive"
[ -s "$archive" ] || { tail -20 "$log/training.out" >&2; give_up "the training run wrote no archive"; }
run check "-XX:SharedArchiveFile=$archive -Xshare:auto -Xlog:class+load:file=$log/classes.log"
grep -q "$handler source: shared objects file" "$log/classes.log" \
  || give_up "the handler class was not loaded from the archive: $(grep -m1 "$handler source" "$log/classes.log")"
echo "class-data sharing archive $archive: $(du -h "$archive" | cut -f1), $(grep -c 'source: shared objects file' "$log/classes.log") of $(grep -c 'source:' "$log/classes.log") classes of a start served from it"
printf '%s\n' "-XX:SharedArchiveFile=$archive" "-Xshare:auto" >"$options"
chmod a+r "$archive" "$options"
