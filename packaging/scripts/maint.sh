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
#   jvm-changed (rpm file trigger, deb trigger on /usr/lib/jvm) rebuilds the archives for the
#              Java now installed.
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
        "rpm jvm-changed")
            on_jvm_change ;;
        "deb postinst")
            case "${1:-}" in
                configure)
                    if [ -z "${2:-}" ]; then on_install; else on_upgrade; fi ;;
                triggered)
                    on_jvm_change ;;
            esac ;;
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

# A Java package installed, updated or removed files under /usr/lib/jvm (rpm's file trigger,
# dpkg's trigger): archives made for the JVM before would be refused by the new one, which would
# then start with none at all. The running daemon keeps the files it has mapped until it restarts.
on_jvm_change() {
    say "Java changed under /usr/lib/jvm"
    build_cds
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
# `ovs-qos list`) and one of the daemon's (less resident memory for the life of the daemon, and
# a faster start). Best effort: ovs-qos works without them. A Java update rebuilds them
# (on_jvm_change); until then the JVM skips them with a warning on stderr.
build_cds() {
    lib=$root/usr/lib/ovs-qos
    rm -f "$lib/ovs-qos-cli.jsa" "$lib/ovs-qos-daemon.jsa"
    train_archives "$root/usr/bin/ovs-qos" "$lib/ovs-qos.jar" "$lib/ovs-qos-daemon.jsa" "$lib/ovs-qos-cli.jsa"
    for jsa in "$lib/ovs-qos-cli.jsa" "$lib/ovs-qos-daemon.jsa"; do
        if [ -s "$jsa" ]; then
            say "built the class-data archive $jsa for the installed Java"
        else
            rm -f "$jsa"
            say "could not build the class-data archive $jsa (ovs-qos works without it)"
        fi
    done
}

# train_archives LAUNCHER JAR DAEMON_JSA CLI_JSA: the two archives, each one static archive of
# exactly the classes, the JDK's and ours, that a daemon started for the purpose loaded, and that
# a `list` run against it loaded, in place of the JDK's own archive. Every archived class costs resident memory whether it is used or not (the JVM
# relocates the archive at each start, writing to every page), so the archive holds what a
# daemon loads and nothing else; and it can hold picocli's classes, which are too old a class
# file version for an archive dumped at exit (for `list`, a static archive trained on a real
# list takes a fifth more off its start than a dynamic one of a list that found no daemon).
#
# Everything the training daemon touches is in a scratch directory, its log file too (as a
# daemon outside systemd writes one). Where Open vSwitch's tools
# are installed (as on every host ovs-qos serves), it runs against a scratch ovsdb-server holding a
# few guests' interfaces, with a config that ticks every 0.2 s and reaches both tiers within a
# second: it loads what monitoring, policing, the tiers, the penalties' end, `list` and `status`
# take. Without them (or when that server does not come up) its OVSDB endpoint is one where none
# listens, and it loads what starting, serving and reaching for OVSDB take. (The benchmarks build
# the archive they measure with this function too.)
train_archives() {
    scratch=$(mktemp -d "${TMPDIR:-/tmp}/ovs-qos-cds.XXXXXX") || return 0
    db=$scratch/no-ovsdb.sock
    if training_ovsdb "$scratch"; then
        db=$scratch/db.sock
    fi
    training_config >"$scratch/config.json"
    (
        unset NOTIFY_SOCKET JOURNAL_STREAM WATCHDOG_USEC
        OVS_QOS_JAR=$2 OVS_QOS_DAEMON_CDS=/nonexistent \
            OVS_QOS_JAVA_OPTS="-XX:DumpLoadedClassList=$scratch/classes.txt" \
            exec "$1" daemon --db "unix:$db" --config "$scratch/config.json" \
            --state "$scratch/state.json" --lock "$scratch/daemon.lock" \
            --admin-socket "$scratch/admin.sock" --log-file "$scratch/ovs-qos.log" >/dev/null 2>&1
    ) &
    pid=$!
    waited=0
    while [ ! -S "$scratch/admin.sock" ] && [ "$waited" -lt 300 ] && kill -0 "$pid" 2>/dev/null; do
        sleep 0.1 2>/dev/null || sleep 1
        waited=$((waited + 1))
    done
    if [ "$db" = "$scratch/db.sock" ]; then
        training_traffic "$1" "$2" "$scratch"
    else
        sleep 1 # its first attempts to reach OVSDB, and their failures
    fi
    OVS_QOS_JAR=$2 OVS_QOS_CDS=/nonexistent OVS_QOS_JAVA_OPTS="-XX:DumpLoadedClassList=$scratch/cli-classes.txt" \
        "$1" list --admin-socket "$scratch/admin.sock" >/dev/null 2>&1 || true
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    if [ -s "$scratch/ovsdb.pid" ]; then
        kill -TERM "$(cat "$scratch/ovsdb.pid")" 2>/dev/null || true
        waited=0
        while [ -e "$scratch/ovsdb.pid" ] && [ "$waited" -lt 50 ]; do
            sleep 0.1 2>/dev/null || sleep 1
            waited=$((waited + 1))
        done
    fi
    # -Xshare:dump comes after the launcher's -Xshare:auto, and wins; the JVM dumps and exits.
    if [ -s "$scratch/classes.txt" ]; then
        OVS_QOS_JAR=$2 OVS_QOS_DAEMON_CDS=/nonexistent \
            OVS_QOS_JAVA_OPTS="-Xshare:dump -XX:SharedClassListFile=$scratch/classes.txt -XX:SharedArchiveFile=$3 -Xlog:cds=off" \
            "$1" daemon >/dev/null 2>&1 || rm -f "$3"
    fi
    if [ -s "$scratch/cli-classes.txt" ]; then
        OVS_QOS_JAR=$2 OVS_QOS_CDS=/nonexistent \
            OVS_QOS_JAVA_OPTS="-Xshare:dump -XX:SharedClassListFile=$scratch/cli-classes.txt -XX:SharedArchiveFile=$4 -Xlog:cds=off" \
            "$1" list >/dev/null 2>&1 || rm -f "$4"
    fi
    rm -rf "$scratch"
}

# training_ovsdb DIR: a scratch ovsdb-server on DIR/db.sock with three guests' interfaces (and one
# the config leaves alone); false when Open vSwitch's tools are missing or it does not come up.
training_ovsdb() {
    schema=${OVS_QOS_OVS_SCHEMA:-/usr/share/openvswitch/vswitch.ovsschema}
    for tool in ovsdb-tool ovsdb-server ovs-vsctl; do
        command -v "$tool" >/dev/null 2>&1 || return 1
    done
    [ -r "$schema" ] || return 1
    ovsdb-tool create "$1/conf.db" "$schema" >/dev/null 2>&1 || return 1
    ovsdb-server "$1/conf.db" --remote="punix:$1/db.sock" --unixctl="$1/ovsdb.ctl" \
        --pidfile="$1/ovsdb.pid" --no-chdir --detach --log-file="$1/ovsdb.log" >/dev/null 2>&1 || return 1
    training_vsctl "$1" init -- add-br br-train \
        -- add-port br-train kvm1.0 -- add-port br-train kvm2.0 -- add-port br-train kvm3.0 \
        -- add-port br-train eth-train
}

training_vsctl() {
    dir=$1
    shift
    ovs-vsctl --db="unix:$dir/db.sock" --no-wait --timeout=5 "$@" >/dev/null 2>&1
}

# A tick every 0.2 s on a 1 Mbit/s base: tier 1 after 0.4 s over half of it, tier 2 after 0.6 s
# over 40 % of it, each lifted 1 s and 0.6 s later.
training_config() {
    cat <<'JSON'
{
  "base_rate_mbit": 1,
  "sample_interval_sec": 0.2,
  "stage1_usage_fraction": 0.5, "stage1_trigger_seconds": 0.4,
  "stage1_rate_fraction": 0.9, "stage1_penalty_seconds": 1,
  "stage2_usage_fraction": 0.4, "stage2_trigger_seconds": 0.6,
  "stage2_rate_fraction": 0.8, "stage2_penalty_seconds": 0.6
}
JSON
}

# training_traffic LAUNCHER JAR DIR: ovs-vswitchd's part, played by hand. Statistics that grow by
# 4 MB per 0.2 s (160 Mbit/s, far over the 1 Mbit/s base) for about 2 s, then stand still so the
# penalties end; `list` and `status` in between, as an operator runs them (the CLI's own archive
# is trained on one more `list`, after this).
training_traffic() {
    bytes=0
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        bytes=$((bytes + 4000000))
        training_vsctl "$3" set Interface kvm1.0 "statistics:rx_bytes=$bytes" "statistics:tx_bytes=$bytes" \
            -- set Interface kvm2.0 "statistics:rx_bytes=$bytes" "statistics:tx_bytes=$bytes"
        sleep 0.2 2>/dev/null || sleep 1
    done
    for command in list status; do
        OVS_QOS_JAR=$2 OVS_QOS_CDS=/nonexistent "$1" "$command" --admin-socket "$3/admin.sock" >/dev/null 2>&1 || true
    done
    sleep 1.5 2>/dev/null || sleep 2
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
