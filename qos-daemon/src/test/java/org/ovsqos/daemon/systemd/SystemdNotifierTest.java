package org.ovsqos.daemon.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import jnr.unixsocket.UnixDatagramChannel;
import jnr.unixsocket.UnixSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The notifications arrive on a datagram socket bound by the test, as systemd's would. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SystemdNotifierTest {
    private static final long PID = 4242;

    @TempDir
    Path dir;

    private UnixDatagramChannel systemd;

    @AfterEach
    void close() throws IOException {
        if (systemd != null) {
            systemd.close();
        }
    }

    private SystemdNotifier notifierOn(String socket) throws IOException {
        systemd = UnixDatagramChannel.open();
        systemd.bind(SystemdNotifier.toAddress(socket));
        return SystemdNotifier.fromEnvironment(Map.of(SystemdNotifier.NOTIFY_SOCKET, socket), PID);
    }

    private String received() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        systemd.receive(buffer); // blocking: the datagram was sent before we ask
        buffer.flip();
        return StandardCharsets.UTF_8.decode(buffer).toString();
    }

    @Test
    void sendsTheLifecycleMessagesToAPathSocket() throws IOException {
        try (SystemdNotifier notifier = notifierOn(dir.resolve("notify").toString())) {
            assertThat(notifier.enabled()).isTrue();

            notifier.ready("managing 12 interfaces, 1 penalised");
            assertThat(received()).isEqualTo("READY=1\nSTATUS=managing 12 interfaces, 1 penalised");
            notifier.status("reconnecting to OVSDB");
            assertThat(received()).isEqualTo("STATUS=reconnecting to OVSDB");
            notifier.watchdog();
            assertThat(received()).isEqualTo("WATCHDOG=1");
            notifier.reloading();
            assertThat(received()).matches("RELOADING=1\nMONOTONIC_USEC=\\d+");
            notifier.stopping();
            assertThat(received()).isEqualTo("STOPPING=1");
        }
    }

    @Test
    void reachesAnAbstractNamespaceSocket() throws IOException {
        String abstractName = "@ovs-qos-test-" + UUID.randomUUID();
        try (SystemdNotifier notifier = notifierOn(abstractName)) {
            assertThat(notifier.send("READY=1")).isTrue();

            assertThat(received()).isEqualTo("READY=1");
        }
    }

    @Test
    void statusIsKeptToOneLine() throws IOException {
        try (SystemdNotifier notifier = notifierOn(dir.resolve("notify").toString())) {
            notifier.status("two\nlines");

            assertThat(received()).isEqualTo("STATUS=two lines");
        }
    }

    @Test
    void doesNothingOutsideSystemd() {
        try (SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of(), PID)) {
            assertThat(notifier.enabled()).isFalse();
            assertThat(notifier.send("READY=1")).isFalse();
            assertThat(notifier.watchdogTimeout()).isEmpty();
        }
    }

    @Test
    void aVanishedSocketMakesSendFailQuietly() {
        try (SystemdNotifier notifier = SystemdNotifier.fromEnvironment(
                Map.of(SystemdNotifier.NOTIFY_SOCKET, dir.resolve("gone").toString()), PID)) {
            assertThat(notifier.send("READY=1")).isFalse();
        }
    }

    @Test
    void watchdogTimeoutComesFromWatchdogUsecWhenMeantForThisProcess() {
        Map<String, String> forUs = Map.of(SystemdNotifier.NOTIFY_SOCKET, "/run/systemd/notify",
                SystemdNotifier.WATCHDOG_USEC, "30000000", SystemdNotifier.WATCHDOG_PID, Long.toString(PID));
        Map<String, String> forAnother = Map.of(SystemdNotifier.NOTIFY_SOCKET, "/run/systemd/notify",
                SystemdNotifier.WATCHDOG_USEC, "30000000", SystemdNotifier.WATCHDOG_PID, "1");
        Map<String, String> withoutPid = Map.of(SystemdNotifier.NOTIFY_SOCKET, "/run/systemd/notify",
                SystemdNotifier.WATCHDOG_USEC, "1500000");
        Map<String, String> garbage = Map.of(SystemdNotifier.NOTIFY_SOCKET, "/run/systemd/notify",
                SystemdNotifier.WATCHDOG_USEC, "soon");

        assertThat(SystemdNotifier.fromEnvironment(forUs, PID).watchdogTimeout()).hasValue(Duration.ofSeconds(30));
        assertThat(SystemdNotifier.fromEnvironment(forUs, PID).watchdogPingInterval()).hasValue(Duration.ofSeconds(15));
        assertThat(SystemdNotifier.fromEnvironment(forAnother, PID).watchdogTimeout()).isEmpty();
        assertThat(SystemdNotifier.fromEnvironment(withoutPid, PID).watchdogTimeout()).hasValue(Duration.ofMillis(1500));
        assertThat(SystemdNotifier.fromEnvironment(garbage, PID).watchdogTimeout()).isEmpty();
    }

    @Test
    void anAbstractAddressStartsWithANulByte() {
        UnixSocketAddress address = SystemdNotifier.toAddress("@name");

        assertThat(address.path()).isEqualTo("\0name");
        assertThat(address.humanReadablePath()).isEqualTo("@name");
    }
}
