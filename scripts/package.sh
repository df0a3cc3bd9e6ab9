#!/usr/bin/env bash
# Builds the ovs-qos packages into dist/:
#   ovs-qos-VERSION-1.noarch.rpm   EL8/EL9 (Rocky, AlmaLinux, RHEL); requires Java 17+ (java-headless >= 1:17)
#   ovs-qos_VERSION_all.deb        Debian 12, Ubuntu 22.04+; depends on a Java 17+ headless runtime
# Both hold the same files (the jar, /usr/bin/ovs-qos, the systemd unit, ovs-qos(8), bash
# completion, an example config and the docs) and run the same scriptlets
# (packaging/scripts/maint.sh). VERSION is the jar's, with '-' as '~' (0.1.0~SNAPSHOT sorts before
# 0.1.0 for both rpm and dpkg).
#
#   scripts/package.sh                   # builds the jar (./mvnw package), then the packages
#   scripts/package.sh --jar FILE        # packages a jar already built
#   scripts/package.sh --out DIR         # writes the packages to DIR instead of dist/
#
# Installs rpm and dpkg-dev from Debian's packages when they are missing (as root).
set -euo pipefail
cd "$(dirname "$0")/.."

jar=""
out=dist
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "usage: scripts/package.sh [--jar FILE] [--out DIR]" >&2; exit 64 ;;
  esac
done

scripts/lib/ensure-packaging-tools.sh
if [ -z "$jar" ]; then
  echo "package: building the jar" >&2
  ./mvnw -B -ntp -q -DskipTests -pl qos-daemon -am package
  jar=qos-daemon/target/ovs-qos.jar
fi
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")

# "ovs-qos 0.1.0-SNAPSHOT": the version the installed command will report.
version=$(java -jar "$jar" --version | awk '{print $2}')
[ -n "$version" ] || { echo "package: $jar reports no version" >&2; exit 1; }
pkg_version=${version//-/\~}

stage=$(mktemp -d /tmp/ovs-qos-package.XXXXXX)
trap 'rm -rf "$stage"' EXIT
root=$stage/root

# ------------------------------------------------------------------ the files, for both packages
install -D -m 0755 packaging/ovs-qos "$root/usr/bin/ovs-qos"
install -D -m 0644 "$jar" "$root/usr/lib/ovs-qos/ovs-qos.jar"
install -D -m 0644 packaging/ovs-qos.service "$root/usr/lib/systemd/system/ovs-qos.service"
install -d "$root/usr/share/man/man8" "$root/usr/share/bash-completion/completions"
gzip -9n <packaging/ovs-qos.8 >"$root/usr/share/man/man8/ovs-qos.8.gz"
java -cp "$jar" org.ovsqos.daemon.BashCompletion >"$root/usr/share/bash-completion/completions/ovs-qos"
docdir=$root/usr/share/doc/ovs-qos
install -D -m 0644 packaging/config.example.json "$docdir/config.example.json"
# The docs keep the repository's layout, so their relative links still work.
for f in README.md README.zh-CN.md packaging/README.md docs/*.md docs/zh/*.md; do
  install -D -m 0644 "$f" "$docdir/$f"
done
# The Grafana dashboard and the Prometheus alert rules (docs/metrics.md), for the operator to copy.
install -D -m 0644 packaging/grafana/ovs-qos.json "$root/usr/share/ovs-qos/grafana/ovs-qos.json"
install -D -m 0644 -t "$root/usr/share/ovs-qos/prometheus" packaging/prometheus/ovs-qos.rules.yml \
  packaging/prometheus/ovs-qos.rules.test.yml
find "$root" -type d -exec chmod 0755 {} +

# One scriptlet: the shared script, then the call for this package format and phase.
scriptlet() {
  echo '#!/bin/sh'
  cat packaging/scripts/maint.sh
  echo "maint $1 $2 \"\$@\""
}

# ------------------------------------------------------------------------------------- the .deb
deb=$stage/deb
cp -a "$root" "$deb"
mkdir -p "$deb/DEBIAN"
cat >"$deb/DEBIAN/control" <<EOF
Package: ovs-qos
Version: $pkg_version
Architecture: all
Maintainer: ovs-qos maintainers <root@localhost>
Section: net
Priority: optional
Installed-Size: $(du -sk "$root" | cut -f1)
Depends: default-jre-headless (>= 2:1.17) | java17-runtime-headless
Recommends: openvswitch-switch
Description: upstream bandwidth governor for KVM guests on Open vSwitch
 Polices every KVM guest's upstream traffic through OVSDB (ingress_policing_rate)
 and lowers the limit in tiers when a guest saturates its plan for too long
 ("smart bandwidth"), restoring it when the penalty ends. Replaces the
 ovs_qos.py script: reads its config and imports its state.
EOF
for phase in postinst prerm postrm; do
  scriptlet deb "$phase" >"$deb/DEBIAN/$phase"
  chmod 0755 "$deb/DEBIAN/$phase"
done
# A Java package that changes files under /usr/lib/jvm runs `postinst triggered`: the class-data
# archives are rebuilt for the new JVM (maint.sh on_jvm_change).
echo 'interest-noawait /usr/lib/jvm' >"$deb/DEBIAN/triggers"
(cd "$deb" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum) \
  >"$deb/DEBIAN/md5sums"
mkdir -p "$out"
deb_file=$out/ovs-qos_${pkg_version}_all.deb
dpkg-deb --root-owner-group -Zxz -b "$deb" "$deb_file" >/dev/null

# ------------------------------------------------------------------------------------- the .rpm
# rpm expands macros in scriptlets: the shared script's % signs are doubled.
rpm_scriptlet() { scriptlet rpm "$1" | sed 's/%/%%/g'; }
spec=$stage/ovs-qos.spec
{
  cat <<EOF
Name: ovs-qos
Version: $pkg_version
Release: 1
Summary: Upstream bandwidth governor for KVM guests on Open vSwitch
License: Unspecified
BuildArch: noarch
# java-17-openjdk-headless (and every later one) provides java-headless = 1:17; Java 8's is 1:1.8.0.
Requires: java-headless >= 1:17

%description
Polices every KVM guest's upstream traffic through OVSDB (ingress_policing_rate)
and lowers the limit in tiers when a guest saturates its plan for too long
("smart bandwidth"), restoring it when the penalty ends. Replaces the
ovs_qos.py script: reads its config and imports its state.

%install
cp -a $root/. %{buildroot}/

%files
%defattr(-,root,root,-)
/usr/bin/ovs-qos
%dir /usr/lib/ovs-qos
/usr/lib/ovs-qos/ovs-qos.jar
/usr/lib/systemd/system/ovs-qos.service
/usr/share/man/man8/ovs-qos.8.gz
/usr/share/bash-completion/completions/ovs-qos
%dir /usr/share/ovs-qos
%dir /usr/share/ovs-qos/grafana
%dir /usr/share/ovs-qos/prometheus
/usr/share/ovs-qos/grafana/ovs-qos.json
/usr/share/ovs-qos/prometheus/ovs-qos.rules.yml
/usr/share/ovs-qos/prometheus/ovs-qos.rules.test.yml
%dir /usr/share/doc/ovs-qos
EOF
  (cd "$root" && find usr/share/doc/ovs-qos -mindepth 1 -type d -printf '%%dir /%p\n' \
     && find usr/share/doc/ovs-qos -type f -printf '%%doc /%p\n') | LC_ALL=C sort
  echo
  echo '%post'; rpm_scriptlet post
  echo '%preun'; rpm_scriptlet preun
  echo '%postun'; rpm_scriptlet postun
  # A Java package that installs files under /usr/lib/jvm: the archives are rebuilt for it.
  echo '%filetriggerin -- /usr/lib/jvm'; rpm_scriptlet jvm-changed
} >"$spec"
# No brp-* post-processing (it would repack the jar and recompress the man page); a gzip payload,
# which every rpm since EL5 reads.
rpmbuild -bb --quiet \
  --define "_topdir $stage/rpmbuild" \
  --define "_rpmdir $stage/rpms" \
  --define "_build_name_fmt %%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm" \
  --define "__os_install_post %{nil}" \
  --define "_binary_payload w9.gzdio" \
  "$spec" >"$stage/rpmbuild.log" 2>&1 || { cat "$stage/rpmbuild.log" >&2; exit 1; }
rpm_file=$out/ovs-qos-${pkg_version}-1.noarch.rpm
cp "$stage/rpms/ovs-qos-${pkg_version}-1.noarch.rpm" "$rpm_file"

echo "$rpm_file"
echo "$deb_file"
