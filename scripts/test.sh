#!/usr/bin/env bash
# Runs every test of the project: unit tests, the integration tests against real Open vSwitch
# daemons, and those against Open vSwitch in a container (module docker). Installs and starts what
# the tests need when it is missing (as root on Debian/Ubuntu): the OVS binaries, Prometheus and
# promtool (for the metrics, the dashboard and the alert rules), a Docker engine, the base image
# (built offline when it cannot be pulled), the OVS image (rebuilt only when docker/ovs changed)
# and the packaging tools (rpm, dpkg-dev, systemd-analyze) with which the docker module builds
# and checks the packages. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/lib/ensure-ovs.sh
scripts/lib/ensure-packaging-tools.sh
scripts/lib/ensure-prometheus.sh
scripts/lib/ensure-docker.sh
scripts/lib/ensure-base-image.sh
ovs_image=$(scripts/lib/ensure-images.sh)
echo "test: OVS image $ovs_image" >&2

# Testcontainers' settings for an engine without a reachable registry; the docker module's
# failsafe configuration sets them too, so a plain ./mvnw verify behaves the same.
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE=localhost

./mvnw -B -ntp verify -Dovsqos.ovsImage="$ovs_image" "$@"
