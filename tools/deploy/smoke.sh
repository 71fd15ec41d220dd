#!/usr/bin/env bash
# Post-traffic smoke check through API Gateway, as a signed-in test user would see the APIs: list routes answer
# 200 JSON and an id that cannot exist answers 404 problem+json, on both APIs. Reads only.
#
# Usage: tools/deploy/smoke.sh TERRAFORM_OUTPUTS_JSON   (outputs job_api_url and image_api_url)
# A token comes from SMOKE_TOKEN, or is obtained from the Cognito user pool client with the test user's
# credentials: SMOKE_COGNITO_CLIENT_ID, SMOKE_USERNAME, SMOKE_PASSWORD (the app client must allow
# USER_PASSWORD_AUTH; the user owns no data in the environment).
set -euo pipefail
outputs=${1:?usage: smoke.sh TERRAFORM_OUTPUTS_JSON}
job_api=$(jq -er '.job_api_url.value' "$outputs")
image_api=$(jq -er '.image_api_url.value' "$outputs")

token=${SMOKE_TOKEN:-}
if [ -z "$token" ]; then
  : "${SMOKE_COGNITO_CLIENT_ID:?set SMOKE_TOKEN or SMOKE_COGNITO_CLIENT_ID, SMOKE_USERNAME and SMOKE_PASSWORD}"
  token=$(aws cognito-idp initiate-auth --auth-flow USER_PASSWORD_AUTH --client-id "$SMOKE_COGNITO_CLIENT_ID" \
    --auth-parameters "USERNAME=${SMOKE_USERNAME:?},PASSWORD=${SMOKE_PASSWORD:?}" \
    --query AuthenticationResult.AccessToken --output text)
fi
echo "::add-mask::$token" 2>/dev/null || true

passed=0; failed=0
expect() {
  local status=$1 type=$2 url=$3 body
  body=$(mktemp)
  read -r code ctype < <(curl -sS -o "$body" -w '%{http_code} %{content_type}\n' --max-time 15 \
    -H "Authorization: Bearer $token" -H "X-Correlation-Id: postdeploy-smoke-${GITHUB_RUN_ID:-local}" "$url")
  if [ "$code" = "$status" ] && [[ "$ctype" == "$type"* ]]; then
    passed=$((passed + 1)); echo "smoke: OK   $code $url"
  else
    failed=$((failed + 1)); echo "smoke: FAIL $url answered $code $ctype: $(head -c 300 "$body")"
  fi
  rm -f "$body"
}

expect 200 application/json "${job_api%/}/jobs?limit=1"
expect 404 application/problem+json "${job_api%/}/status/job_0000000000000_aaaaaaaaaa"
expect 200 application/json "${image_api%/}/images?limit=1"
expect 404 application/problem+json "${image_api%/}/images/img_aaaaaaaaaaaaaaaaaaaa"
echo "smoke: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
