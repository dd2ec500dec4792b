#!/usr/bin/env bash
# The conformance catalogue against the emulator's container image, and against
# `npx livy-emulator` (this checkout's bin) with the same options, in one run: the two must give
# the same outcome for every scenario. Then the container is stopped with SIGTERM, which must
# take under a second. Everything started here is stopped on exit.
#
#   docker/conformance.sh            # the image: $EMULATOR_IMAGE (default livy-emulator/emulator:local)
#
# Exit: 0 same outcomes and a fast stop; 1 otherwise.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
image="${EMULATOR_IMAGE:-livy-emulator/emulator:local}"
export PATH="$repo/node_modules/.bin:$PATH"
out="$(mktemp -d "${TMPDIR:-/tmp}/emulator-conformance.XXXXXX")"
container="" local_pid=""
cleanup() {
  [[ -n "$local_pid" ]] && kill "$local_pid" 2>/dev/null
  [[ -n "$container" ]] && docker rm -f "$container" >/dev/null 2>&1
  rm -rf "$out"
}
trap cleanup EXIT
say() { echo "image-conformance: $*"; }
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
wait_http() { # url seconds
  for _ in $(seq 1 $(($2 * 10))); do
    curl -s -o /dev/null "$1/sessions" && return 0
    sleep 0.1
  done
  return 1
}

# The catalogue's emulator-only scenarios rewind and read the clock: a frozen clock, as the
# in-process target has.
image_port="$(free_port)" local_port="$(free_port)"
container="$(docker run -d --rm --network host -e PORT="$image_port" -e LIVY_EMULATOR_CLOCK=frozen \
  --label livy-emulator.ci=conformance "$image")" || { say "docker run $image failed"; exit 1; }
node "$repo/bin/livy-emulator.js" --port "$local_port" --clock frozen >"$out/local.log" 2>&1 &
local_pid=$!
wait_http "http://127.0.0.1:$image_port" 30 || { docker logs "$container" | tail -20; say "the container did not answer"; exit 1; }
wait_http "http://127.0.0.1:$local_port" 30 || { tail -20 "$out/local.log"; say "npx livy-emulator did not answer"; exit 1; }
health="$(for _ in $(seq 1 150); do
  s="$(docker inspect --format '{{.State.Health.Status}}' "$container")"; [[ "$s" != starting ]] && break; sleep 0.2; done; echo "$s")"
say "container $(docker inspect --format '{{.Config.User}}' "$container" | sed 's/^/user /'), health $health"

node "$repo/bin/livy-conformance.js" --url "http://127.0.0.1:$image_port" --report "json=$out/image.json" | tail -n 1
node "$repo/bin/livy-conformance.js" --url "http://127.0.0.1:$local_port" --report "json=$out/local.json" | tail -n 1
verdict=0
node -e '
  const [a, b] = process.argv.slice(1).map((f) => JSON.parse(require("fs").readFileSync(f, "utf8")))
  const outcomes = (r) => new Map(r.results.map((x) => [x.id, x.outcome]))
  const image = outcomes(a), local = outcomes(b)
  const differ = [...new Set([...image.keys(), ...local.keys()])].filter((id) => image.get(id) !== local.get(id))
  for (const id of differ) console.log(`  ${id}: image ${image.get(id)}, npx livy-emulator ${local.get(id)}`)
  const t = (r) => `${r.totals.passed} passed, ${r.totals.failed} failed, ${r.totals.skipped} skipped`
  console.log(`image-conformance: image: ${t(a)}; npx livy-emulator: ${t(b)}; ${differ.length} scenario(s) differ`)
  process.exit(differ.length === 0 ? 0 : 1)
' "$out/image.json" "$out/local.json" || verdict=1
[[ "$health" == healthy ]] || { say "HEALTHCHECK says $health"; verdict=1; }

start=$(date +%s%N)
docker stop -t 10 "$container" >/dev/null
stop_ms=$((($(date +%s%N) - start) / 1000000))
container=""
if ((stop_ms < 1000)); then say "docker stop (SIGTERM) took ${stop_ms} ms (< 1 s)"; else say "docker stop took ${stop_ms} ms: SIGTERM not handled in < 1 s"; verdict=1; fi
exit $verdict
