#!/usr/bin/env bash
# npm run check:package: the package as users get it. Packs the tarball, lints it with publint
# and @arethetypeswrong/cli, then runs the package tests (test/package/: the tarball installed
# offline into a scratch project, require()d, imported, type-checked, its bin started) on
# Node 22.12, the oldest Node that engines allows (npm test runs them on Node 24).
#
#   scripts/check-package.sh      # needs dist/ (npm run build); builds it when missing
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[[ -f dist/src/index.js ]] || npm run build

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# --ignore-scripts: `prepare` would build again what is already built.
npm pack --ignore-scripts --pack-destination "$tmp" >/dev/null 2>&1
tarball="$(ls "$tmp"/livy-emulator-*.tgz)"
echo "== $(basename "$tarball"): $(du -k "$tarball" | cut -f1) KB, $(tar -tzf "$tarball" | wc -l) files"

echo "== publint"
npx publint run --strict "$tarball"

echo "== attw"
# cjs-resolves-to-esm is the design, not a mistake: every require condition is an ES module
# that Node 22.12+ loads with require(esm). attw's bundled TypeScript (5.6) predates that; the
# consumer tests check require() on Node 22 and 24 and TypeScript 5.9's nodenext instead
# (docs/decisions/0025). spec/openapi.yaml is a YAML export, not a module.
npx attw "$tarball" --ignore-rules cjs-resolves-to-esm --exclude-entrypoints ./spec/openapi.yaml \
  --format table-flipped

echo "== package tests on Node 22"
node22="$(scripts/node22.sh)"
echo "consumers run on $("$node22" --version) ($node22)"
CONSUMER_NODE="$node22" npx vitest run test/package/
