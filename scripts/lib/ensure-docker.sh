#!/usr/bin/env bash
# Makes sure a Docker engine answers. On Debian/Ubuntu as root it installs docker.io and starts
# dockerd in the background when none runs (machines without systemd, CI sandboxes). The vfs
# storage driver is used because overlayfs is not available inside every sandbox.
set -euo pipefail

if docker info >/dev/null 2>&1; then exit 0; fi

if ! command -v dockerd >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-docker: no Docker engine answers and I cannot install one (need root on Debian/Ubuntu)" >&2
    exit 1
  fi
  echo "ensure-docker: installing docker.io" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq docker.io >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
  log=/var/log/ovs-qos-dockerd.log
  echo "ensure-docker: starting dockerd (log: $log)" >&2
  # setsid: the engine must outlive this script and the test run that started it.
  setsid nohup dockerd --storage-driver=vfs >"$log" 2>&1 < /dev/null &
  for _ in $(seq 1 120); do
    docker info >/dev/null 2>&1 && exit 0
    sleep 0.5
  done
  echo "ensure-docker: dockerd did not answer within 60 s; last lines of $log:" >&2
  tail -n 20 "$log" >&2 || true
  exit 1
fi
