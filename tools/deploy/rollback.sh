#!/usr/bin/env bash
# Manual rollback: points a function's `live` alias back at an earlier published version at once, with no
# weighted routing left over from a canary. SnapStart snapshots and the code of old versions are kept, so this
# takes effect in seconds.
#
# Usage: tools/deploy/rollback.sh FUNCTION_NAME [VERSION]
#   FUNCTION_NAME  e.g. job-api-prod
#   VERSION        the version to serve; default: the highest published version below the one `live` serves now
set -euo pipefail
function=${1:?usage: rollback.sh FUNCTION_NAME [VERSION]}
alias=${ALIAS:-live}
current=$(aws lambda get-alias --function-name "$function" --name "$alias" --query FunctionVersion --output text)
target=${2:-$(aws lambda list-versions-by-function --function-name "$function" \
  --query 'Versions[?Version!=`$LATEST`].Version' --output json \
  | jq -r --argjson cur "$current" 'map(tonumber) | map(select(. < $cur)) | max // empty')}
if [ -z "$target" ]; then
  echo "rollback: $function has no published version below $current" >&2
  exit 1
fi
aws lambda update-alias --function-name "$function" --name "$alias" --function-version "$target" \
  --routing-config 'AdditionalVersionWeights={}' >/dev/null
echo "rollback: $function:$alias $current -> $target"
