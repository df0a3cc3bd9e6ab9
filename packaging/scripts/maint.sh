# shellcheck shell=sh
# The ovs-qos package's scriptlets, one copy for the .rpm and the .deb. scripts/package.sh appends
# one call to `maint FORMAT PHASE ARGS...` to this file to make each scriptlet (rpm %post, %preun,
# %postun; deb postinst, prerm, postrm), so the packages run exactly this code, and so do the
# tests (docker/src/test/.../MigrationIT plays it on a fake root).
#
# What it does:
#   install    builds the class-data archives for the installed JVM and takes over from the
#              old ovs_qos.py script when it finds one (stops and disables it, moves its unit aside
#              so that the packaged unit takes effect, keeps its config and state). Never starts
#              or enables ovs-qos: it prints the one command that does.
#   upgrade    rebuilds the archives, reloads systemd and restarts ovs-qos if it was running
#              (penalties survive: the state file is kept in /run/ovs-qos).
#   remove     stops and disables ovs-qos and removes what the package made at run time (the
#              archives, the lock and the admin socket). Config (/opt/ovs-qos/config.json) and
#              state (/run/ovs-qos/state.json) stay; a deb purge also removes the logs.
#
# OVS_QOS_ROOT (tests only) puts every path under a fake root. systemctl is called only where
# systemd runs (ROOT/run/systemd/system exists), as the distributions' own helpers check.
# POSIX sh: rpm runs scriptlets with /bin/sh, which is dash on Debian and bash on EL.

unit_name=ovs-qos.service

maint() {
    format=$1
    phase=$2
    shift 2
    root=${OVS_QOS_ROOT:-}
    case "$format $phase" in
        "rpm post")
            if [ "${1:-1}" -le 1 ]; then on_install; else on_upgrade; fi ;;
        "rpm preun")
            if [ "${1:-0}" -eq 0 ]; then on_remove; fi ;;
        "rpm postun")
            if [ "${1:-0}" -eq 0 ]; then after_remove; fi ;;
        "deb postinst")
            if [ "${1:-}" = configure ]; then
                if [ -z "${2:-}" ]; then on_install; else on_upgrade; fi
            fi ;;
        "deb prerm")
            if [ "${1:-}" = remove ]; then on_remove; fi ;;
        "deb postrm")
            case "${1:-}" in
                remove) after_remove ;;
                purge) purge_logs ;;
            esac ;;
        *)
            echo "ovs-qos: unknown scriptlet $format $phase" >&2
            return 1 ;;
    esac
    return 0
}

on_install() {
    build_cds
    migrate_old_script
    check_config
    systemd_reload
    say "installed, not started. Start the daemon and enable it at boot with:"
    say "    systemctl enable --now ovs-qos"
}

on_upgrade() {
    build_cds
    migrate_old_script
    systemd_reload
    if systemd_running && systemctl is-active --quiet "$unit_name"; then
        say "restarting the running daemon (its penalties are kept in /run/ovs-qos/state.json)"
        systemctl try-restart "$unit_name" || say "restart failed; see: systemctl status ovs-qos"
    fi
}

on_remove() {
    if systemd_running; then
        systemctl stop "$unit_name" || true
        systemctl --no-reload disable "$unit_name" >/dev/null 2>&1 || true
    fi
    remove_wants_links "*/lib/systemd/system/$unit_name"
    rm -f "$root/usr/lib/ovs-qos/ovs-qos-cli.jsa" "$root/usr/lib/ovs-qos/ovs-qos-daemon.jsa"
}

after_remove() {
    systemd_reload
    rm -f "$root/run/ovs-qos/admin.sock" "$root/run/ovs-qos/daemon.lock"
    say "removed; kept the config (/opt/ovs-qos/config.json) and the state (/run/ovs-qos/state.json)"
}

purge_logs() {
    rm -f "$root/var/log/ovs-qos.log" "$root"/var/log/ovs-qos.log.[0-9]*
}

# Class-data archives for the installed JVM: one of the CLI's classes (a quarter off the start of
# `ovs-qos list`) and one of the daemon's (about 2 MB less resident memory, for the life of the
# daemon). Best effort: ovs-qos works without them. A JVM update makes the JVM skip them (with a
# warning on stderr) until the next package upgrade rebuilds them.
build_cds() {
    lib=$root/usr/lib/ovs-qos
    rm -f "$lib/ovs-qos-cli.jsa" "$lib/ovs-qos-daemon.jsa"
    OVS_QOS_JAR=$lib/ovs-qos.jar OVS_QOS_CDS=/nonexistent \
        OVS_QOS_JAVA_OPTS="-XX:ArchiveClassesAtExit=$lib/ovs-qos-cli.jsa -Xlog:cds=off -Xlog:cds+dynamic=off" \
        "$root/usr/bin/ovs-qos" list --admin-socket /nonexistent >/dev/null 2>&1 || true
    daemon_archive "$root/usr/bin/ovs-qos" "$lib/ovs-qos.jar" "$lib/ovs-qos-daemon.jsa"
    for jsa in "$lib/ovs-qos-cli.jsa" "$lib/ovs-qos-daemon.jsa"; do
        if [ -s "$jsa" ]; then
            say "built the class-data archive $jsa for the installed Java"
        else
            rm -f "$jsa"
            say "could not build the class-data archive $jsa (ovs-qos works without it)"
        fi
    done
}

# daemon_archive LAUNCHER JAR JSA: the daemon's archive, dumped when a daemon started for the
# purpose stops. It gets an OVSDB endpoint where none listens and every other path in a scratch
# directory, so it touches nothing of the host's; once its admin socket is up, it has loaded
# what starting, configuring, serving and reaching for OVSDB take, and SIGTERM stops it. (The
# benchmarks build the archive they measure with this function too.)
daemon_archive() {
    scratch=$(mktemp -d "${TMPDIR:-/tmp}/ovs-qos-cds.XXXXXX") || return 0
    (
        unset NOTIFY_SOCKET JOURNAL_STREAM WATCHDOG_USEC
        OVS_QOS_JAR=$2 OVS_QOS_DAEMON_CDS=/nonexistent \
            OVS_QOS_JAVA_OPTS="-XX:ArchiveClassesAtExit=$3 -Xlog:cds=off -Xlog:cds+dynamic=off" \
            exec "$1" daemon --db "unix:$scratch/no-ovsdb.sock" --config "$scratch/none.json" \
            --state "$scratch/state.json" --lock "$scratch/daemon.lock" \
            --admin-socket "$scratch/admin.sock" --log-file - >/dev/null 2>&1
    ) &
    pid=$!
    waited=0
    while [ ! -S "$scratch/admin.sock" ] && [ "$waited" -lt 300 ] && kill -0 "$pid" 2>/dev/null; do
        sleep 0.1 2>/dev/null || sleep 1
        waited=$((waited + 1))
    done
    sleep 1 # its first attempts to reach OVSDB, and their failures
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    rm -rf "$scratch"
}

# The config is never installed nor changed by the package; one that is there (the old script's)
# is checked now, so that its problems show before the daemon is started.
check_config() {
    config=$root/opt/ovs-qos/config.json
    [ -f "$config" ] || return 0
    OVS_QOS_JAR=$root/usr/lib/ovs-qos/ovs-qos.jar "$root/usr/bin/ovs-qos" validate-config "$config" 2>&1 \
        | sed 's/^/ovs-qos: /'
}

# The old script's unit is /etc/systemd/system/ovs-qos.service with ExecStart running ovs_qos.py
# (or a drop-in saying so); there it shadows the packaged unit in /usr/lib/systemd/system.
old_script_unit() {
    f=$root/etc/systemd/system/$unit_name
    [ -f "$f" ] && grep -Eq '^[[:space:]]*ExecStart=.*ovs_qos\.py' "$f"
}

migrate_old_script() {
    etc=$root/etc/systemd/system
    keep=$root/opt/ovs-qos
    found_unit=false
    found_dropins=""
    old_script_unit && found_unit=true
    for f in "$etc/$unit_name.d"/*.conf; do
        [ -f "$f" ] && grep -Eq '^[[:space:]]*ExecStart=.*ovs_qos\.py' "$f" && found_dropins="$found_dropins $f"
    done
    if [ "$found_unit" = false ] && [ -z "$found_dropins" ]; then
        if [ -f "$etc/$unit_name" ]; then
            say "note: $etc/$unit_name overrides the packaged unit; remove it unless you mean it to"
        fi
        if [ -f "$keep/ovs_qos.py" ]; then
            say "found the old script $keep/ovs_qos.py but no systemd unit running it; left it alone"
            warn_running_script
        fi
        return 0
    fi

    say "found the old ovs_qos.py script's unit $etc/$unit_name: taking over from it"
    if systemd_running; then
        systemctl stop "$unit_name" && say "stopped the old script"
        systemctl disable "$unit_name" >/dev/null 2>&1 || true
    fi
    remove_wants_links "*/etc/systemd/system/$unit_name"
    mkdir -p "$keep"
    if [ "$found_unit" = true ]; then
        aside=$(unused_name "$keep/ovs-qos.service.old-script")
        mv "$etc/$unit_name" "$aside"
        say "moved its unit to $aside, so the packaged unit takes effect (not enabled, not started)"
    fi
    for f in $found_dropins; do
        mkdir -p "$keep/ovs-qos.service.d.old-script"
        aside=$(unused_name "$keep/ovs-qos.service.d.old-script/${f##*/}")
        mv "$f" "$aside"
        say "moved its drop-in $f to $aside"
    done
    rmdir "$etc/$unit_name.d" 2>/dev/null || true
    warn_running_script
    if [ -f "$keep/config.json" ]; then
        say "kept /opt/ovs-qos/config.json: ovs-qos reads the old script's keys as they are"
    fi
    if [ -f "$root/run/ovs-qos/state.json" ]; then
        say "kept /run/ovs-qos/state.json: the daemon imports its penalties at its first start and"
        say "keeps the old file as /run/ovs-qos/state.json.old-script"
    fi
    say "the old script itself stays where it was, for a rollback (docs/migration.md in /usr/share/doc/ovs-qos)"
}

# The old script run by hand or by another init would police the same interfaces.
warn_running_script() {
    for cmdline in "$root"/proc/[0-9]*/cmdline; do
        [ -r "$cmdline" ] || continue
        if tr '\0' ' ' <"$cmdline" 2>/dev/null | grep -q 'ovs_qos\.py'; then
            pid=${cmdline%/cmdline}
            say "warning: ovs_qos.py still runs as pid ${pid##*/}; stop it before starting ovs-qos"
        fi
    done
}

# Links that enable a unit (multi-user.target.wants/ovs-qos.service) whose target matches the
# pattern $1: with the old unit moved aside they would make the packaged unit start at boot, which
# only the operator may decide. systemctl disable removes them where systemd runs; this covers
# chroots, images and hosts where the unit file was already gone.
remove_wants_links() {
    for link in "$root"/etc/systemd/system/*.wants/"$unit_name"; do
        [ -L "$link" ] || continue
        # shellcheck disable=SC2254 # $1 is a pattern
        case "$(readlink "$link")" in
            $1) rm -f "$link" ;;
        esac
    done
}

unused_name() {
    name=$1
    n=1
    while [ -e "$name" ]; do
        name=$1.$n
        n=$((n + 1))
    done
    echo "$name"
}

systemd_running() {
    [ -d "$root/run/systemd/system" ] && command -v systemctl >/dev/null 2>&1
}

systemd_reload() {
    if systemd_running; then
        systemctl daemon-reload || true
    fi
}

say() {
    echo "ovs-qos: $*"
}
