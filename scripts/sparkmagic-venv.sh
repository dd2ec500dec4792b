#!/usr/bin/env bash
# Creates the Python venv the sparkmagic integration test (test/sparkmagic/) runs in: sparkmagic
# 0.23.0 from PyPI and everything it needs, pinned in test/sparkmagic/requirements.txt.
# Idempotent: when the venv exists and was installed from the same requirements, it returns at
# once. Needs Python >= 3.11 and pip reaching PyPI (or a configured index).
#
#   scripts/sparkmagic-venv.sh            # creates ~/.cache/livy-emulator/sparkmagic-venv
#   SPARKMAGIC_VENV=/some/dir scripts/sparkmagic-venv.sh
#
# The test finds the venv at $SPARKMAGIC_VENV (default: the user's cache directory, so that
# fresh clones on one machine share it: creating it takes minutes).
set -euo pipefail
cd "$(dirname "$0")/.."

venv="${SPARKMAGIC_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/livy-emulator/sparkmagic-venv}"
requirements=test/sparkmagic/requirements.txt
stamp="$venv/.installed-from"
wanted="$(sha256sum "$requirements" | cut -d' ' -f1)"

if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]] &&
  "$venv/bin/python" -c 'import sparkmagic.livyclientlib.sparkcontroller' 2>/dev/null; then
  echo "sparkmagic venv ready: $venv"
  exit 0
fi

python=""
for candidate in python3.11 python3.12 python3.13 python3; do
  if command -v "$candidate" >/dev/null &&
    "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
    python="$candidate"
    break
  fi
done
if [[ -z "$python" ]]; then
  echo "ERROR: the sparkmagic venv needs Python >= 3.11 (python3.11 … python3 on PATH)" >&2
  exit 1
fi

echo "creating the sparkmagic venv in $venv with $($python --version)"
rm -rf "$venv"
mkdir -p "$(dirname "$venv")"
"$python" -m venv "$venv"
# --no-deps: the requirements list is complete, and pip must not pull requests-kerberos'
# kerberos extra (it needs krb5 headers to build).
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -r "$requirements"
"$venv/bin/python" -c 'import sparkmagic.livyclientlib.sparkcontroller, pandas, IPython'
echo "$wanted" >"$stamp"
echo "sparkmagic venv ready: $venv ($("$venv/bin/python" -m pip show sparkmagic 2>/dev/null | sed -n 's/^Version: /sparkmagic /p'))"
