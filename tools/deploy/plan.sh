#!/usr/bin/env bash
# Plans an environment and writes what the plan would do, without any value: one line per resource change,
# "<actions> <address>", sorted. The plan file itself holds the prior state and every planned attribute (secrets
# included), so it never leaves the job that made it; only this summary travels.
#
# Usage: tools/deploy/plan.sh TERRAFORM_DIR PLAN_FILE SUMMARY_FILE [REVIEWED_SUMMARY_FILE]
#   With REVIEWED_SUMMARY_FILE (the apply job): refuses (exit 3) when this plan would do anything other than the
#   reviewed one, printing the difference; the caller then applies PLAN_FILE, the plan it just made and checked.
# Environment: TF_VAR_* as the root needs them, AWS credentials.
set -euo pipefail
dir=${1:?usage: plan.sh TERRAFORM_DIR PLAN_FILE SUMMARY_FILE [REVIEWED_SUMMARY_FILE]}
plan=${2:?plan file}
summary=${3:?summary file}
reviewed=${4:-}

terraform -chdir="$dir" plan -input=false -lock-timeout=5m -out="$plan" >&2
# Data sources that are read during apply show as "read": they are part of what the apply will do.
terraform -chdir="$dir" show -json "$plan" \
  | jq -r '.resource_changes[]? | select(.change.actions != ["no-op"]) | "\(.change.actions | join("+")) \(.address)"' \
  | LC_ALL=C sort >"$summary"
echo "plan: $(wc -l <"$summary") resource changes" >&2

if [ -n "$reviewed" ]; then
  if ! diff -u --label reviewed --label "now" "$reviewed" "$summary"; then
    echo "plan: REFUSED: the plan differs from the reviewed one (lines above); re-run the deployment to review a new plan" >&2
    exit 3
  fi
  echo "plan: matches the reviewed plan" >&2
fi
