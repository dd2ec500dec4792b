#!/usr/bin/env bash
# Stops the dockerd that docker-up.sh started, and only that one (its pid file says so).
# A Docker engine that was already running before docker-up is left alone.
# Env: DOCKER_UP_STATE_DIR (default /tmp/livy-emulator-docker), DOCKER_DOWN_TIMEOUT (s, default 30)
set -uo pipefail

state_dir="${DOCKER_UP_STATE_DIR:-/tmp/livy-emulator-docker}"
pid_file="$state_dir/dockerd.pid"
say() { echo "docker-down: $*"; }

if [[ ! -f "$pid_file" ]]; then
  say "no dockerd started by docker-up is running (none was started, or it is already stopped); leaving Docker alone"
  exit 0
fi
pid="$(cat "$pid_file")"
if ! kill -0 "$pid" 2>/dev/null; then
  rm -f "$pid_file"
  say "dockerd (pid $pid) already gone"
  exit 0
fi
as_root=()
[[ $(id -u) -eq 0 ]] || as_root=(sudo -n)
"${as_root[@]}" kill -TERM "$pid"
for _ in $(seq 1 "$(( ${DOCKER_DOWN_TIMEOUT:-30} * 2 ))"); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
if kill -0 "$pid" 2>/dev/null; then
  "${as_root[@]}" kill -KILL "$pid" 2>/dev/null
  say "dockerd (pid $pid) did not stop on SIGTERM; killed it"
else
  say "stopped dockerd (pid $pid) started by docker-up"
fi
rm -f "$pid_file"
