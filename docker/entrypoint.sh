#!/bin/sh
# The image's entry point: livy-emulator configured by LIVY_EMULATOR_* variables (the CLI reads
# them; a flag given to `docker run … image --flag` wins). PORT, as platforms such as Cloud Run
# set it, wins over LIVY_EMULATOR_PORT. exec: Node is PID 1 and gets SIGTERM itself (it stops
# in well under a second; the engine's interpreters are threads, so there is nothing to reap).
if [ -n "${PORT:-}" ]; then
  LIVY_EMULATOR_PORT="$PORT"
  export LIVY_EMULATOR_PORT
fi
exec livy-emulator "$@"
