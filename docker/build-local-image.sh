#!/usr/bin/env bash
# Builds the livy-emulator container image on this machine, without an image registry:
#
#   1. Debian bookworm rootfs (debootstrap --variant=minbase) plus Node 24, the binary of the
#      npm registry's `node` package (the node@24 devDependency in node_modules/node/bin/node)
#      -> rootfs tarball -> `docker import` -> livy-emulator/node24-bookworm:<base-hash>
#   2. `npm pack` of this checkout (built: dist/ must exist), installed with npm on the host
#      (--omit=dev, from the npm registry) into the build context's app/
#   3. `docker build --network none -f Dockerfile.local` -> $EMULATOR_IMAGE
#      (default livy-emulator/emulator:local), labelled with the recipe hash
# The rootfs tarball is cached in $EMULATOR_IMAGE_CACHE_DIR (default <repo>/.cache/emulator-image).
#
# Usage: docker/build-local-image.sh [--base-only]
# Env:   EMULATOR_IMAGE, EMULATOR_IMAGE_CACHE_DIR, DEBIAN_MIRROR (default http://deb.debian.org/debian),
#        DOCKER (default docker)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
: "${EMULATOR_IMAGE:=livy-emulator/emulator:local}"
: "${EMULATOR_IMAGE_CACHE_DIR:=$repo/.cache/emulator-image}"
: "${DEBIAN_MIRROR:=http://deb.debian.org/debian}"
: "${DOCKER:=docker}"
log() { echo "build-local-image: $*" >&2; }
die() { echo "build-local-image: ERROR: $*" >&2; exit 1; }
t0=$SECONDS

$DOCKER info >/dev/null 2>&1 || die "no Docker engine answers ($DOCKER info failed); scripts/docker-up.sh starts one"
node_bin="$repo/node_modules/node/bin/node"
[[ -x "$node_bin" ]] || die "$node_bin is missing (npm ci installs the node@24 devDependency)"
node_version="$("$node_bin" --version)"
[[ "$node_version" == v24.* ]] || die "node_modules/node is $node_version, not Node 24"
[[ -f "$repo/dist/src/cli/livy-emulator.js" ]] || die "dist/ is missing: npm run build first"

# ---- 1: base image -----------------------------------------------------------------------------
suite=bookworm
base_hash="$(printf '%s\n' emulator-base-v1 "$suite" "$DEBIAN_MIRROR" "$node_version" | sha256sum | cut -c1-12)"
base_image="livy-emulator/node24-bookworm:$base_hash"
if ! $DOCKER image inspect "$base_image" >/dev/null 2>&1; then
  command -v debootstrap >/dev/null || die "debootstrap is not installed (apt-get install debootstrap)"
  mkdir -p "$EMULATOR_IMAGE_CACHE_DIR"
  tarball="$EMULATOR_IMAGE_CACHE_DIR/node24-bookworm-$base_hash.tar"
  if [[ ! -f "$tarball" ]]; then
    rootfs="$EMULATOR_IMAGE_CACHE_DIR/node24-bookworm-$base_hash.d"
    rm -rf "$rootfs" && mkdir -p "$rootfs"
    log "debootstrap $suite (minbase) from $DEBIAN_MIRROR (a few minutes)"
    if ! debootstrap --variant=minbase "$suite" "$rootfs" "$DEBIAN_MIRROR" >"$EMULATOR_IMAGE_CACHE_DIR/debootstrap.log" 2>&1; then
      tail -n 20 "$EMULATOR_IMAGE_CACHE_DIR/debootstrap.log" >&2
      umount "$rootfs/proc" "$rootfs/sys" 2>/dev/null || true
      die "debootstrap failed; log: $EMULATOR_IMAGE_CACHE_DIR/debootstrap.log"
    fi
    install -m 0755 "$node_bin" "$rootfs/usr/local/bin/node"
    chroot "$rootfs" /usr/local/bin/node --version >/dev/null || die "node does not run inside the new rootfs"
    # What a server image does not need.
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
    --change 'ENV LANG=C.UTF-8' \
    --change "LABEL livy-emulator.base-hash=$base_hash" \
    "$tarball" "$base_image" >/dev/null
fi
[[ "${1:-}" == "--base-only" ]] && { echo "$base_image"; exit 0; }

# ---- 2: the package, installed on the host -------------------------------------------------------
ctx="$(mktemp -d "${TMPDIR:-/tmp}/livy-emulator-image.XXXXXX")"
trap 'rm -rf "$ctx"' EXIT
export PATH="$repo/node_modules/.bin:$PATH"   # Node 24 and its npm for the host-side install
(cd "$repo" && npm pack --ignore-scripts --silent --pack-destination "$ctx" >/dev/null)
tgz="$(ls "$ctx"/livy-emulator-*.tgz)"
mkdir -p "$ctx/app"
log "npm install $(basename "$tgz") (--omit=dev) into the build context"
(cd "$ctx/app" && printf '{"private":true}\n' >package.json &&
  npm install --omit=dev --no-audit --no-fund --ignore-scripts --loglevel=error "$tgz" >/dev/null) \
  || die "npm install of the packed package failed"
rm -f "$tgz"
cp "$here/Dockerfile.local" "$here/entrypoint.sh" "$here/healthcheck.mjs" "$ctx/"
recipe_hash="$(cd "$ctx" && find app -type f -printf '%s %p\n' | LC_ALL=C sort | cat - Dockerfile.local entrypoint.sh healthcheck.mjs <(echo "$base_image") | sha256sum | cut -c1-16)"

# ---- 3: docker build ------------------------------------------------------------------------------
log "docker build -> $EMULATOR_IMAGE (recipe $recipe_hash)"
DOCKER_BUILDKIT=0 $DOCKER build --network none -q -f "$ctx/Dockerfile.local" \
  --build-arg "BASE_IMAGE=$base_image" --build-arg "RECIPE_HASH=$recipe_hash" \
  -t "$EMULATOR_IMAGE" "$ctx" >&2 || die "docker build failed"
size="$($DOCKER image inspect "$EMULATOR_IMAGE" --format '{{.Size}}')"
log "built $EMULATOR_IMAGE ($((size / 1024 / 1024)) MiB) in $((SECONDS - t0)) s"
echo "$EMULATOR_IMAGE"
