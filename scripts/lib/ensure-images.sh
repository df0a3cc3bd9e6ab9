#!/usr/bin/env bash
# Builds the project's images when their inputs changed, and prints the tag of the OVS image.
# The tag is a hash of docker/ovs (names, modes and contents), so an unchanged directory reuses
# the image already built. The daemon image is not built here: the one test that uses it builds
# it from the freshly packaged jar (see docker/README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."

hash=$( (cd docker/ovs && LC_ALL=C find . -type f -printf '%p %m\n' | LC_ALL=C sort \
         && LC_ALL=C find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) \
       | sha256sum | cut -c1-12)
tag="ovs-qos/ovs:$hash"
if ! docker image inspect "$tag" >/dev/null 2>&1; then
  echo "ensure-images: building $tag" >&2
  log=$(mktemp /tmp/ovs-qos-build.XXXXXX)
  if ! docker build -t "$tag" docker/ovs >"$log" 2>&1; then
    echo "ensure-images: docker build failed:" >&2; tail -n 30 "$log" >&2; exit 1
  fi
  rm -f "$log"
fi
echo "$tag"
