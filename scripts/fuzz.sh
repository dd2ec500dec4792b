#!/usr/bin/env bash
# Fuzz job: schemathesis (PyPI) against spec/openapi.yaml on a running `livy-emulator`, once per
# vendor profile. Every answer is checked by scripts/fuzz-checks.py: a 5xx must be one Livy's
# own catch-all gives (a Java exception as a JSON string), never the emulator's internal error.
# At the end of each profile the server must still answer, and its stderr must show no
# request that failed inside the emulator. Prints how many requests were tried.
#
#   npm run build && bash scripts/fuzz.sh            # ~3-4 minutes
#   FUZZ_SECONDS=10 bash scripts/fuzz.sh apache-0.9   # one profile, shorter
#
# Traffic goes to 127.0.0.1 only. Exit 1 on any unexpected 5xx or a dead server.
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-30}
profiles=("$@")
[[ ${#profiles[@]} -eq 0 ]] && profiles=(apache-0.9 apache-0.8 fabric hdinsight synapse spyt)
node=node_modules/.bin/node
work=$(mktemp -d "${TMPDIR:-/tmp}/livy-fuzz.XXXXXX")
server_pid=
cleanup() {
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; wait "$server_pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

# `python3 -m schemathesis.cli` rather than `st`: a fresh pip install puts no shim on PATH
# under pyenv until a rehash.
st() { python3 -m schemathesis.cli "$@"; }
if ! python3 -c 'import schemathesis' >/dev/null 2>&1; then
  echo "schemathesis is missing: pip install schemathesis"
  python3 -m pip install --quiet --disable-pip-version-check schemathesis >"$work/pip.log" 2>&1 ||
    { tail -n 20 "$work/pip.log"; echo "cannot install schemathesis"; exit 1; }
fi
[[ -f dist/src/cli/livy-emulator.js ]] || { echo "build first: npm run build"; exit 1; }
echo "schemathesis $(st --version 2>/dev/null | awk '{print $NF}'), ${seconds}s per profile: ${profiles[*]}"

token=$($node -e 'process.stdout.write(crypto.randomUUID())')
total=0
failed=0
for profile in "${profiles[@]}"; do
  auth=()
  server_args=(--port 0 --host 127.0.0.1 --profile "$profile" --timing fast --control-token "$token")
  case $profile in
    fabric | synapse) auth=(-H "Authorization: Bearer fuzz-token") ;;
    hdinsight) auth=(-a admin:admin) ;;
  esac
  "$node" bin/livy-emulator.js "${server_args[@]}" >"$work/$profile.out" 2>"$work/$profile.err" &
  server_pid=$!
  url=
  for _ in $(seq 1 100); do
    url=$(grep -o 'listening on http://[^ ]*' "$work/$profile.out" | awk '{print $3}')
    [[ -n $url ]] && break
    sleep 0.1
  done
  [[ -n $url ]] || { cat "$work/$profile.err"; echo "$profile: the server did not start"; exit 1; }
  base=$("$node" -e "import('./dist/src/emulator/profiles/index.js').then(m => process.stdout.write(m.PROFILES['$profile'].basePath))")
  # Everything but fault injection is fuzzed together; an injected 5xx fault is an answer the
  # fuzzer asked for, so POST /__emulator/faults gets a pass of its own, last.
  run() {
    SCHEMATHESIS_HOOKS=scripts/fuzz-checks.py st run spec/openapi.yaml --url "$url$base" \
      --checks livy_like_server_errors --workers 1 --no-color --output-truncate true \
      --request-timeout 10 --seed 1 -H "X-Emulator-Token: $token" ${auth[@]+"${auth[@]}"} "$@"
  }
  run --max-time "$seconds" --exclude-operation-id emulatorAddFault \
    --report har --report-har-path "$work/$profile.har" >"$work/$profile.st" 2>&1
  main=$?
  run --max-time 5 --include-operation-id emulatorAddFault \
    --report har --report-har-path "$work/$profile-faults.har" >"$work/$profile-faults.st" 2>&1
  faults=$?
  requests=$(python3 -c "
import json, sys
n = 0
for path in sys.argv[1:]:
    try:
        n += len(json.load(open(path))['log']['entries'])
    except (OSError, ValueError, KeyError):
        pass
print(n)" "$work/$profile.har" "$work/$profile-faults.har")
  total=$((total + requests))
  alive=no
  if kill -0 "$server_pid" 2>/dev/null &&
    curl -s -o /dev/null -w '%{http_code}' -H "X-Emulator-Token: $token" "$url/__emulator/clock" | grep -q 200; then
    alive=yes
  fi
  internal=$(grep -c 'internal error\|request failed\|unexpected error' "$work/$profile.err")
  # schemathesis exits 1 on a failed check; anything else non-zero is its own trouble.
  verdict=ok
  if [[ $main -eq 1 || $faults -eq 1 || $internal -gt 0 || $alive != yes ]]; then
    verdict=FAILED
    failed=1
    grep -B2 -A25 'Custom check failed\|^_\{5,\}' "$work/$profile.st" | head -80
    grep -A12 'internal error\|request failed\|unexpected error' "$work/$profile.err" | head -40
  elif [[ $main -ne 0 || $faults -ne 0 ]]; then
    # A schemathesis runtime error (not a finding about the emulator): shown, not fatal.
    grep -A3 'Runtime Error\|Network Error' "$work/$profile.st" | head -12
  fi
  printf '%-11s %6d requests  unexpected 5xx: %s  internal errors logged: %d  alive at the end: %s  %s\n' \
    "$profile" "$requests" "$(grep -o 'livy_like_server_errors`: [0-9]*' "$work/$profile.st" "$work/$profile-faults.st" | awk -F': ' '{s+=$2} END {print s+0}')" \
    "$internal" "$alive" "$verdict"
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null
  server_pid=
done
echo "fuzz: $total requests tried over ${#profiles[@]} profiles"
exit $failed
