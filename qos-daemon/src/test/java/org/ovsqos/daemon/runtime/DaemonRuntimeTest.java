package org.ovsqos.daemon.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ovsqos.daemon.admin.AdminClient;
import org.ovsqos.daemon.admin.FakeAdminHandler;
import org.ovsqos.daemon.common.DaemonOptions;
import org.ovsqos.daemon.metrics.MetricsEndpoint;
import org.ovsqos.daemon.systemd.NotifySocket;
import org.ovsqos.daemon.systemd.SystemdNotifier;
import sun.misc.Signal;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DaemonRuntimeTest {
    @TempDir
    Path dir;

    private NotifySocket systemd;

    @AfterEach
    void close() {
        if (systemd != null) {
            systemd.close();
        }
    }

    private DaemonOptions options() {
        return DaemonOptions.builder()
                .adminSocket(dir.resolve("admin.sock"))
                .lockFile(dir.resolve("daemon.lock"))
                .stateFile(dir.resolve("state.json"))
                .logFile("-")
                .build();
    }

    private SystemdNotifier notifier() {
        systemd = NotifySocket.bind(dir.resolve("notify"));
        return SystemdNotifier.fromEnvironment(Map.of(SystemdNotifier.NOTIFY_SOCKET, systemd.path().toString()), 1);
    }

    @Test
    @Timeout(10)
    void theEngineWaitsWithoutATimeoutUntilShutdownIsRequested() throws Exception {
        try (DaemonRuntime runtime = DaemonRuntime.withoutSignals(options(), SystemdNotifier.disabled(), Clock.systemUTC())) {
            Thread engine = new Thread(() -> {
                try {
                    runtime.awaitShutdown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            engine.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> engine.getState() == Thread.State.WAITING);
            assertThat(engine.isAlive()).isTrue();

            runtime.requestShutdown();
            engine.join(5_000);
            assertThat(engine.isAlive()).isFalse();
        }
    }

    @Test
    void aShutdownRequestWakesTheEngineAndTellsSystemdOnce() throws Exception {
        DaemonRuntime runtime = DaemonRuntime.withoutSignals(options(), notifier(), Clock.systemUTC());

        assertThat(runtime.awaitShutdown(Duration.ofMillis(1))).isFalse();
        runtime.requestShutdown();
        runtime.requestShutdown();

        assertThat(runtime.awaitShutdown(Duration.ofSeconds(5))).isTrue();
        assertThat(runtime.shutdownRequested()).isTrue();
        runtime.close();
        try (SystemdNotifier marker = SystemdNotifier.fromEnvironment(
                Map.of(SystemdNotifier.NOTIFY_SOCKET, dir.resolve("notify").toString()), 1)) {
            marker.send("MARK=1");
        }

        // Nothing more came from the second request or close(): the marker is next.
        assertThat(systemd.messages()).containsExactly("STOPPING=1", "MARK=1");
    }

    @Test
    void signalsReachTheEngine() throws Exception {
        AtomicInteger reloads = new AtomicInteger();
        try (DaemonRuntime runtime = DaemonRuntime.start(options(), SystemdNotifier.disabled(), Clock.systemUTC())) {
            runtime.onReload(reloads::incrementAndGet);

            Signal.raise(new Signal("HUP"));
            await().atMost(Duration.ofSeconds(10)).until(() -> reloads.get() == 1);
            assertThat(runtime.shutdownRequested()).isFalse();

            Signal.raise(new Signal("TERM"));
            assertThat(runtime.awaitShutdown(Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void theAdminSocketLivesAsLongAsTheRuntime() throws IOException {
        Path socket = options().adminSocket();
        try (DaemonRuntime runtime = DaemonRuntime.withoutSignals(options(), SystemdNotifier.disabled(), Clock.systemUTC())) {
            runtime.serveAdmin(new FakeAdminHandler());

            assertThat(new AdminClient(socket).list()).hasSize(2);
        }
        assertThat(socket).doesNotExist();
    }

    @Test
    void theMetricsEndpointServesTheRuntimesRegistryUntilClosed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri;
        try (DaemonRuntime runtime = DaemonRuntime.withoutSignals(options(), SystemdNotifier.disabled(), Clock.systemUTC())) {
            runtime.metrics().transaction(false); // counted before the endpoint exists, served once it does
            MetricsEndpoint endpoint = runtime.serveMetrics(new InetSocketAddress("127.0.0.1", 0));
            runtime.metrics().transaction(true);
            uri = URI.create("http://127.0.0.1:" + endpoint.address().getPort() + "/metrics");

            String body = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();

            assertThat(body).contains("ovsqos_ovsdb_transactions_total{result=\"success\"} 1.0")
                    .contains("ovsqos_ovsdb_transactions_total{result=\"failure\"} 1.0")
                    .contains("jvm_memory_used_bytes");
        }
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }
}
