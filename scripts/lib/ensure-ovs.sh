#!/usr/bin/env bash
# Makes sure the Open vSwitch binaries the integration tests start (ovsdb-server, ovsdb-tool,
# ovs-vsctl, ovs-vswitchd) are installed, and the real schemas ovsdb-client's tests read (VTEP's
# and OVN's, the largest real ones; no OVN daemon is started). On Debian/Ubuntu as root it installs them; elsewhere it
# says what is missing and fails, so that no integration test is ever skipped for a missing binary.
set -euo pipefail

need=(ovsdb-server ovsdb-tool ovs-vsctl ovs-vswitchd ovs-appctl)
missing=()
for bin in "${need[@]}"; do
  command -v "$bin" >/dev/null 2>&1 || missing+=("$bin")
done
schemas=(/usr/share/openvswitch/vswitch.ovsschema /usr/share/openvswitch/vtep.ovsschema
  /usr/share/ovn/ovn-nb.ovsschema /usr/share/ovn/ovn-sb.ovsschema)
for schema in "${schemas[@]}"; do
  [ -f "$schema" ] || missing+=("$(basename "$schema")")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

echo "ensure-ovs: installing Open vSwitch (missing: ${missing[*]})" >&2
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-ovs: cannot install: need root on Debian/Ubuntu (apt-get). Install openvswitch-switch by hand." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq openvswitch-switch openvswitch-vtep ovn-central iperf3 ethtool iproute2 >/dev/null
# The package may try to start its service; tests start their own daemons in temp dirs.
for bin in "${need[@]}"; do
  command -v "$bin" >/dev/null 2>&1 || { echo "ensure-ovs: $bin still missing after install" >&2; exit 1; }
done
