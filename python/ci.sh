#!/usr/bin/env bash
# CI stage of the Python package (`.ci/run`): builds the wheel, installs it into a fresh venv
# with nothing but the examples' pinned requirements, and runs python/tests (the plugin, the
# control client against the spec, the engine on the wheel's own Node) and python/examples
# (requests, pylivy, Airflow's LivyHook and LivyOperator) against it. Missing client libraries
# fail the examples here instead of skipping them (LIVY_EMULATOR_EXAMPLES_STRICT=1).
#
#   python/ci.sh            # after npm run build (dist/server/ must exist)
#
# The requirements come from a wheelhouse built once per requirements file (PyPI, then cached
# in ~/.cache/livy-emulator/), so the fresh venv installs with --no-index.
# Env: LIVY_EMULATOR_PY_CACHE (default ~/.cache/livy-emulator), PYTHON (default python3.11 or python3)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
cache="${LIVY_EMULATOR_PY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/livy-emulator}"
python="${PYTHON:-$(command -v python3.11 || command -v python3)}"
requirements="$here/requirements/examples.txt"
# Keyed by the pins only (comments may change without a rebuild).
wheelhouse="$cache/python-wheelhouse-$(grep -v "^#" "$requirements" | sha256sum | cut -c1-12)"
venv="$cache/python-ci-venv"
say() { echo "python-ci: $*"; }
t() { date +%s.%N; }
elapsed() { awk "BEGIN{printf \"%.1f\", $(t) - $1}"; }

t0=$(t)
if [[ ! -f "$wheelhouse/.complete" ]]; then
  say "building the wheelhouse $wheelhouse from PyPI (once per requirements file; minutes)"
  rm -rf "$wheelhouse.tmp" && mkdir -p "$wheelhouse.tmp"
  "$python" -m pip wheel --quiet --disable-pip-version-check --no-deps -r "$requirements" -w "$wheelhouse.tmp"
  touch "$wheelhouse.tmp/.complete"
  rm -rf "$wheelhouse" && mv "$wheelhouse.tmp" "$wheelhouse"
fi
say "wheelhouse ready ($(ls "$wheelhouse" | wc -l) wheels) in $(elapsed "$t0") s"

t1=$(t)
PYTHON="$python" "$here/build-wheel.sh" --no-npm >/dev/null
wheel="$(ls "$here"/dist/livy_emulator-*.whl)"
say "built $(basename "$wheel") ($(du -h "$wheel" | cut -f1)) in $(elapsed "$t1") s"

t2=$(t)
"$python" -m venv --clear "$venv"
# --no-index: the wheel and its examples need nothing but PyPI packages (no Node on the system,
# no node_modules): everything comes from the wheelhouse and the wheel just built.
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-index --no-compile \
  --find-links "$wheelhouse" "$wheel" -r "$requirements"
say "fresh venv $venv: $("$venv/bin/python" -m pip list --format=freeze 2>/dev/null | wc -l) packages in $(elapsed "$t2") s"

t3=$(t)
cd "$here"
# The launcher must find its Node and server in the wheel: no overrides, no repo bin on PATH.
env -u LIVY_EMULATOR_SERVER -u LIVY_EMULATOR_NODE LIVY_EMULATOR_EXAMPLES_STRICT=1 \
  PATH="$venv/bin:/usr/local/bin:/usr/bin:/bin" \
  "$venv/bin/python" -m pytest -p no:cacheprovider -q -rs tests examples
say "tests and examples in $(elapsed "$t3") s"
echo "$venv/bin/python" >"$cache/python-ci-venv.python"
