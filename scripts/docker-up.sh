#!/usr/bin/env bash
# Makes sure a Docker engine answers, for the real-Livy judge (npm run test:livy).
#
#   1. `docker info` answers            -> nothing to do (exit 0)
#   2. docker.io / debootstrap missing  -> apt-get install them (needs root or sudo)
#   3. start `dockerd --bridge=none --iptables=false --ip6tables=false` in the background
#      (containers use host networking only), log + pid file in $DOCKER_UP_STATE_DIR,
#      and wait until `docker info` answers (DOCKER_UP_TIMEOUT s, default 60)
# Only a dockerd started here is stopped by docker-down.sh.
#
# Exit: 0 Docker answers; 1 it does not (the last line is `docker-up: ERROR: <the Docker error>`).
# Env:  DOCKER_UP_STATE_DIR (default /tmp/livy-emulator-docker), DOCKER_UP_TIMEOUT
set -uo pipefail

state_dir="${DOCKER_UP_STATE_DIR:-/tmp/livy-emulator-docker}"
pid_file="$state_dir/dockerd.pid"
log_file="$state_dir/dockerd.log"
timeout="${DOCKER_UP_TIMEOUT:-60}"

say() { echo "docker-up: $*"; }
fail() { echo "docker-up: ERROR: $*" >&2; exit 1; }
docker_error() { docker info 2>&1 >/dev/null | grep -v '^$' | tail -n 3 | tr '\n' ' '; }

if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
  say "Docker already answers (server $(docker info --format '{{.ServerVersion}}' 2>/dev/null)); nothing to do"
  exit 0
fi

as_root=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    fail "Docker does not answer ($(command -v docker >/dev/null && docker_error || echo 'no docker CLI')) and starting dockerd needs root (no passwordless sudo)"
  fi
fi

mkdir -p "$state_dir"
missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v debootstrap >/dev/null || missing+=(debootstrap)
if [[ ${#missing[@]} -gt 0 ]]; then
  command -v apt-get >/dev/null || fail "missing ${missing[*]} and there is no apt-get to install them"
  say "installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  if ! "${as_root[@]}" apt-get install -y --no-install-recommends "${missing[@]}" >"$state_dir/apt.log" 2>&1; then
    "${as_root[@]}" apt-get update >>"$state_dir/apt.log" 2>&1 || true
    "${as_root[@]}" apt-get install -y --no-install-recommends "${missing[@]}" >>"$state_dir/apt.log" 2>&1 \
      || { tail -n 15 "$state_dir/apt.log" >&2; fail "apt-get install ${missing[*]} failed (log $state_dir/apt.log)"; }
  fi
  say "installed ${missing[*]}"
fi

if [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
  say "dockerd started earlier by docker-up is still running (pid $(cat "$pid_file")); waiting for it"
  pid="$(cat "$pid_file")"
elif pgrep -x dockerd >/dev/null 2>&1; then
  # someone else's dockerd: wait for it, never start a second one, never stop it later
  pid=""
  say "a dockerd not started by docker-up is running (pid $(pgrep -x dockerd | head -n1)); waiting for it"
else
  say "starting dockerd --bridge=none --iptables=false --ip6tables=false (log $log_file)"
  "${as_root[@]}" nohup dockerd --bridge=none --iptables=false --ip6tables=false >"$log_file" 2>&1 < /dev/null &
  pid=$!
  echo "$pid" >"$pid_file"
fi

start=$(date +%s)
until docker info >/dev/null 2>&1; do
  if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
    rm -f "$pid_file"
    echo "docker-up: dockerd exited; last lines of $log_file:" >&2
    tail -n 20 "$log_file" >&2
    err="$(grep -E 'level=(fatal|error)|failed to start daemon' "$log_file" | tail -n 1)"
    fail "dockerd cannot run on this machine: ${err:-$(tail -n 1 "$log_file")}"
  fi
  if (( $(date +%s) - start >= timeout )); then
    if [[ -n "$pid" && -f "$pid_file" ]]; then
      echo "docker-up: no answer after ${timeout}s; last lines of $log_file:" >&2
      tail -n 20 "$log_file" >&2
      "${as_root[@]}" kill -TERM "$pid" 2>/dev/null
      rm -f "$pid_file"
    fi
    fail "Docker did not answer within ${timeout}s: $(docker_error)"
  fi
  sleep 0.5
done
say "Docker answers after $(( $(date +%s) - start ))s (server $(docker info --format '{{.ServerVersion}}' 2>/dev/null)${pid:+, dockerd pid $pid started by docker-up})"
