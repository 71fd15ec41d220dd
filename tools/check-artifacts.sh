#!/usr/bin/env bash
# After a build (./mvnw -B install or verify), checks the delivery facts that tie the Maven output, the platform
# contract and Terraform together:
#   1. every function in contract/platform-contract.json has its artifact <module>/target/<module>-lambda.zip;
#   2. the handler class named in the contract is in the module's own jar inside that zip (lib/<module>-*.jar);
#   3. every handler class name written in infra/terraform is a handler of the contract, and Terraform's naming
#      module reads its handlers from the contract file itself;
#   4. for functions packaged as an image, the Dockerfile's CMD is the contract's handler;
#   5. every function's jar carries its configuration: application.properties (read by Micronaut itself), or an
#      application.yml together with a YAML parser in the zip (without one Micronaut skips the file silently, and
#      tests do not notice because the emulators bring one onto the test class path).
# Prints one line per check and a summary line "N passed, N failed"; exits 1 when anything failed.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
contract=contract/platform-contract.json

passed=0; failed=0
pass() { passed=$((passed + 1)); printf 'PASS %s\n' "$*"; }
fail() { failed=$((failed + 1)); printf 'FAIL %s\n' "$*"; }

if [ ! -f "$contract" ]; then
  echo "FAIL $contract is missing"; echo "0 passed, 1 failed"; exit 1
fi
# module<TAB>handler class (without a ::method suffix)<TAB>package type
functions=$(python3 - "$contract" <<'PY'
import json, sys
for name, spec in sorted(json.load(open(sys.argv[1]))["functions"].items()):
    print(f"{name}\t{spec['handler'].split('::')[0]}\t{spec.get('package', 'zip')}")
PY
) || { echo "FAIL $contract is not readable JSON"; echo "0 passed, 1 failed"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

while IFS=$'\t' read -r module handler package; do
  zip="$module/target/$module-lambda.zip"
  if [ ! -f "$zip" ]; then
    fail "$module: artifact $zip not built"
    continue
  fi
  pass "$module: artifact $zip ($(( $(stat -c %s "$zip") / 1024 )) KiB)"

  jar=$(unzip -Z1 "$zip" 2>/dev/null | grep -E "^lib/$module-[0-9][^/]*\.jar$" || true)
  jar=${jar%%$'\n'*}
  if [ -z "$jar" ]; then
    fail "$module: no lib/$module-<version>.jar inside $zip"
    continue
  fi
  unzip -q -o "$zip" "$jar" -d "$work/$module" >/dev/null 2>&1
  # Listings are read whole before grep: with pipefail, grep -q stopping early would fail the pipeline.
  jar_entries=$(unzip -Z1 "$work/$module/$jar" 2>/dev/null)
  zip_entries=$(unzip -Z1 "$zip" 2>/dev/null)
  class="${handler//.//}.class"
  if grep -qxF "$class" <<<"$jar_entries"; then
    pass "$module: handler $handler in $jar"
  else
    fail "$module: handler $handler not found in $jar"
  fi

  if grep -qxF application.yml <<<"$jar_entries"; then
    if grep -qE '^lib/snakeyaml-[0-9][^/]*\.jar$' <<<"$zip_entries"; then
      pass "$module: application.yml and a YAML parser (snakeyaml) in $zip"
    else
      fail "$module: application.yml but no YAML parser in $zip: the function would start unconfigured"
    fi
  elif grep -qxF application.properties <<<"$jar_entries"; then
    pass "$module: application.properties in $jar"
  else
    fail "$module: neither application.properties nor application.yml in $jar: the function would start unconfigured"
  fi

  if [ "$package" = "image" ]; then
    dockerfile="$module/Dockerfile"
    cmd=$(grep -E '^CMD ' "$dockerfile" 2>/dev/null | tail -1)
    if [ -z "$cmd" ]; then
      fail "$module: packaged as an image but $dockerfile has no CMD"
    elif [[ "$cmd" == *"\"$handler\""* || "$cmd" == *"\"$handler::"* ]]; then
      pass "$module: $dockerfile CMD is the contract handler"
    else
      fail "$module: $dockerfile $cmd does not name $handler"
    fi
  fi
done <<<"$functions"

if [ -d infra/terraform ]; then
  known=$(cut -f2 <<<"$functions")
  literals=$(grep -rhoE --include='*.tf' --include='*.tfvars' --include='*.hcl' \
               'io\.mocplatform\.[A-Za-z0-9_.]+[A-Za-z0-9_]' infra/terraform | sort -u)
  if [ -z "$literals" ]; then
    pass "terraform: writes no handler class names of its own"
  fi
  while read -r literal; do
    [ -z "$literal" ] && continue
    if grep -qxF "$literal" <<<"$known"; then
      pass "terraform: handler $literal is in the contract"
    else
      fail "terraform: handler $literal is not a handler of the contract"
    fi
  done <<<"$literals"
  if grep -rqF --include='*.tf' 'platform-contract.json' infra/terraform/modules; then
    pass "terraform: function handlers are read from $contract"
  else
    fail "terraform: no module reads $contract (handlers may drift from the contract)"
  fi
else
  fail "terraform: infra/terraform is missing"
fi

echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
