package org.ovsqos.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ovsqos.daemon.it.Tiers.BASE;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The daemon through OVSDB outages: a server restarted (the limit it lost restored at once, not
 * at the next backoff retry), an outage's start kept across the retries, a server frozen with
 * SIGSTOP shown as unresponsive. The socket is unix, as on a host.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class OvsdbOutageIT extends DaemonOnOvsHost {
    /**
     * A sanity bound, not the goal (1 s): it only has to be shorter than the retry the backoff
     * would make after four failures (6 to 8 s), so that only an immediate reconnect passes.
     */
    private static final Duration RESTORED_WITHIN = Duration.ofSeconds(4);
    /** The default unix probe drops a silent server after 15 to 30 s; then some slack. */
    private static final Duration UNRESPONSIVE_WITHIN = Duration.ofSeconds(60);
    private static final int RESTARTS = 10;

    @AfterEach
    void serverBackUp() {
        host.server().thaw();
        if (!host.server().isRunning()) {
            host.server().restart();
        }
    }

    @Test
    void anOutageKeepsItsStartAcrossRetriesAndALimitChangedDuringItIsRestoredAtOnce() throws Exception {
        bridge = host.bridge("br-outage");
        bridge.addPort("kvm301.0");
        QosConfigFile.compressed().writeTo(dir.resolve("config.json"));
        daemon = DaemonProcess.in(dir, host.db()).startReady();
        bridge.awaitPolicing("kvm301.0", BASE);

        host.server().kill();
        JsonNode first = awaitOutage(1);
        JsonNode fourth = awaitOutage(4); // the backoff is now at its maximum: the next retry is 6-8 s away

        assertThat(first.get("state").asText()).isEqualTo("disconnected");
        assertThat(fourth.get("state").asText()).isEqualTo("disconnected");
        assertThat(fourth.get("since").asLong()).as("the outage's start, across three retries")
                .isEqualTo(first.get("since").asLong());
        assertThat(daemon.cli("status").stdout()).contains("4 failed attempts");

        OfflineDatabase.setPolicingRate(host.server(), "kvm301.0", 123);
        host.server().restart();

        bridge.awaitPolicing("kvm301.0", BASE, RESTORED_WITHIN);
        assertThat(daemon.awaitLog("ovsdb endpoint=.* event=new-socket action=connect")).isNotEmpty();
        JsonNode ovsdb = daemon.statusJson().get("ovsdb");
        assertThat(ovsdb.get("state").asText()).isEqualTo("connected");
        assertThat(ovsdb.get("failed_attempts").asInt()).isZero();
    }

    @Test
    void restoresALimitChangedWhileOvsdbWasDownSoonAfterEachRestart() throws Exception {
        bridge = host.bridge("br-restarts");
        bridge.addPort("kvm302.0");
        QosConfigFile.compressed().writeTo(dir.resolve("config.json"));
        daemon = DaemonProcess.in(dir, host.db()).startReady();
        bridge.awaitPolicing("kvm302.0", BASE);

        List<Duration> restored = new ArrayList<>();
        for (int i = 0; i < RESTARTS; i++) {
            host.server().kill();
            awaitOutage(2); // past the first retry: the backoff's next one is 1.5-2 s away
            OfflineDatabase.setPolicingRate(host.server(), "kvm302.0", 123);
            host.server().restart();
            // bind(2) made the socket and set its time; ovsdb-server listens on it right after.
            Instant back = Files.getLastModifiedTime(host.server().socketPath()).toInstant();
            try (RowReader reader = RowReader.open(host.server())) {
                Instant seen = reader.awaitPolicing("kvm302.0", BASE, RESTORED_WITHIN);
                restored.add(Duration.between(back, seen));
            }
        }

        List<Long> millis = restored.stream().map(Duration::toMillis).sorted().toList();
        // Figures for the record (packaging/README.md), not assertions: the machine's load decides them.
        System.out.println("measure=restored_after_server_back restarts=" + millis.size() + " min_ms=" + millis.get(0)
                + " median_ms=" + (millis.get(4) + millis.get(5)) / 2 + " max_ms=" + millis.get(millis.size() - 1)
                + " all_ms=" + millis);
        assertThat(millis).hasSize(RESTARTS).allSatisfy(ms -> assertThat(ms).isLessThan(RESTORED_WITHIN.toMillis()));
    }

    @Test
    void showsAFrozenOvsdbAsUnresponsiveAndRecoversWhenItResumes() {
        bridge = host.bridge("br-frozen");
        bridge.addPort("kvm303.0");
        QosConfigFile.compressed().writeTo(dir.resolve("config.json"));
        daemon = DaemonProcess.in(dir, host.db()).startReady();
        bridge.awaitPolicing("kvm303.0", BASE);

        host.server().freeze();
        try {
            await("status unresponsive").atMost(UNRESPONSIVE_WITHIN).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> daemon.status().at("/ovsdb/state").asText().equals("unresponsive"));
            JsonNode ovsdb = daemon.statusJson().get("ovsdb");
            assertThat(ovsdb.get("state").asText()).isEqualTo("unresponsive");
            assertThat(ovsdb.get("last_error").asText()).contains("inactivity probe unanswered");
            assertThat(daemon.cli("status").stdout()).contains("unresponsive (takes connections, does not answer)");
            assertThat(daemon.logLines("WARN .*ovsdb endpoint=.* state=unresponsive")).hasSize(1);
        } finally {
            host.server().thaw();
        }

        await("connected again").atMost(DaemonProcess.STARTUP).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(() -> daemon.status().at("/ovsdb/state").asText().equals("connected"));
        bridge.set("kvm303.0", "ingress_policing_rate=456");
        bridge.awaitPolicing("kvm303.0", BASE);
    }

    /** Waits until status shows an outage with at least {@code failures} failed attempts; returns its ovsdb object. */
    private JsonNode awaitOutage(int failures) {
        JsonNode[] last = new JsonNode[1];
        await("an outage of " + failures + " failed attempts").atMost(DaemonProcess.STARTUP)
                .pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> {
                    last[0] = daemon.status().get("ovsdb");
                    return last[0].get("failed_attempts").asInt() >= failures;
                });
        return last[0];
    }
}
