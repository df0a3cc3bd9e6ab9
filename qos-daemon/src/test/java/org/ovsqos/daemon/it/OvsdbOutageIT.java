package org.ovsqos.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ovsqos.daemon.it.Tiers.BASE;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An OVSDB that goes away, comes back, or freezes under a running daemon (the real jar against a
 * real ovsdb-server): limits are back as soon as the server is, however long the outage made the
 * backoff; a frozen server is shown as unresponsive, never as connected; the outage keeps the
 * time it began.
 */
class OvsdbOutageIT extends DaemonOnOvsHost {
    /** The session's longest backoff: what an outage of a few attempts makes it wait. */
    private static final Duration BACKOFF_MAX = Duration.ofSeconds(8);
    private static final int RESTARTS = 10;

    @AfterEach
    void thawAndRestart() {
        if (host.server().isRunning()) {
            host.server().thaw(); // never leave a stopped server behind, whatever failed
        } else {
            host.server().restart();
        }
    }

    @Test
    void aLimitChangedWhileOvsdbWasDownIsRestoredAsSoonAsTheServerIsBackNotAtTheEndOfTheBackoff() {
        bridge = host.bridge("br-outage");
        bridge.addPort("kvm401.0");
        daemon = daemon(QosConfigFile.compressed()).startReady();
        bridge.awaitPolicing("kvm401.0", BASE);

        host.server().kill();
        // Four failed attempts: the session's next retry is its longest backoff away.
        await("four failed attempts").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(() -> ovsdb().path("failed_attempts").asInt() >= 4);
        JsonNode down = ovsdb();
        OfflineDatabase.setPolicingRate(host.server(), "kvm401.0", 123);
        long restarted = System.nanoTime();
        host.server().restart();

        bridge.awaitPolicing("kvm401.0", BASE, BACKOFF_MAX.dividedBy(2));
        Duration restoredAfter = Duration.ofNanos(System.nanoTime() - restarted);

        assertThat(down.path("state").asText()).isEqualTo("disconnected");
        assertThat(down.path("down_since").asLong()).as("the outage's start, kept across the retries")
                .isPositive().isLessThanOrEqualTo(down.path("since").asLong());
        assertThat(restoredAfter).as("the socket file's return, not the backoff, set the time")
                .isLessThan(BACKOFF_MAX.dividedBy(2));
        System.out.printf("ovsdb outage: restored %d ms after the server restart (after %d failed attempts)%n",
                restoredAfter.toMillis(), down.path("failed_attempts").asInt());
    }

    @Test
    void restartAfterRestartTheLimitsComeBackAtOnce() {
        bridge = host.bridge("br-restarts");
        bridge.addPort("kvm402.0");
        daemon = daemon(QosConfigFile.compressed()).startReady();
        bridge.awaitPolicing("kvm402.0", BASE);
        List<Long> millis = new ArrayList<>();

        for (int i = 0; i < RESTARTS; i++) {
            host.server().kill();
            await("disconnected").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .ignoreExceptions().until(() -> !ovsdb().path("state").asText().equals("connected"));
            OfflineDatabase.setPolicingRate(host.server(), "kvm402.0", 100 + i);
            long restarted = System.nanoTime();
            host.server().restart();
            bridge.awaitPolicing("kvm402.0", BASE, BACKOFF_MAX);
            millis.add(Duration.ofNanos(System.nanoTime() - restarted).toMillis());
        }

        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("ovsdb outage: %d restarts, restored after min %d / median %d / max %d ms: %s%n",
                RESTARTS, sorted.get(0), sorted.get(RESTARTS / 2), sorted.get(RESTARTS - 1), millis);
        assertThat(daemon.logLines("WARN .*iface=kvm402.0 event=drift")).hasSize(RESTARTS);
    }

    @Test
    void aFrozenServerIsShownUnresponsiveNotConnectedAndRecovers() {
        bridge = host.bridge("br-frozen");
        bridge.addPort("kvm403.0");
        daemon = daemon(QosConfigFile.compressed()).startReady();
        bridge.awaitPolicing("kvm403.0", BASE);

        host.server().freeze();
        // The unix probe: an echo after 15 s of silence, the connection dropped after 15 s more.
        await("unresponsive").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> ovsdb().path("state").asText().equals("unresponsive"));
        JsonNode frozen = ovsdb();
        assertThat(frozen.path("last_error").asText()).contains("inactivity probe unanswered");
        assertThat(daemon.cli("status").stdout()).contains("OVSDB:      unresponsive from ");

        host.server().thaw();
        await("connected again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(() -> ovsdb().path("state").asText().equals("connected"));
        bridge.set("kvm403.0", "ingress_policing_rate=7");
        bridge.awaitPolicing("kvm403.0", BASE);
    }

    private JsonNode ovsdb() {
        return daemon.status().path("ovsdb");
    }
}
