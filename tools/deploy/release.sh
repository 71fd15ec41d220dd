#!/usr/bin/env bash
# Releases the versions Terraform just published: for each function, a pre-traffic check that invokes the new
# version itself (qualifier = version number), then a CodeDeploy deployment that moves the `live` alias to it
# (canary or linear, as the deployment group says; the group's CloudWatch alarms, among them one on the new
# version's own error rate, roll it back automatically), waiting for the outcome. During the shift, probe
# invocations go through the alias, so even a quiet environment sends the canary traffic: they give its alarm data,
# and an answer from the new version that the pre-traffic check would refuse stops the deployment with rollback
# at once (a function answering HTTP 500 raises no Lambda error, so no alarm would see it).
#
# Usage: tools/deploy/release.sh TERRAFORM_OUTPUTS_JSON
#   TERRAFORM_OUTPUTS_JSON  `terraform output -json` of the environment root, which must have:
#     deployments: { <module>: { application, deployment_group, function_name, alias } }
# Environment: SMOKE_SUB (the test user's `sub`, default "smoke-test-user"), CANARY_PROBES (invocations through
# the alias during each shift, one every 3 s, default 60; 0 turns the probe off), AWS credentials and region.
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

# Whether an answer (invoke metadata, payload) is the one the synthetic event must get.
answer_ok() {
  local module=$1 meta=$2 answer=$3
  jq -e '.FunctionError' "$meta" >/dev/null && return 1
  case "$module" in
    job-api|image-api) jq -e '.statusCode == 200' "$answer" >/dev/null ;;
    *)                 jq -e '(.batchItemFailures // []) | length == 0' "$answer" >/dev/null ;;
  esac
}

pre_traffic_check() {
  local module=$1 function=$2 version=$3 answer="$work/$module.json"
  pre_traffic_event "$module" >"$work/$module-event.json"
  aws lambda invoke --function-name "$function" --qualifier "$version" \
    --cli-binary-format raw-in-base64-out --payload "fileb://$work/$module-event.json" \
    "$answer" >"$work/$module-invoke.json"
  answer_ok "$module" "$work/$module-invoke.json" "$answer" \
    || { echo "release: $function:$version answered $(jq -c . "$answer")" >&2; return 1; }
}

# Runs while CodeDeploy shifts the alias: invokes the alias like a client would; when the new version answers
# wrongly, stops the deployment (CodeDeploy returns the alias to the old version) and exits 1.
canary_probe() {
  local module=$1 function=$2 alias=$3 target=$4 deployment=$5 i meta answer
  meta="$work/$module-probe-invoke.json"; answer="$work/$module-probe.json"
  for ((i = 0; i < ${CANARY_PROBES:-60}; i++)); do
    if aws lambda invoke --function-name "$function" --qualifier "$alias" \
         --cli-binary-format raw-in-base64-out --payload "fileb://$work/$module-event.json" "$answer" >"$meta" 2>/dev/null \
       && [ "$(jq -r '.ExecutedVersion' "$meta")" = "$target" ] && ! answer_ok "$module" "$meta" "$answer"; then
      echo "release: canary probe: $function:$target answered $(jq -c . "$answer"); stopping $deployment" >&2
      aws deploy stop-deployment --deployment-id "$deployment" --auto-rollback-enabled >/dev/null
      return 1
    fi
    sleep 3
  done
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
  canary_probe "$module" "$function" "$alias" "$target" "$deployment" &
  probe=$!
  if aws deploy wait deployment-successful --deployment-id "$deployment"; then
    echo "release: OK   $function now serves version $target"
  else
    reason=$(aws deploy get-deployment --deployment-id "$deployment" \
      --query 'deploymentInfo.[status, errorInformation.message]' --output text || true)
    echo "release: FAIL $function $current -> $target ($reason); CodeDeploy returned the alias to $current"
    status=1
  fi
  kill "$probe" 2>/dev/null || true
  wait "$probe" 2>/dev/null || true
done
exit "$status"
