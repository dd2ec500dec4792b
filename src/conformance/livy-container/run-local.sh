#!/usr/bin/env bash
# Runs a real Apache Livy 0.9.0 server as a plain local process (no Docker).
#
# Usage:
#   run-local.sh [--port N] [--background] [--pid-file F] [--log-file F]
#   run-local.sh stop [--pid-file F]
#
# Foreground (default): exec's the server; Ctrl-C stops it (and its Spark drivers).
# --background: starts it detached, writes the pid file (default /tmp/livy-<port>.pid), waits
#   until GET /sessions answers 200 (up to LIVY_START_TIMEOUT s, default 180) and prints the URL.
# Extra livy.conf lines: LIVY_CONF_EXTRA (multi-line). Other knobs: see entrypoint.sh / README.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
port="${LIVY_PORT:-8998}"
background=0
pid_file=""
log_file=""
cmd="run"
while [[ $# -gt 0 ]]; do
  case "$1" in
    stop) cmd="stop" ;;
    --port) port="$2"; shift ;;
    --background) background=1 ;;
    --pid-file) pid_file="$2"; shift ;;
    --log-file) log_file="$2"; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "run-local: unknown argument $1" >&2; exit 64 ;;
  esac
  shift
done
: "${pid_file:=/tmp/livy-$port.pid}"
: "${log_file:=/tmp/livy-$port.log}"

if [[ "$cmd" == "stop" ]]; then
  [[ -f "$pid_file" ]] || { echo "run-local: no pid file $pid_file" >&2; exit 1; }
  pid="$(cat "$pid_file")"
  # The server runs in its own process group (setsid): stop the group so Spark drivers go too.
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$pid_file"
  echo "run-local: stopped $pid"
  exit 0
fi

# exit 3 (from fetch-artifacts.sh) when the Livy jars or Spark cannot be fetched
artifacts="$("$here/fetch-artifacts.sh")" || exit $?
eval "$artifacts"

export LIVY_HOME="$LIVY_DIST"
export LIVY_STATIC_CONF="$here/conf"
export LIVY_PORT="$port"
export SPARK_HOME
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
export PYSPARK_PYTHON="${PYSPARK_PYTHON:-python3}"
export LIVY_RUN_DIR="${LIVY_RUN_DIR:-$(mktemp -d "/tmp/livy-run-$port.XXXXXX")}"

if [[ $background -eq 0 ]]; then
  exec "$here/entrypoint.sh"
fi

if [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
  echo "run-local: already running (pid $(cat "$pid_file"), $pid_file)" >&2
  exit 1
fi
start="$(date +%s.%N)"
setsid "$here/entrypoint.sh" >"$log_file" 2>&1 < /dev/null &
pid=$!
echo "$pid" > "$pid_file"
url="http://127.0.0.1:$port"
deadline=$(( $(date +%s) + ${LIVY_START_TIMEOUT:-180} ))
until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/sessions" || true)" == "200" ]]; do
  if ! kill -0 "$pid" 2>/dev/null; then
    tail -n 30 "$log_file" >&2
    echo "run-local: server exited; log $log_file" >&2
    exit 1
  fi
  if [[ $(date +%s) -ge $deadline ]]; then
    echo "run-local: no 200 from $url/sessions in time; log $log_file" >&2
    exit 1
  fi
  sleep 0.2
done
echo "run-local: Livy up at $url (pid $pid, log $log_file, run dir $LIVY_RUN_DIR) after $(awk "BEGIN{printf \"%.1f\", $(date +%s.%N) - $start}") s"
