#!/usr/bin/env bash
# Mutation check for the security tests: plants each mutation below, one at a time, in a temporary copy of the
# repository's infrastructure and delivery files, runs only the check that covers the mutated file (one module's
# `terraform test`, or tools/check-deploy-safety.sh), and reports whether it failed ("killed") or passed
# ("SURVIVED": the tests do not notice that weakening). Exits 1 when a mutation survives or no longer applies.
# Usage: infra/terraform/mutate.sh [NAME_FILTER]   (offline; uses /opt/tf-plugins when present)
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
filter="${1:-}"
plugin_dir="/opt/tf-plugins"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 TF_INPUT=0
if [[ -n "${TF_CLI_CONFIG_FILE:-}" && ! -e "$TF_CLI_CONFIG_FILE" ]]; then
  export TF_CLI_CONFIG_FILE=/dev/null
fi

# name | file (from the repository root) | text to find (exactly once) | replacement | check
# check: a module directory under infra/terraform (its `terraform test` runs) or "safety" (tools/check-deploy-safety.sh).
mutations=(
  "plan-role-may-run-partiql|infra/terraform/modules/github-deploy-roles/main.tf|\"dynamodb:PartiQLSelect\",| |modules/github-deploy-roles"
  "plan-role-may-read-logs-insights|infra/terraform/modules/github-deploy-roles/main.tf|\"logs:StartQuery\", | |modules/github-deploy-roles"
  "plan-role-decrypts-gemini-key|infra/terraform/modules/github-deploy-roles/main.tf|[\"alias/\${n.prefix}-cursor-signing-key\"]|[\"alias/\${n.prefix}-cursor-signing-key\", \"alias/\${n.prefix}-gemini-api-key\"]|modules/github-deploy-roles"
  "plan-role-decrypts-any-parameter|infra/terraform/modules/github-deploy-roles/main.tf|        \"kms:EncryptionContext:PARAMETER_ARN\" = local.cursor_key_parameter_arns[env]
||modules/github-deploy-roles"
  "apply-passes-any-role|infra/terraform/modules/github-deploy-roles/apply.tf|Action    = [\"iam:PassRole\"]
        Resource  = local.function_role_arns[env]|Action    = [\"iam:PassRole\"]
        Resource  = [\"\${local.arn}:iam::\${local.account}:role/*\"]|modules/github-deploy-roles"
  "apply-creates-roles-without-boundary|infra/terraform/modules/github-deploy-roles/apply.tf|        Condition = { StringEquals = { \"iam:PermissionsBoundary\" = a.boundary } }
|        Condition = { StringLike = { \"iam:PermissionsBoundary\" = \"*\" } }
|modules/github-deploy-roles"
  "apply-gets-extra-action|infra/terraform/modules/github-deploy-roles/apply.tf|\"sqs:CreateQueue\", |\"sqs:CreateQueue\", \"sqs:*\", |modules/github-deploy-roles"
  "apply-manages-processor-repository|infra/terraform/modules/github-deploy-roles/apply.tf|[\"ecr:DescribeRepositories\", \"ecr:ListTagsForResource\"]|[\"ecr:DescribeRepositories\", \"ecr:ListTagsForResource\", \"ecr:DeleteRepository\"]|modules/github-deploy-roles"
  "apply-retags-other-environments|infra/terraform/modules/github-deploy-roles/apply.tf|, StringEqualsIfExists = { \"aws:ResourceTag/Environment\" = env } } },| } },|modules/github-deploy-roles"
  "apply-manages-untagged-resources|infra/terraform/modules/github-deploy-roles/apply.tf|Resource = [r.arn], Condition = { StringEquals = { \"aws:ResourceTag/Environment\" = env } } },|Resource = [r.arn] },|modules/github-deploy-roles"
  "boundary-grants-iam|infra/terraform/modules/github-deploy-roles/apply.tf|{ Sid = \"PublishAlerts\", Effect = \"Allow\", Action = [\"sns:Publish\"]|{ Sid = \"PublishAlerts\", Effect = \"Allow\", Action = [\"sns:Publish\", \"iam:PassRole\"]|modules/github-deploy-roles"
  "gemini-value-in-state|infra/terraform/modules/secure-parameter/main.tf|  value_wo         = local.generated_value|  value            = local.generated_value|safety"
  "workflow-uploads-plan|.github/workflows/deploy-environment.yml|path: \${{ runner.temp }}/reviewed/plan-summary.txt|path: \${{ runner.temp }}/tfplan|safety"
  "workflow-applies-unchecked-plan|.github/workflows/deploy-environment.yml|terraform apply -input=false -lock-timeout=5m \"\$RUNNER_TEMP/tfplan\"|terraform apply -input=false -auto-approve|safety"
  "bucket-tls-deny-narrowed|infra/terraform/modules/s3-bucket/main.tf|        Action    = \"s3:*\"
        Resource  = [aws_s3_bucket.this.arn, \"\${aws_s3_bucket.this.arn}/*\"]|        Action    = \"s3:GetObject\"
        Resource  = [aws_s3_bucket.this.arn, \"\${aws_s3_bucket.this.arn}/*\"]|modules/s3-bucket"
  "bucket-policy-extra-principal|infra/terraform/modules/cdn/outputs.tf|identifiers = [\"cloudfront.amazonaws.com\"]|identifiers = [\"cloudfront.amazonaws.com\", \"lambda.amazonaws.com\"]|modules/cdn"
  "cdn-drops-hsts|infra/terraform/modules/cdn/main.tf|      include_subdomains         = true
      preload                    = true
      override                   = true|      include_subdomains         = false
      preload                    = false
      override                   = false|modules/cdn"
  "cdn-drops-nosniff|infra/terraform/modules/cdn/main.tf|    content_type_options {
      override = true
    }
||modules/cdn"
  "canary-alarm-function-wide|infra/terraform/modules/monitoring/main.tf|dimensions  = tomap({ FunctionName = c.function_name, Resource = \"\${c.function_name}:\${c.alias}\", ExecutedVersion = c.version })|dimensions  = tomap({ FunctionName = c.function_name })|modules/monitoring"
  "role-without-boundary|infra/terraform/modules/lambda-function/codedeploy.tf|  permissions_boundary = var.permissions_boundary_arn|  permissions_boundary = null|modules/lambda-function"
  "runbook-url-may-be-relative|infra/terraform/modules/platform/variables.tf|regex(\"^https://[A-Za-z0-9.-]+(:[0-9]+)?/|regex(\"^(https://[A-Za-z0-9.-]+(:[0-9]+)?)?/?|modules/platform"
  "dlq-after-five-receives|infra/terraform/modules/queue-with-dlq/variables.tf|  description = \"Receives before a message moves to the DLQ.\"
  type        = number
  default     = 3|  description = \"Receives before a message moves to the DLQ.\"
  type        = number
  default     = 5|modules/queue-with-dlq"
)

# The copy: what the checks read (Terraform, the contract it reads, workflows and the safety check).
mkdir -p "$work/repo/tools"
cp -R "$root/contract" "$root/.github" "$work/repo/"
cp "$root/tools/check-deploy-safety.sh" "$work/repo/tools/"
tar -C "$root" --exclude=.terraform --exclude=.terraform.lock.hcl --exclude="*.tfstate*" -cf - infra/terraform | tar -C "$work/repo" -xf -
copy="$work/repo"

init_args=(-backend=false -input=false -no-color)
[[ -d "$plugin_dir" ]] && init_args+=("-plugin-dir=$plugin_dir")
declare -A initialised=()

run_check() {
  local check=$1 log=$2
  if [[ "$check" == safety ]]; then
    "$copy/tools/check-deploy-safety.sh" "$copy" >"$log" 2>&1
  else
    if [[ -z "${initialised[$check]:-}" ]]; then
      terraform -chdir="$copy/infra/terraform/$check" init "${init_args[@]}" >"$log.init" 2>&1 || { cat "$log.init"; return 2; }
      initialised[$check]=1
    fi
    terraform -chdir="$copy/infra/terraform/$check" test -no-color >"$log" 2>&1
  fi
}

killed=0; survived=0; stale=0; started=$(date +%s)
for m in "${mutations[@]}"; do
  IFS='|' read -r -d '' name file old new check <<<"$m" || true
  check="${check%$'\n'}"
  [[ -n "$filter" && "$name" != *"$filter"* ]] && continue
  target="$copy/$file"
  cp "$target" "$work/original"
  if ! python3 - "$target" "$old" "$new" <<'PY'
import sys
path, old, new = sys.argv[1:4]
text = open(path).read()
if text.count(old) != 1:
    sys.exit(1)
open(path, "w").write(text.replace(old, new))
PY
  then
    stale=$((stale + 1)); echo "STALE    $name: the text to mutate is not in $file exactly once"; continue
  fi
  t0=$(date +%s)
  run_check "$check" "$work/$name.log"; rc=$?
  cp "$work/original" "$target"
  if [[ $rc -eq 2 ]]; then
    stale=$((stale + 1)); echo "ERROR    $name: init of $check failed"
  elif [[ $rc -ne 0 ]]; then
    killed=$((killed + 1)); printf 'killed   %-40s by %-32s %3ss\n' "$name" "$check" "$(($(date +%s) - t0))"
  else
    survived=$((survived + 1)); printf 'SURVIVED %-40s %s still passes\n' "$name" "$check"
  fi
done
echo "mutate: ${killed} killed, ${survived} survived, ${stale} stale ($(($(date +%s) - started)) s)"
[[ $survived -eq 0 && $stale -eq 0 ]]
