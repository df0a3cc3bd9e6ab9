#!/usr/bin/env bash
# Makes sure the Prometheus server and promtool are installed: the metrics integration test runs
# a private Prometheus against the daemon, and checks the metrics, the alert rules and their unit
# tests with promtool. On Debian/Ubuntu as root it installs Debian's prometheus package; elsewhere
# it says what is missing and fails, so that the test is never skipped for a missing binary.
set -euo pipefail

missing=()
for bin in prometheus promtool; do
  command -v "$bin" >/dev/null 2>&1 || missing+=("$bin")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

echo "ensure-prometheus: installing Prometheus (missing: ${missing[*]})" >&2
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-prometheus: cannot install: need root on Debian/Ubuntu (apt-get). Install prometheus by hand." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1
apt-get update -qq
# Without recommends: no node exporter, no SNMP and IPMI tools. The package's service is not
# wanted (the test starts its own server on 127.0.0.1); where no init system runs, or a
# policy-rc.d forbids it, the postinst cannot start it, and where one does, it is left as the
# package set it up.
apt-get install -y -qq --no-install-recommends prometheus >/dev/null
for bin in prometheus promtool; do
  command -v "$bin" >/dev/null 2>&1 || { echo "ensure-prometheus: $bin still missing after install" >&2; exit 1; }
done
