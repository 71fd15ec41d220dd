#!/usr/bin/env bash
# Post-traffic end-to-end suite against a deployed stage: the e2e module's *E2ET classes (image upload to
# delete, a drawing job to its schedule, a corrupt PDF to its failure, isolation between two users, API Gateway's
# error shapes) through the stage's two HTTP APIs, as two real users of its Cognito user pool.
#
# Usage: tools/deploy/e2e.sh TERRAFORM_OUTPUTS_JSON ENVIRONMENT   (outputs job_api_url and image_api_url;
#        ENVIRONMENT is the naming key: dev, staging or prod)
#        tools/deploy/e2e.sh        with E2E_BASE_URL, E2E_TOKEN and E2E_OTHER_TOKEN set (any stack, a devstack too)
# Tokens: E2E_TOKEN and E2E_OTHER_TOKEN when set; otherwise both test users sign in to the user pool's app client
# (E2E_COGNITO_CLIENT_ID, else SMOKE_COGNITO_CLIENT_ID; USER_PASSWORD_AUTH) with the passwords kept in SSM
# SecureStrings /moc-platform/<env>/e2e/e2e-user and /moc-platform/<env>/e2e/e2e-other-user (docs/deployment.md).
# E2E_BURST_LIMIT, when set, also runs the throttling check (it sends three times that many requests).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
if [ $# -eq 0 ]; then
  : "${E2E_BASE_URL:?usage: e2e.sh TERRAFORM_OUTPUTS_JSON ENVIRONMENT, or set E2E_BASE_URL, E2E_TOKEN, E2E_OTHER_TOKEN}"
  : "${E2E_TOKEN:?set E2E_TOKEN}" "${E2E_OTHER_TOKEN:?set E2E_OTHER_TOKEN}"
  export E2E_BASE_URL E2E_TOKEN E2E_OTHER_TOKEN
  outputs=""
else
  outputs=${1:?usage: e2e.sh TERRAFORM_OUTPUTS_JSON ENVIRONMENT}
  environment=${2:?usage: e2e.sh TERRAFORM_OUTPUTS_JSON ENVIRONMENT}
  E2E_JOB_API_URL=$(jq -er '.job_api_url.value' "$outputs")
  E2E_IMAGE_API_URL=$(jq -er '.image_api_url.value' "$outputs")
  export E2E_JOB_API_URL E2E_IMAGE_API_URL E2E_BASE_URL="$E2E_JOB_API_URL"
fi

sign_in() {
  local user=$1 password
  password=$(aws ssm get-parameter --with-decryption --name "/moc-platform/$environment/e2e/$user" \
    --query Parameter.Value --output text)
  aws cognito-idp initiate-auth --auth-flow USER_PASSWORD_AUTH \
    --client-id "${E2E_COGNITO_CLIENT_ID:-${SMOKE_COGNITO_CLIENT_ID:?set E2E_COGNITO_CLIENT_ID or SMOKE_COGNITO_CLIENT_ID}}" \
    --auth-parameters "USERNAME=$user,PASSWORD=$password" --query AuthenticationResult.AccessToken --output text
}
if [ -n "$outputs" ]; then
  E2E_TOKEN=${E2E_TOKEN:-$(sign_in e2e-user)}
  E2E_OTHER_TOKEN=${E2E_OTHER_TOKEN:-$(sign_in e2e-other-user)}
fi
echo "::add-mask::$E2E_TOKEN" 2>/dev/null || true
echo "::add-mask::$E2E_OTHER_TOKEN" 2>/dev/null || true
export E2E_TOKEN E2E_OTHER_TOKEN

# Only the *E2ET classes: upstream modules are built (the e2e module's test classpath needs them) but none of
# their tests run. Without -Pe2e the e2e module's default failsafe execution runs them, once.
cd "$root"
./mvnw -B -ntp -pl e2e -am verify \
  -Dtest=NoUnitTests -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='*E2ET' -Dfailsafe.failIfNoSpecifiedTests=false
