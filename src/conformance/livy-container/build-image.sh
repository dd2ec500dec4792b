#!/usr/bin/env bash
# Builds the local Docker image livy-emulator/livy:0.9.0-spark3.5 (real Apache Livy 0.9.0).
#
# Steps (each cached under $LIVY_CACHE_DIR, default $XDG_CACHE_HOME/livy-emulator/livy,
#        i.e. ~/.cache/livy-emulator/livy):
#   1. Debian bookworm rootfs via debootstrap from the Debian archive, with
#      openjdk-17-jre-headless, python3, procps, ca-certificates  -> rootfs tarball
#   2. `docker import` -> livy-emulator/bookworm-java17:<base-hash>
#   3. Livy jars (Maven Central, pom.xml) + Spark (PyPI pyspark)  -> fetch-artifacts.sh
#   4. `docker build` (no network needed) -> livy-emulator/livy:0.9.0-spark3.5,
#      labelled livy-emulator.recipe-hash=<hash of the recipe files>
# The build is skipped when an image with the current recipe hash already exists.
#
# Usage: build-image.sh [--force] [--base-only]
# Exit:  0 built or already there; 3 the Livy jars or Spark could not be fetched (fetch-artifacts.sh,
#        e.g. Livy 0.9.0 is not on Maven Central); 1 anything else.
# Env:   LIVY_CACHE_DIR, LIVY_IMAGE (default livy-emulator/livy:0.9.0-spark3.5),
#        DEBIAN_MIRROR (default http://deb.debian.org/debian), DOCKER (default docker)
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
: "${LIVY_IMAGE:=livy-emulator/livy:0.9.0-spark3.5}"
: "${DEBIAN_MIRROR:=http://deb.debian.org/debian}"
: "${DOCKER:=docker}"
export LIVY_CACHE_DIR
force=0 base_only=0
for arg in "$@"; do
  case "$arg" in
    --force) force=1 ;;
    --base-only) base_only=1 ;;
    *) echo "usage: $0 [--force] [--base-only]" >&2; exit 64 ;;
  esac
done

log() { echo "build-image: $*" >&2; }
die() { echo "build-image: ERROR: $*" >&2; exit 1; }
now() { date +%s.%N; }
t0="$(now)"

$DOCKER info >/dev/null 2>&1 || die "no Docker engine answers ($DOCKER info failed)"

base_packages="openjdk-17-jre-headless,python3,procps,ca-certificates,tini"
suite="bookworm"
base_hash="$(printf '%s\n' "base-v1" "$suite" "$DEBIAN_MIRROR" "$base_packages" | sha256sum | cut -c1-12)"
base_image="livy-emulator/bookworm-java17:$base_hash"

recipe_hash="$(
  cd "$here"
  { printf '%s\n' "$base_hash" "${PYSPARK_VERSION:-3.5.9}"
    cat Dockerfile entrypoint.sh pom.xml fetch-artifacts.sh build-image.sh
    find conf -type f | LC_ALL=C sort | xargs cat; } | sha256sum | cut -c1-16
)"

existing=""
[[ $base_only -eq 1 ]] || existing="$($DOCKER images -q --filter "label=livy-emulator.recipe-hash=$recipe_hash" | head -n1)"
if [[ -n "$existing" && $force -eq 0 ]]; then
  $DOCKER tag "$existing" "$LIVY_IMAGE"
  log "image with recipe hash $recipe_hash exists ($existing); tagged $LIVY_IMAGE; nothing to build"
  echo "$LIVY_IMAGE"
  exit 0
fi

# ---- 1+2: base image from a debootstrap rootfs ------------------------------------------------
if ! $DOCKER image inspect "$base_image" >/dev/null 2>&1; then
  command -v debootstrap >/dev/null || die "debootstrap not installed (apt-get install debootstrap)"
  tarball="$LIVY_CACHE_DIR/rootfs/bookworm-java17-$base_hash.tar"
  if [[ ! -f "$tarball" ]]; then
    rootfs="$LIVY_CACHE_DIR/rootfs/bookworm-java17-$base_hash.d"
    rm -rf "$rootfs"
    mkdir -p "$rootfs"
    log "debootstrap $suite ($base_packages) from $DEBIAN_MIRROR (takes a few minutes)"
    if ! debootstrap --variant=minbase --include="$base_packages" "$suite" "$rootfs" "$DEBIAN_MIRROR" \
          >"$LIVY_CACHE_DIR/rootfs/debootstrap.log" 2>&1; then
      tail -n 20 "$LIVY_CACHE_DIR/rootfs/debootstrap.log" >&2
      # debootstrap may leave bind mounts behind on failure
      umount "$rootfs/proc" "$rootfs/sys" 2>/dev/null || true
      die "debootstrap from the Debian archive ($DEBIAN_MIRROR) failed; log: $LIVY_CACHE_DIR/rootfs/debootstrap.log"
    fi
    # (ld.so needs /proc to resolve java's $ORIGIN rpath; debootstrap has unmounted it by now)
    mount -t proc proc "$rootfs/proc"
    java_ok=0; chroot "$rootfs" java -version >/dev/null 2>&1 && java_ok=1
    umount "$rootfs/proc"
    [[ $java_ok -eq 1 ]] || die "java does not run inside the new rootfs"
    # Trim what a server image does not need.
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
           "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/* \
           "$rootfs"/var/log/*.log "$rootfs"/var/cache/debconf/*-old
    tar -C "$rootfs" --numeric-owner -cf "$tarball.tmp" .
    mv "$tarball.tmp" "$tarball"
    rm -rf "$rootfs"
  fi
  log "docker import $tarball -> $base_image"
  $DOCKER import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change "LABEL livy-emulator.base-hash=$base_hash" \
    "$tarball" "$base_image" >/dev/null
fi

if [[ $base_only -eq 1 ]]; then echo "$base_image"; exit 0; fi

# ---- 3: Livy jars and Spark --------------------------------------------------------------------
# (a failure inside `eval "$(…)"` would be lost: keep fetch-artifacts' exit code, 3 = artifacts missing)
artifacts="$("$here/fetch-artifacts.sh")" || {
  rc=$?
  log "ERROR: fetch-artifacts.sh failed (exit $rc); its ERROR line above says which registry"
  exit "$rc"
}
eval "$artifacts"
[[ -n "${LIVY_DIST:-}" && -n "${SPARK_HOME:-}" ]] || die "fetch-artifacts.sh did not report paths"

# ---- 4: docker build ---------------------------------------------------------------------------
ctx="$LIVY_CACHE_DIR/docker-context"
rm -rf "$ctx"
mkdir -p "$ctx"
# Hard links keep staging instant (the cache and the context share a filesystem); fall back to copies.
cp -al "$SPARK_HOME" "$ctx/spark" 2>/dev/null || cp -a "$SPARK_HOME" "$ctx/spark"
find "$ctx/spark" -name __pycache__ -type d -prune -exec rm -rf {} +
mkdir -p "$ctx/livy"
for d in jars repl_2.12-jars rsc-jars; do
  cp -al "$LIVY_DIST/$d" "$ctx/livy/$d" 2>/dev/null || cp -a "$LIVY_DIST/$d" "$ctx/livy/$d"
done
cp -a "$here/conf" "$ctx/conf"
install -m 0755 "$here/entrypoint.sh" "$ctx/entrypoint.sh"
cp "$here/Dockerfile" "$ctx/Dockerfile"

log "docker build -> $LIVY_IMAGE (recipe hash $recipe_hash)"
DOCKER_BUILDKIT=0 $DOCKER build --network none -q \
  --build-arg "BASE_IMAGE=$base_image" --build-arg "RECIPE_HASH=$recipe_hash" \
  -t "$LIVY_IMAGE" "$ctx" >&2 || die "docker build failed"
rm -rf "$ctx"

size="$($DOCKER image inspect "$LIVY_IMAGE" --format '{{.Size}}')"
log "built $LIVY_IMAGE ($((size / 1024 / 1024)) MiB) in $(awk "BEGIN{printf \"%.1f\", $(now) - $t0}") s"
echo "$LIVY_IMAGE"
