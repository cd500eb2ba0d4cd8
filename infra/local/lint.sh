#!/usr/bin/env bash
# Lints the SAM template with the pinned linters of infra/local/requirements-lint.txt: cfn-lint,
# then `sam validate` (the SAM translator's own checks, offline). They live in their own venv,
# .local-cloud/lint-venv, created on first use and reinstalled when the pins change, because SAM
# CLI pins a boto3/botocore range that must not hold back the emulator's venv.
#
#   infra/local/lint.sh                    # lints infra/template.yaml
#   infra/local/lint.sh path/to/other.yaml # lints the given template instead
#
# Exits non-zero when either linter reports a problem.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
venv="$root/.local-cloud/lint-venv"
requirements="$root/infra/local/requirements-lint.txt"
stamp="$venv/.requirements.sha256"
template="${1:-$root/infra/template.yaml}"

if [ ! -x "$venv/bin/python" ]; then
  command -v python3 >/dev/null 2>&1 || {
    echo "Python 3 with venv is required for the linters: install python3 and python3-venv" >&2
    exit 1
  }
  python3 -m venv "$venv"
fi
wanted=$(sha256sum "$requirements" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  "$venv/bin/python" -m pip install --disable-pip-version-check --quiet -r "$requirements"
  echo "$wanted" > "$stamp"
fi

echo "cfn-lint $template"
"$venv/bin/cfn-lint" "$template"
echo "sam validate --lint $template"
AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}" SAM_CLI_TELEMETRY=0 \
  "$venv/bin/sam" validate --lint --template-file "$template"
