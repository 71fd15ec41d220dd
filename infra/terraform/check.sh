#!/usr/bin/env bash
# Offline checks for infra/terraform: fmt, then init/validate/test for every module, environment and bootstrap.
# Prints "N passed, M failed" (terraform test runs; skipped runs count as failed) and exits non-zero on any failure.
# Usage: infra/terraform/check.sh   (CHECK_JOBS=n sets parallelism, default 2)
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jobs="${CHECK_JOBS:-2}"
plugin_dir="/opt/tf-plugins"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 TF_INPUT=0
export TF_PLUGIN_CACHE_DIR="$work/plugin-cache"
mkdir -p "$TF_PLUGIN_CACHE_DIR"
if [[ -n "${TF_CLI_CONFIG_FILE:-}" && ! -e "$TF_CLI_CONFIG_FILE" ]]; then
  export TF_CLI_CONFIG_FILE=/dev/null
fi

init_args=(-backend=false -input=false -no-color)
if [[ -d "$plugin_dir" ]]; then
  init_args+=("-plugin-dir=$plugin_dir")
fi

dirs=()
for d in "$root"/modules/*/ "$root"/environments/*/ "$root"/bootstrap/; do
  dirs+=("${d%/}")
done

status=0
echo "== terraform fmt -check -recursive"
if ! terraform -chdir="$root" fmt -check -recursive -no-color; then
  echo "fmt: files above need 'terraform fmt -recursive'"
  status=1
fi

# Sequential init fills the shared plugin cache without concurrent writers.
for d in "${dirs[@]}"; do
  name="${d#"$root"/}"
  if ! terraform -chdir="$d" init "${init_args[@]}" >"$work/$(echo "$name" | tr / _).init.log" 2>&1; then
    echo "init failed: $name"
    cat "$work/$(echo "$name" | tr / _).init.log"
    status=1
  fi
done

check_dir() {
  local d="$1" work="$2" root="$3"
  local name="${d#"$root"/}"
  local log="$work/$(echo "$name" | tr / _).log"
  local result="$work/$(echo "$name" | tr / _).result"
  local ok=0 passed=0 failed=0 summary
  {
    echo "== $name"
    terraform -chdir="$d" validate -no-color || ok=1
    terraform -chdir="$d" test -no-color || ok=1
  } >"$log" 2>&1
  summary="$(grep -Eo '[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?' "$log" | tail -1)"
  if [[ -n "$summary" ]]; then
    passed="$(sed -E 's/^([0-9]+) passed.*/\1/' <<<"$summary")"
    failed="$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$summary")"
    if [[ "$summary" == *skipped* ]]; then
      failed=$((failed + $(sed -E 's/.* ([0-9]+) skipped.*/\1/' <<<"$summary")))
    fi
  elif [[ $ok -ne 0 ]]; then
    failed=1
  fi
  echo "$passed $failed $ok" >"$result"
}
export -f check_dir

printf '%s\n' "${dirs[@]}" | xargs -P "$jobs" -I{} bash -c 'check_dir "$1" "$2" "$3"' _ {} "$work" "$root"

total_passed=0
total_failed=0
for d in "${dirs[@]}"; do
  name="${d#"$root"/}"
  key="$(echo "$name" | tr / _)"
  read -r p f ok <"$work/$key.result" || { p=0; f=1; ok=1; }
  total_passed=$((total_passed + p))
  total_failed=$((total_failed + f))
  if [[ "$ok" -ne 0 || "$f" -ne 0 ]]; then
    status=1
    cat "$work/$key.log"
  fi
  printf '%-34s %3s passed, %3s failed%s\n' "$name" "$p" "$f" "$([[ "$ok" -ne 0 ]] && echo '  (validate/test error)')"
done

echo "${total_passed} passed, ${total_failed} failed"
exit "$status"
