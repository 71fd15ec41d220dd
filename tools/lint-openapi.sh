#!/usr/bin/env bash
# Lints the OpenAPI documents of the two HTTP APIs with a pinned @redocly/cli (tools/node/package-lock.json)
# and the rules in tools/redocly.yaml. A missing document fails the lint (it was moved or renamed); no network
# use besides npm ci on first run (telemetry and update checks are switched off).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# shellcheck source=lib/node-tools.sh
. tools/lib/node-tools.sh
ensure_node_tools

documents=(
  job-api/src/main/resources/openapi/job-api.yaml
  image-api/src/main/resources/openapi/image-api.yaml
)
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

passed=0; failed=0
started=$(date +%s%N)
for doc in "${documents[@]}"; do
  if [ ! -f "$doc" ]; then
    echo "lint-openapi: FAIL $doc (missing)"
    failed=$((failed + 1))
    continue
  fi
  if node "$NODE_TOOLS_DIR/node_modules/@redocly/cli/bin/cli.js" lint --config tools/redocly.yaml \
       --format stylish "$doc"; then
    echo "lint-openapi: OK   $doc"
    passed=$((passed + 1))
  else
    echo "lint-openapi: FAIL $doc"
    failed=$((failed + 1))
  fi
done
elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
echo "lint-openapi: ${passed} passed, ${failed} failed (${elapsed} ms)"
[ "$failed" -eq 0 ]
