#!/usr/bin/env bash
# Builds the Linux guest base image without a registry: a minimal Debian bookworm rootfs (debootstrap minbase)
# plus what a self-contained .NET app, fio and iperf3 need, imported with `docker import`.
# The tag carries a hash of this script and the package list, so a changed recipe gives a new tag and an
# unchanged one is reused (the build is skipped when the tag exists). Needs root (debootstrap chroots).
# Usage: build-guest-base.sh [--print-tag]     → prints the image reference on stdout when done.
# Env: MIRROR (default http://deb.debian.org/debian), LOG (default /tmp/isobench-guest-base.log).
set -euo pipefail

SUITE=bookworm
MIRROR=${MIRROR:-http://deb.debian.org/debian}
LOG=${LOG:-/tmp/isobench-guest-base.log}
# Self-contained .NET needs libc6, libgcc-s1, libstdc++6 (libcoreclr/libclrjit link it) and zlib1g
# (System.IO.Compression.Native); minbase already has them through apt/dpkg, listed so they are never lost.
# No libicu (InvariantGlobalization), no ca-certificates/libssl (the guest never opens a TLS connection).
PACKAGES=(libc6 libgcc-s1 libstdc++6 zlib1g fio iperf3)

log() { printf 'build-guest-base: %s\n' "$*" >&2; }
die() { printf 'build-guest-base: error: %s (log: %s)\n' "$*" "$LOG" >&2; exit 1; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
hash=$( { cat "${BASH_SOURCE[0]}"; printf '%s\n' "$SUITE" "${PACKAGES[@]}"; } | sha256sum | cut -c1-12)
tag="isolationbench/guest-base:${SUITE}-${hash}"

if [ "${1:-}" = "--print-tag" ]; then echo "$tag"; exit 0; fi

command -v docker >/dev/null 2>&1 || die "docker CLI not found"
if docker image inspect "$tag" >/dev/null 2>&1; then
  log "$tag exists, nothing to do"
  echo "$tag"
  exit 0
fi

[ "$(id -u)" = 0 ] || die "must run as root (debootstrap needs chroot; try: sudo $0)"
command -v debootstrap >/dev/null 2>&1 || die "debootstrap not found (apt-get install debootstrap)"

rootfs=$(mktemp -d /tmp/isobench-rootfs.XXXXXX)
cleanup() { rm -rf "$rootfs"; }
trap cleanup EXIT

: >"$LOG"
log "debootstrap $SUITE (minbase + ${PACKAGES[*]}) into $rootfs; log: $LOG"
include=$(IFS=,; echo "${PACKAGES[*]}")
debootstrap --variant=minbase --include="$include" "$SUITE" "$rootfs" "$MIRROR" >>"$LOG" 2>&1 \
  || die "debootstrap failed (last line: $(tail -n1 "$LOG"))"

for p in "${PACKAGES[@]}"; do
  chroot "$rootfs" dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
    || die "package $p missing from the rootfs"
done

log "stripping apt lists/caches, docs, man pages, locales"
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/var/cache/debconf/*-old \
  "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
  "$rootfs"/usr/share/locale/* "$rootfs"/usr/share/lintian "$rootfs"/var/log/* "$rootfs"/tmp/*
chmod 1777 "$rootfs/tmp"

log "importing as $tag"
tar --numeric-owner -C "$rootfs" -c . \
  | docker import --change 'CMD ["/bin/bash"]' --message "debootstrap $SUITE minbase + ${PACKAGES[*]}" - "$tag" >>"$LOG" 2>&1 \
  || die "docker import failed"
log "done: $tag ($(docker image inspect -f '{{.Size}}' "$tag") bytes)"
echo "$tag"
