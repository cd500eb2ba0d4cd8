#!/usr/bin/env bash
# Lints the SAM template with the pinned linters of infra/local/requirements-lint.txt: cfn-lint,
# then `sam validate` (the SAM translator's own checks, offline); then runs the security gate:
# checkov (infra/local/requirements-checkov.txt) on the template as the SAM transform expands it,
# where every failed check must have its reason in infra/checkov-skips.yaml
# (infra/local/checkov_gate.py). Each tool lives in its own venv under .local-cloud/ (lint-venv,
# checkov-venv), created on first use and reinstalled when its pins change, because SAM CLI and
# checkov each pin a boto3/botocore range that must not hold back the other or the emulator's venv.
#
#   infra/local/lint.sh                    # lints infra/template.yaml
#   infra/local/lint.sh path/to/other.yaml # lints the given template instead
#
# Exits non-zero when a linter reports a problem or checkov a failure the skip list does not explain.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
template="${1:-$root/infra/template.yaml}"
shown="${template#"$root"/}"  # as the log shows it: relative to the checkout when inside it

# ensure_venv <venv dir> <requirements file>: creates the venv once, reinstalls when the pins change
ensure_venv() {
  local venv=$1 requirements=$2 wanted
  if [ ! -x "$venv/bin/python" ]; then
    command -v python3 >/dev/null 2>&1 || {
      echo "Python 3 with venv is required for the linters: install python3 and python3-venv" >&2
      exit 1
    }
    python3 -m venv "$venv"
  fi
  wanted=$(sha256sum "$requirements" | cut -d' ' -f1)
  if [ "$(cat "$venv/.requirements.sha256" 2>/dev/null)" != "$wanted" ]; then
    "$venv/bin/python" -m pip install --disable-pip-version-check --quiet --no-compile -r "$requirements"
    echo "$wanted" > "$venv/.requirements.sha256"
  fi
}

lint_venv="$root/.local-cloud/lint-venv"
checkov_venv="$root/.local-cloud/checkov-venv"
ensure_venv "$lint_venv" "$root/infra/local/requirements-lint.txt"
ensure_venv "$checkov_venv" "$root/infra/local/requirements-checkov.txt"

echo "cfn-lint $shown"
"$lint_venv/bin/cfn-lint" "$template"
echo "sam validate --lint $shown"
(cd "$root" && AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}" SAM_CLI_TELEMETRY=0 \
  "$lint_venv/bin/sam" validate --lint --template-file "$shown")

# checkov reads the expanded template: the SAM form hides the roles, permissions and the API stage
# that the transform generates (the same failures, and 300 more passed checks, mostly IAM).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$lint_venv/bin/python" "$root/infra/local/translate.py" "$template" > "$work/template.json"
echo "checkov on $shown (as the SAM transform expands it), skip list infra/checkov-skips.yaml"
# checkov exits 1 on any failed check; the gate below decides, from the report
"$checkov_venv/bin/checkov" --file "$work/template.json" --framework cloudformation --compact --skip-download \
  --output json > "$work/checkov.json" || true
"$checkov_venv/bin/python" "$root/infra/local/checkov_gate.py" "$work/checkov.json" "$root/infra/checkov-skips.yaml"
