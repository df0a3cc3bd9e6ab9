package org.ovsqos.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;

/**
 * The daemon image (docker/daemon) beside the OVS container, the two sharing
 * /var/run/openvswitch: the daemon in its container polices a guest of the other, and
 * {@code ovs-qos list} inside it shows what it did. The only test that needs this image, so the
 * suite builds it here and nowhere else (about 40 s the first time, for the JRE; then only the
 * jar's layer).
 */
class DaemonImageIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Guest GUEST = new Guest(101);
    private static final Policing BASE = Policing.of(300, 1.0);
    private static final String CONFIG = "{\"base_rate_mbit\": 300}";

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @Test
    void daemonContainerPolicesAGuestOfTheOvsContainerBesideIt() throws Exception {
        sandbox.addGuests(GUEST);
        GenericContainer<?> daemon = sandbox.closeAfterTest(
                DaemonImage.container(DaemonImage.build(), sandbox.runDir(), CONFIG));
        sandbox.report("daemon container output", daemon::getLogs);
        daemon.start();

        await("the guest policed by the daemon container").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).until(() -> sandbox.ovs().policing(GUEST).equals(BASE));

        ExecResult list = daemon.execInContainer("ovs-qos", "list", "--json");
        assertThat(list.getExitCode()).as(list.getStderr()).isZero();
        JsonNode listed = JSON.readTree(list.getStdout());
        assertThat(listed).hasSize(1);
        ManagedInterface managed = ManagedInterface.fromJson(listed.get(0));
        assertThat(managed.name()).isEqualTo(GUEST.iface());
        assertThat(managed.limit()).isEqualTo(BASE);
    }
}
