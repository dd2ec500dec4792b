#!/usr/bin/env bash
# Resolves (idempotently, cached) everything a real Livy 0.9.0 server needs:
#   $LIVY_CACHE_DIR/livy-0.9.0/{jars,repl_2.12-jars,rsc-jars}   from Maven Central (pom.xml)
#   $LIVY_CACHE_DIR/spark-3.5.9/pyspark                          from PyPI (pyspark sdist)
# Prints shell assignments LIVY_DIST=... SPARK_HOME=... on stdout (logs go to stderr), so callers
# can `eval "$(fetch-artifacts.sh)"`.
#
# Exit: 0, or 3 with a `fetch-artifacts: ERROR: …` line naming the registry (Maven Central, PyPI)
#       when something cannot be fetched. LivyContainer and the judge report exit 3 as
#       LivyArtifactsUnavailable ("BLOCKED", exit 78).
# Env: LIVY_CACHE_DIR (default $XDG_CACHE_HOME/livy-emulator/livy, i.e.
#      ~/.cache/livy-emulator/livy), PYSPARK_VERSION (default 3.5.9),
#      LIVY_MAVEN_ARGS (extra mvn args, e.g. -o or -s settings.xml), MVN (default mvn), PIP.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# The user's cache directory (XDG), not the package's: an installed copy lives in node_modules,
# which npm ci wipes, and the jars, Spark and rootfs are ~700 MB (docs/decisions/0025).
if [[ -z "${LIVY_CACHE_DIR:-}" ]]; then
  xdg_cache="${XDG_CACHE_HOME:-}"
  # XDG: a relative value is ignored.
  [[ "$xdg_cache" == /* ]] || xdg_cache="${HOME:?neither HOME nor LIVY_CACHE_DIR is set}/.cache"
  LIVY_CACHE_DIR="$xdg_cache/livy-emulator/livy"
fi
: "${PYSPARK_VERSION:=3.5.9}"
: "${MVN:=mvn}"
: "${PIP:=python3 -m pip}"
: "${LIVY_MAVEN_ARGS:=}"

log() { echo "fetch-artifacts: $*" >&2; }
die() { echo "fetch-artifacts: ERROR: $*" >&2; exit 3; }

mkdir -p "$LIVY_CACHE_DIR"
dist="$LIVY_CACHE_DIR/livy-0.9.0"
pom_sha="$(sha256sum "$here/pom.xml" | cut -c1-16)"

# ---- Livy jars (Maven Central) -------------------------------------------------------------
if [[ "$(cat "$dist/.pom-sha" 2>/dev/null || true)" != "$pom_sha" ]]; then
  log "resolving Livy 0.9.0 jars with Maven (pom sha $pom_sha) into $dist"
  rm -rf "$dist.tmp"
  mvnlog="$LIVY_CACHE_DIR/mvn-resolve.log"
  # shellcheck disable=SC2086
  if ! $MVN -B -f "$here/pom.xml" $LIVY_MAVEN_ARGS \
        -Dlivy.out="$dist.tmp" -DbuildDir="$LIVY_CACHE_DIR/mvn-target" package >"$mvnlog" 2>&1; then
    grep -E '^\[ERROR\]' "$mvnlog" | head -n 15 >&2 || true
    if grep -q 'org.apache.livy:.*0.9.0-incubating' "$mvnlog"; then
      log "hint: org.apache.livy 0.9.0-incubating was not found in the Maven repositories used."
      log "      Maven Central (https://repo.maven.apache.org/maven2) only lists org.apache.livy up to"
      log "      0.7.1-incubating (checked 2026-11). Put the 0.9.0-incubating Scala-2.12 artifacts into the"
      log "      local Maven repository (~/.m2/repository) or pass a repository that has them with"
      log "      LIVY_MAVEN_ARGS='-s <settings.xml>'; see README.md."
    fi
    die "could not resolve the Livy classpath from Maven Central (https://repo.maven.apache.org/maven2); full log: $mvnlog"
  fi
  # The server jar must be Scala 2.12 bytecode: 2.11 trait implementations compile to *$class.class.
  server_jar="$(ls "$dist.tmp"/jars/livy-server-*.jar)"
  if unzip -l "$server_jar" | grep -q '\$class\.class'; then
    die "$server_jar contains *\$class.class files: it is Scala 2.11 bytecode, not 2.12"
  fi
  if ls "$dist.tmp"/*/ | grep -q '_2\.11'; then
    die "a _2.11 artifact leaked into the classpath: $(ls "$dist.tmp"/*/ | grep '_2\.11' | tr '\n' ' ')"
  fi
  echo "$pom_sha" > "$dist.tmp/.pom-sha"
  rm -rf "$dist"
  mv "$dist.tmp" "$dist"
  log "Livy jars: $(ls "$dist/jars" | wc -l) server, $(ls "$dist/repl_2.12-jars" | wc -l) repl, $(ls "$dist/rsc-jars" | wc -l) rsc"
else
  log "Livy jars cached in $dist"
fi

# ---- Spark (PyPI pyspark sdist: bin/, jars/, python/lib/*.zip) --------------------------------
spark_root="$LIVY_CACHE_DIR/spark-$PYSPARK_VERSION"
spark_home="$spark_root/pyspark"
if [[ ! -x "$spark_home/bin/spark-submit" || ! -f "$spark_root/.complete" ]]; then
  log "installing pyspark==$PYSPARK_VERSION from PyPI into $spark_root"
  mkdir -p "$LIVY_CACHE_DIR/dl"
  sdist="$LIVY_CACHE_DIR/dl/pyspark-$PYSPARK_VERSION.tar.gz"
  if [[ ! -f "$sdist" ]]; then
    # shellcheck disable=SC2086
    $PIP download --no-deps --no-binary :all: -d "$LIVY_CACHE_DIR/dl" "pyspark==$PYSPARK_VERSION" >&2 \
      || die "could not download pyspark==$PYSPARK_VERSION from PyPI (https://pypi.org)"
  fi
  rm -rf "$spark_root"
  # shellcheck disable=SC2086
  $PIP install --no-deps --no-compile --target "$spark_root" "$sdist" >&2 \
    || die "could not build/install $sdist (pyspark from PyPI)"
  [[ -f "$spark_home/python/lib/pyspark.zip" ]] || die "$spark_home/python/lib/pyspark.zip missing"
  touch "$spark_root/.complete"
else
  log "Spark cached in $spark_home"
fi

echo "LIVY_DIST=$dist"
echo "SPARK_HOME=$spark_home"
