#!/usr/bin/env bash
# Fills the local Maven repository with what the JVM client test (test/jvm-client/) needs:
# livy-client-http 0.7.1 from Maven Central, JUnit, and the compiler and surefire plugins with
# the providers surefire loads only when it runs. After this, `mvn -o` works offline, as the
# vitest side runs it. Runs the test phase with no test selected, so nothing needs a server.
#
#   scripts/jvm-client-m2.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v mvn >/dev/null || { echo "mvn is not installed: the JVM client test needs Maven and a JDK 17" >&2; exit 1; }
mvn -B -q -f test/jvm-client/pom.xml test -Dtest=NoTestSelected -Dsurefire.failIfNoSpecifiedTests=false
echo "Maven repository ready for test/jvm-client (offline runs work now)"
