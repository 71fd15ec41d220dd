#!/usr/bin/env bash
# Runs the whole system on this machine (see devstack/README.md):
#   ./devstack.sh [--port 8080] [--data-dir .devstack] [--json-logs]
#   ./devstack.sh token --sub alice
#   ./devstack.sh demo
# Builds devstack/target/devstack.jar when it is missing or older than the sources, then runs it with a JDK 21+
# (JAVA_HOME if it is one, else the newest installed). Named devstack.sh because devstack/ is the module directory.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$root/devstack/target/devstack.jar"
required=21

major_of() {
  local version
  version="$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
  version="${version#1.}"
  echo "${version%%.*}"
}

find_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    if (( $(major_of "$JAVA_HOME/bin/java") >= required )); then
      echo "$JAVA_HOME/bin/java"
      return
    fi
  fi
  local best="" best_major=0 candidate major
  for candidate in /usr/lib/jvm/*/bin/java /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java \
                   "$HOME"/.sdkman/candidates/java/*/bin/java "$(command -v java 2>/dev/null || true)"; do
    [[ -x "$candidate" ]] || continue
    major="$(major_of "$candidate")"
    [[ "$major" =~ ^[0-9]+$ ]] || continue
    if (( major >= required && major > best_major )); then
      best="$candidate"
      best_major="$major"
    fi
  done
  echo "$best"
}

java_bin="$(find_java)"
if [[ -z "$java_bin" ]]; then
  echo "devstack: needs a JDK ${required} or newer, and none was found (JAVA_HOME, /usr/lib/jvm, PATH)." >&2
  echo "Install one, e.g. 'sudo apt-get install temurin-25-jdk' or 'sudo apt-get install openjdk-21-jdk'," >&2
  echo "or point JAVA_HOME at an existing JDK ${required}+." >&2
  exit 1
fi

needs_build() {
  [[ -f "$jar" ]] || return 0
  # Any source, resource or pom of a module newer than the jar means the jar (or a function zip) is stale.
  [[ -n "$(find "$root/pom.xml" "$root"/*/pom.xml "$root"/*/src "$root/contract" "$root/build" \
      -newer "$jar" -type f -print -quit 2>/dev/null)" ]]
}

if needs_build; then
  echo "devstack: building (./mvnw -B -q -DskipTests install) ..." >&2
  (cd "$root" && ./mvnw -B -q -DskipTests install) || {
    echo "devstack: the build failed; fix it or run './mvnw -B -DskipTests install' to see why." >&2
    exit 1
  }
fi

# exec: Ctrl-C and SIGTERM reach the JVM, whose shutdown hook stops everything cleanly.
# shellcheck disable=SC2086
exec "$java_bin" ${DEVSTACK_JAVA_OPTS:-} -jar "$jar" "$@"
