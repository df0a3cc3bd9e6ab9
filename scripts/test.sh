#!/usr/bin/env bash
# Runs every test of the project: unit tests and the integration tests against real
# Open vSwitch daemons. Installs what the tests need when it is missing (as root on Debian/Ubuntu).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/lib/ensure-ovs.sh

./mvnw -B -ntp verify "$@"
