#!/usr/bin/env bash
# Offline checks that no secret value can leave AWS through Terraform or the deploy workflows:
#   1. no workflow uploads a Terraform plan or state file as an artifact (a plan file contains the prior state and
#      every planned value; artifacts are readable by anyone who can read the repository's Actions);
#   2. every `terraform apply` in a workflow applies a plan made in the same job and checked against the reviewed
#      summary by tools/deploy/plan.sh (never a downloaded plan);
#   3. every aws_ssm_parameter Terraform manages takes its value only through the write-only value_wo (value and
#      insecure_value are stored in state), and no configuration reads a parameter or secret through a data
#      source (data sources store what they read in state).
# Prints one line per finding and "N passed, N failed"; exits 1 when anything failed.
# Usage: tools/check-deploy-safety.sh [REPOSITORY_ROOT]   (default: this repository)
set -uo pipefail
root="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
exec python3 - "$root" <<'PY'
import pathlib, re, shlex, sys

root = pathlib.Path(sys.argv[1])
passed = failed = 0

def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
        print(f"PASS {what}")
    else:
        failed += 1
        print(f"FAIL {what}")

def steps(text):
    """Yields (first line number, lines) of each step: a '- ' item that holds a 'uses:' or 'run:' key."""
    lines = text.splitlines()
    starts = [i for i, l in enumerate(lines) if re.match(r"^\s*- (uses|name|run|id|if|with|env|working-directory):", l)]
    for n, i in enumerate(starts):
        indent = len(lines[i]) - len(lines[i].lstrip())
        end = len(lines)
        for j in range(i + 1, len(lines)):
            stripped = lines[j].lstrip()
            if stripped and len(lines[j]) - len(stripped) <= indent and not stripped.startswith("#"):
                end = j
                break
        yield i + 1, lines[i:end]

plan_like = re.compile(r"tfplan|\.tfstate|\.plan\b|plan\.out|terraform\.tfstate|infra/terraform|terraform_dir", re.I)
workflows = sorted((root / ".github/workflows").glob("*.y*ml"))
check(bool(workflows), f"workflows found under .github/workflows ({len(workflows)})")
for wf in workflows:
    text = wf.read_text()
    rel = wf.relative_to(root)
    for line, body in steps(text):
        joined = "\n".join(body)
        if "actions/upload-artifact" in joined:
            # Everything the step names, including a multi-line `path: |` block.
            check(not plan_like.search(joined), f"{rel}:{line} uploads no Terraform plan or state")
    # Commands only: step names and comments may say "terraform apply".
    commands = [m.start() for m in re.finditer(r"^(?!\s*(#|- name:|name:)).*?\bterraform(\s+-chdir=\S+)?\s+apply\b", text, re.M)]
    for pos in commands:
        line = text.count("\n", 0, pos) + 1
        tail = text[pos:text.find("\n", pos)]
        # The last plan.sh call before this apply: TERRAFORM_DIR PLAN_FILE SUMMARY_FILE REVIEWED_SUMMARY_FILE.
        calls = re.findall(r"tools/deploy/plan\.sh\s+(.*)", text[:pos])
        args = shlex.split(calls[-1]) if calls else []
        same_plan = len(args) == 4 and "reviewed" in args[3] and args[1] in shlex.split(tail)
        check(same_plan and "-target" not in tail and "-auto-approve" not in tail,
              f"{rel}:{line} applies the plan that tools/deploy/plan.sh checked against the reviewed summary")

tf_files = [p for p in (root / "infra/terraform").rglob("*.tf") if ".terraform" not in p.parts]
def blocks(text, kind, type_):
    for m in re.finditer(rf'^{kind}\s+"{type_}"\s+"([^"]+)"\s*{{', text, re.M):
        depth, i = 0, m.end() - 1
        while i < len(text):
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            if depth == 0:
                break
            i += 1
        yield m.group(1), text[m.end():i], text.count("\n", 0, m.start()) + 1

managed = 0
for tf in tf_files:
    text = tf.read_text()
    rel = tf.relative_to(root)
    for name, body, line in blocks(text, "resource", "aws_ssm_parameter"):
        managed += 1
        body_no_comments = "\n".join(l.split("#")[0] for l in body.splitlines())
        check(re.search(r"^\s*value_wo\s*=", body_no_comments, re.M) is not None
              and re.search(r"^\s*(value|insecure_value)\s*=", body_no_comments, re.M) is None,
              f"{rel}:{line} aws_ssm_parameter.{name} is written only through value_wo")
    for kind in ("aws_ssm_parameter", "aws_ssm_parameters_by_path", "aws_secretsmanager_secret_version", "aws_kms_secrets"):
        for name, _, line in blocks(text, "data", kind):
            check(False, f"{rel}:{line} data.{kind}.{name} would store a secret in state")
    for name, body, line in blocks(text, "resource", "aws_secretsmanager_secret_version"):
        check(re.search(r"^\s*secret_string\s*=", body, re.M) is None, f"{rel}:{line} aws_secretsmanager_secret_version.{name} uses secret_string_wo")
check(managed > 0, f"found the managed SSM parameters ({managed})")

print(f"check-deploy-safety: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
