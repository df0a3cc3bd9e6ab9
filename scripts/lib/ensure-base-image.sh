#!/usr/bin/env bash
# Makes sure the base image debian:bookworm-slim exists locally. Pulls it where a registry is
# reachable; otherwise builds an equivalent minimal root file system with debootstrap from the
# machine's own Debian mirror and imports it under that tag, so the Dockerfiles stay unchanged.
set -euo pipefail
image=debian:bookworm-slim

docker image inspect "$image" >/dev/null 2>&1 && exit 0
if timeout 60 docker pull -q "$image" >/dev/null 2>&1; then exit 0; fi

echo "ensure-base-image: cannot pull $image; building it with debootstrap" >&2
if ! command -v debootstrap >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq debootstrap >/dev/null
fi

mirror=""
for f in /etc/apt/sources.list.d/*.sources; do
  [ -f "$f" ] || continue
  mirror=$(awk '/^URIs:/ && $2 !~ /security/ {print $2; exit}' "$f")
  [ -n "$mirror" ] && break
done
if [ -z "$mirror" ] && [ -f /etc/apt/sources.list ]; then
  mirror=$(awk '/^deb / && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list)
fi
mirror=${mirror:-http://deb.debian.org/debian}

rootfs=$(mktemp -d /tmp/ovs-qos-rootfs.XXXXXX)
trap 'rm -rf "$rootfs"' EXIT
debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >/tmp/ovs-qos-debootstrap.log 2>&1 || {
  echo "ensure-base-image: debootstrap failed; see /tmp/ovs-qos-debootstrap.log" >&2
  exit 1
}
tar -C "$rootfs" -c . | docker import - "$image" >/dev/null
echo "ensure-base-image: imported $image" >&2
