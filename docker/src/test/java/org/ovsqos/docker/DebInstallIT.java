package org.ovsqos.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The .deb installed with apt on Debian (the OVS container, whose Debian 12 has never seen Java)
 * over the old script's files, as on a host being migrated: apt pulls the Java runtime from
 * Debian's packages, the package takes over from the script, the installed {@code ovs-qos} runs
 * with every default path against the container's OVS and imports the script's penalty; then the
 * package is removed and the config and state stay. No systemd runs in the container, so the
 * scriptlets' systemctl calls are MigrationIT's to check.
 */
class DebInstallIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Guest GUEST = new Guest(101);
    private static final String CONFIG = "{\"base_rate_mbit\": 300, \"sample_interval_sec\": 5}\n";
    private static final Duration INSTALL = Duration.ofMinutes(5);

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @Test
    void installsOverTheOldScriptRunsWithDefaultPathsAndIsRemovedKeepingConfigAndState() throws Exception {
        OvsContainer host = sandbox.ovs();
        sandbox.addGuests(GUEST);
        // Within the 1800 s of stage 1: a penalty is never imported longer than its tier lasts.
        long penaltyUntil = Instant.now().getEpochSecond() + 1200;
        String oldState = "{\"" + GUEST.iface() + "\": {\"stage\": 1, \"stage_until\": " + penaltyUntil
                + ".0, \"cond1_start\": null, \"cond2_start\": null}}\n";
        oldScript(host, oldState);
        host.copyIn(Packages.build().deb(), "/tmp/ovs-qos.deb");

        String installed = host.sh("apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout "
                + INSTALL.toSeconds() + " apt-get install -y -qq /tmp/ovs-qos.deb 2>&1");
        assertThat(installed).contains("ovs-qos: found the old ovs_qos.py script", "moved its unit to",
                "built the class-data archive", "/opt/ovs-qos/config.json: OK", "systemctl enable --now ovs-qos");
        assertThat(host.sh("test ! -e /etc/systemd/system/ovs-qos.service && cat /opt/ovs-qos/ovs-qos.service.old-script"))
                .contains("ovs_qos.py");

        assertThat(host.sh("ovs-qos --version").trim())
                .isEqualTo(Shell.ok(ProjectFiles.daemonJar().getParent(), "java -jar ovs-qos.jar --version").trim());
        assertThat(host.sh("ovs-qos validate-config").trim()).isEqualTo("/opt/ovs-qos/config.json: OK");

        // Every default: /opt/ovs-qos/config.json, the container's db.sock, /run/ovs-qos, /var/log/ovs-qos.log.
        host.sh("setsid ovs-qos daemon >/tmp/daemon.out 2>&1 </dev/null & echo $! >/tmp/daemon.pid");
        sandbox.report("installed daemon's output", () -> host.sh("tail -n 40 /tmp/daemon.out || true"));
        Policing tier1 = Policing.of(300, 0.9);
        await("the imported penalty applied").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> host.policing(GUEST).equals(tier1));
        JsonNode row = JSON.readTree(host.sh("ovs-qos list --json")).get(0);
        assertThat(row.get("interface").asText()).isEqualTo(GUEST.iface());
        assertThat(row.get("stage").asInt()).isEqualTo(1);
        assertThat(row.get("penalty_until").asLong()).isEqualTo(penaltyUntil);
        assertThat(host.sh("grep -c 'format=ovs_qos.py records=1 action=imported' /var/log/ovs-qos.log").trim())
                .isEqualTo("1");
        assertThat(host.sh("cat /run/ovs-qos/state.json.old-script")).isEqualTo(oldState);
        await("the state file rewritten in the current format").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> JSON.readTree(host.sh("cat /run/ovs-qos/state.json")).path("version").asInt() == 1);

        host.sh("kill $(cat /tmp/daemon.pid); while kill -0 $(cat /tmp/daemon.pid) 2>/dev/null; do sleep 0.2; done");
        String removed = host.sh("DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq ovs-qos 2>&1");
        assertThat(removed).contains("kept the config");
        assertThat(host.sh("for f in /usr/bin/ovs-qos /usr/lib/ovs-qos /usr/lib/systemd/system/ovs-qos.service"
                + " /usr/share/man/man8/ovs-qos.8.gz /usr/share/bash-completion/completions/ovs-qos"
                + " /usr/share/doc/ovs-qos /run/ovs-qos/daemon.lock; do [ -e $f ] && echo $f; done; true")).isEmpty();
        assertThat(host.sh("cat /opt/ovs-qos/config.json")).isEqualTo(CONFIG);
        assertThat(JSON.readTree(host.sh("cat /run/ovs-qos/state.json")).path("interfaces").has(GUEST.iface())).isTrue();
        assertThat(host.sh("ls /var/log/ovs-qos.log")).isNotBlank();

        host.sh("DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq ovs-qos 2>&1");
        assertThat(host.sh("ls /var/log/ | grep ovs-qos || true")).isEmpty();
        assertThat(host.sh("ls /opt/ovs-qos/config.json /run/ovs-qos/state.json")).isNotBlank();
    }

    /** The old script as its README installed it. */
    private static void oldScript(OvsContainer host, String state) {
        host.sh("mkdir -p /etc/systemd/system/multi-user.target.wants /opt/ovs-qos /run/ovs-qos"
                + " && cat >/etc/systemd/system/ovs-qos.service <<'EOF'\n" + FakeHost.OLD_UNIT + "EOF\n"
                + "ln -s /etc/systemd/system/ovs-qos.service /etc/systemd/system/multi-user.target.wants/ovs-qos.service"
                + " && echo '#!/usr/bin/env python3' >/opt/ovs-qos/ovs_qos.py"
                + " && printf '%s' '" + CONFIG + "' >/opt/ovs-qos/config.json"
                + " && printf '%s' '" + state + "' >/run/ovs-qos/state.json");
    }
}
