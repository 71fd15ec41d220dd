#!/usr/bin/env bash
# Releases the versions Terraform just published: for each function, a pre-traffic check against the new version
# itself, then a CodeDeploy deployment that moves the `live` alias to it (canary or linear, as the deployment
# group says; the group's CloudWatch alarms roll it back automatically), waiting for the outcome.
#
# Usage: tools/deploy/release.sh TERRAFORM_OUTPUTS_JSON
#   TERRAFORM_OUTPUTS_JSON  `terraform output -json` of the environment root, which must have:
#     deployments: { <module>: { application, deployment_group, function_name, alias } }
# Environment: SMOKE_SUB (the test user's `sub`, default "smoke-test-user"), AWS credentials and region.
# Prints one line per function; exits non-zero when any release failed or was rolled back.
set -euo pipefail
outputs=${1:?usage: release.sh TERRAFORM_OUTPUTS_JSON}
here="$(cd "$(dirname "$0")" && pwd)"
sub=${SMOKE_SUB:-smoke-test-user}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! jq -e '.deployments.value' "$outputs" >/dev/null; then
  # Without CodeDeploy, Terraform's apply has already pointed `live` at the new versions: nothing to shift, and
  # the post-traffic check (smoke.sh) is the only gate left. Say so loudly rather than fail an applied release.
  echo "::warning::release: Terraform output 'deployments' is missing: no CodeDeploy canary, live moved at apply"
  exit 0
fi

# The synthetic request each function answers before it receives traffic: it reads, writes nothing, and
# names a user that owns nothing.
pre_traffic_event() {
  case "$1" in
    job-api)   sed -e "s#__PATH__#/jobs#g" -e "s#__SUB__#$sub#" "$here/events/api-list.json" ;;
    image-api) sed -e "s#__PATH__#/images#g" -e "s#__SUB__#$sub#" "$here/events/api-list.json" ;;
    *)         cat "$here/events/sqs-empty.json" ;;
  esac
}

pre_traffic_check() {
  local module=$1 function=$2 version=$3 answer="$work/$module.json"
  pre_traffic_event "$module" >"$work/$module-event.json"
  aws lambda invoke --function-name "$function" --qualifier "$version" \
    --cli-binary-format raw-in-base64-out --payload "fileb://$work/$module-event.json" \
    "$answer" >"$work/$module-invoke.json"
  if jq -e '.FunctionError' "$work/$module-invoke.json" >/dev/null; then
    echo "release: $function:$version raised $(jq -c . "$answer")" >&2
    return 1
  fi
  case "$module" in
    job-api|image-api) jq -e '.statusCode == 200' "$answer" >/dev/null ;;
    *)                 jq -e '(.batchItemFailures // []) | length == 0' "$answer" >/dev/null ;;
  esac || { echo "release: $function:$version answered $(jq -c . "$answer")" >&2; return 1; }
}

status=0
for module in $(jq -r '.deployments.value | keys[]' "$outputs"); do
  read -r application group function alias < <(jq -r --arg m "$module" \
    '.deployments.value[$m] | "\(.application) \(.deployment_group) \(.function_name) \(.alias)"' "$outputs")
  current=$(aws lambda get-alias --function-name "$function" --name "$alias" --query FunctionVersion --output text)
  target=$(aws lambda list-versions-by-function --function-name "$function" \
    --query 'Versions[?Version!=`$LATEST`].Version' --output json | jq -r 'map(tonumber) | max')
  if [ "$current" = "$target" ]; then
    echo "release: $function already serves version $target"
    continue
  fi
  # SnapStart versions take a while to snapshot; the alias may not point at a version that is not active yet.
  aws lambda wait published-version-active --function-name "$function" --qualifier "$target"

  if ! pre_traffic_check "$module" "$function" "$target"; then
    echo "release: FAIL $function $current -> $target (pre-traffic check; no traffic moved)"
    status=1
    continue
  fi

  appspec=$(jq -nc --arg f "$function" --arg a "$alias" --arg c "$current" --arg t "$target" '{
    version: 0.0,
    Resources: [{ target: { Type: "AWS::Lambda::Function",
      Properties: { Name: $f, Alias: $a, CurrentVersion: $c, TargetVersion: $t } } }] }')
  deployment=$(aws deploy create-deployment --application-name "$application" \
    --deployment-group-name "$group" --description "$function $current -> $target (${GITHUB_SHA:-manual})" \
    --revision "$(jq -nc --arg content "$appspec" '{revisionType: "AppSpecContent", appSpecContent: {content: $content}}')" \
    --query deploymentId --output text)
  echo "release: $function $current -> $target through CodeDeploy $deployment"
  if aws deploy wait deployment-successful --deployment-id "$deployment"; then
    echo "release: OK   $function now serves version $target"
  else
    reason=$(aws deploy get-deployment --deployment-id "$deployment" \
      --query 'deploymentInfo.[status, errorInformation.message]' --output text || true)
    echo "release: FAIL $function $current -> $target ($reason); CodeDeploy returned the alias to $current"
    status=1
  fi
done
exit "$status"
