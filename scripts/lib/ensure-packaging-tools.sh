#!/usr/bin/env bash
# Makes sure the tools that build and inspect the packages are installed: rpmbuild and rpm (Debian's
# `rpm` package builds a noarch RPM on Debian), dpkg-deb (`dpkg-dev` for the rest of the Debian
# tool set), and systemd-analyze, which checks the unit. On Debian/Ubuntu as root it installs what
# is missing; elsewhere it says what is missing and fails.
set -euo pipefail

declare -A package_of=([rpmbuild]=rpm [rpm]=rpm [rpm2cpio]=rpm [dpkg-deb]=dpkg-dev
                       [dpkg-architecture]=dpkg-dev [systemd-analyze]=systemd [cpio]=cpio)
missing=()
for tool in "${!package_of[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${package_of[$tool]}")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

packages=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
echo "ensure-packaging-tools: installing $packages" >&2
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-packaging-tools: cannot install: need root on Debian/Ubuntu (apt-get install $packages)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086 # one word per package
apt-get install -y -qq $packages >/dev/null
