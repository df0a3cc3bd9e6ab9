package org.ovsqos.daemon.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The notifications arrive on a datagram socket bound by the test, as systemd's would. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SystemdNotifierTest {
    private static final long PID = 4242;

    @TempDir
    Path dir;

    private NotifySocket systemd;

    @AfterEach
    void close() {
        if (systemd != null) {
            systemd.close();
        }
    }

    private SystemdNotifier notifierOnAPath() {
        systemd = NotifySocket.bind(dir.resolve("notify"));
        return notifier(systemd.path().toString());
    }

    private static SystemdNotifier notifier(String notifySocket) {
        return SystemdNotifier.fromEnvironment(Map.of(SystemdNotifier.NOTIFY_SOCKET, notifySocket), PID);
    }

    @Test
    void sendsTheLifecycleMessagesToAPathSocket() {
        try (SystemdNotifier notifier = notifierOnAPath()) {
            assertThat(notifier.enabled()).isTrue();

            notifier.ready("managing 12 interfaces, 1 penalised");
            assertThat(systemd.next()).isEqualTo("READY=1\nSTATUS=managing 12 interfaces, 1 penalised");
            notifier.status("reconnecting to OVSDB");
            assertThat(systemd.next()).isEqualTo("STATUS=reconnecting to OVSDB");
            notifier.watchdog();
            assertThat(systemd.next()).isEqualTo("WATCHDOG=1");
            notifier.reloading();
            assertThat(systemd.next()).matches("RELOADING=1\nMONOTONIC_USEC=\\d+");
            notifier.stopping();
            assertThat(systemd.next()).isEqualTo("STOPPING=1");
        }
        assertThat(systemd.messages()).as("one datagram each").hasSize(5);
    }

    @Test
    void reachesAnAbstractNamespaceSocket() throws IOException {
        // Bound as systemd binds one: the name after a NUL byte, and exactly that long. The kernel
        // lists it with NULs shown as '@', so a padded name would not end the line; and an address
        // must match in length too, so a sender that padded sun_path with NULs would not reach it.
        String name = "ovs-qos-test-" + UUID.randomUUID();
        systemd = NotifySocket.bindAbstract(name);
        assertThat(Files.readAllLines(Path.of("/proc/net/unix"))).anyMatch(line -> line.endsWith(" @" + name));
        try (SystemdNotifier notifier = notifier("@" + name)) {
            assertThat(notifier.send("READY=1\nSTATUS=ünïcode")).isTrue();

            assertThat(systemd.next()).isEqualTo("READY=1\nSTATUS=ünïcode");
        }
    }

    @Test
    void aClosedNotifierOpensANewSocketOnTheNextSend() {
        SystemdNotifier notifier = notifierOnAPath();
        assertThat(notifier.send("A=1")).isTrue();
        notifier.close();
        notifier.close();

        assertThat(notifier.send("B=2")).isTrue();
        notifier.close();
        assertThat(systemd.messages()).containsExactly("A=1", "B=2");
    }

    @Test
    void statusIsKeptToOneLine() {
        try (SystemdNotifier notifier = notifierOnAPath()) {
            notifier.status("two\nlines");

            assertThat(systemd.next()).isEqualTo("STATUS=two lines");
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
    void aVanishedSocketMakesSendFailQuietlyAndIsLoggedOnce() {
        Logger logger = (Logger) LoggerFactory.getLogger(SystemdNotifier.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        String gone = dir.resolve("gone").toString();
        try (SystemdNotifier notifier = notifier(gone)) {
            assertThat(notifier.send("READY=1")).isFalse();
            assertThat(notifier.send("WATCHDOG=1")).isFalse();
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).startsWith("sd_notify failed socket=" + gone + " error=\"")
                    .endsWith("(further failures are not logged)");
        });
    }

    /**
     * In another JVM, whose Netty cannot extract its JNI library: the notifier reports false and
     * logs once, naming the cause and where Netty puts the library.
     */
    @Test
    void aNativeLibraryThatCannotLoadIsLoggedOnceAndNotThrown() throws Exception {
        Path notADirectory = Files.createFile(dir.resolve("file"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dio.netty.native.workdir=" + notADirectory.resolve("lib"),
                "-cp", System.getProperty("java.class.path"),
                SendTwice.class.getName(), dir.resolve("notify").toString())
                .redirectError(dir.resolve("stderr").toFile())
                .start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("stderr"));

        assertThat(child.exitValue()).as(err).isZero();
        assertThat(out.strip()).isEqualTo("false false");
        List<String> warnings = err.lines().filter(line -> line.contains("sd_notify")).toList();
        assertThat(warnings).as(err).singleElement().asString()
                .contains("socket=" + dir.resolve("notify"))
                .contains("UnsatisfiedLinkError")
                .contains(notADirectory.resolve("lib").toString()) // the root cause: mkdirs failed
                .contains("io.netty.native.workdir (default java.io.tmpdir)").contains("noexec");
    }

    /** The child of the test above: two sends, each result printed. */
    static final class SendTwice {
        public static void main(String[] args) {
            try (SystemdNotifier notifier = notifier(args[0])) {
                System.out.println(notifier.send("READY=1") + " " + notifier.send("WATCHDOG=1"));
            }
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
        assertThat(SystemdNotifier.toAddress("@name")).containsExactly(0, 'n', 'a', 'm', 'e');
        assertThat(SystemdNotifier.toAddress("/run/systemd/notify"))
                .isEqualTo("/run/systemd/notify".getBytes(StandardCharsets.US_ASCII));
    }
}
