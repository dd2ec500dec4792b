#!/usr/bin/env bash
# npm run test:livy: the judge. Runs the whole conformance catalogue against a real Apache Livy
# 0.9.0 (Docker image, or a local process when Docker cannot run) and against the emulator,
# prints the divergences and records the real transcripts in src/fixtures/recorded/.
#
#   scripts/test-livy.sh [--grep RE] [--mode auto|docker|local] [--port N] [--no-record] [--rebuild]
#   LIVY_URL=http://127.0.0.1:8998 scripts/test-livy.sh      # judge an already running Livy
#
# Exit: 0 every compared scenario agrees; 1 otherwise; 78 BLOCKED (Livy 0.9.0 artifacts unavailable).
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node="$repo/node_modules/.bin/node"   # Node 24 (runs .ts directly)
[[ -x "$node" ]] || node="node"
exec "$node" "$repo/src/conformance/judge.ts" "$@"
