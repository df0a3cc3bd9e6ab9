package org.ovsqos.daemon.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** An engine stand-in: fixed snapshot values, and it records the mutating calls it receives. */
public class FakeAdminHandler implements AdminHandler {
    public static final Instant STARTED = Instant.parse("2025-03-01T10:00:00Z");
    public static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    public volatile List<InterfaceView> views = List.of(
            penalised("kvm102.0", 2, NOW.plusSeconds(723)),
            idle("kvm101.0"));
    public final List<String> released = new CopyOnWriteArrayList<>();
    public volatile int reloads;
    /** What release returns; completed at once unless a test swaps it. */
    public volatile CompletableFuture<String> releaseResult;

    public static InterfaceView idle(String name) {
        return new InterfaceView(name, 0, 1_000_000, 100_000, 1_000_000, Optional.empty(), 12.5,
                OptionalDouble.of(13.25), true, Optional.of("5d3f1a2e-7c41-4b8e-9a06-2f1c3b4d5e6f"));
    }

    public static InterfaceView penalised(String name, int stage, Instant until) {
        return new InterfaceView(name, stage, 800_000, 80_000, 1_000_000, Optional.of(until), 912.4,
                OptionalDouble.empty(), false, Optional.empty());
    }

    public static DaemonStatus sampleStatus() {
        return new DaemonStatus("1.2.3", 4242, STARTED,
                new OvsdbLink(ConnectionState.CONNECTED, "unix:/var/run/openvswitch/db.sock",
                        Optional.of(STARTED.plusSeconds(1)), Optional.empty()),
                2, Optional.of(NOW.minusSeconds(23)), Map.of(2, 1), "/opt/ovs-qos/config.json", false);
    }

    @Override
    public List<InterfaceView> list() {
        return views;
    }

    @Override
    public DaemonStatus status() {
        return sampleStatus();
    }

    @Override
    public CompletionStage<String> release(String interfaceName) {
        CompletableFuture<String> result = releaseResult;
        if (result != null) {
            return result;
        }
        if (views.stream().noneMatch(v -> v.name().equals(interfaceName))) {
            return CompletableFuture.failedFuture(new AdminCommandException("no managed interface " + interfaceName));
        }
        released.add(interfaceName);
        return CompletableFuture.completedFuture("released " + interfaceName);
    }

    @Override
    public CompletionStage<String> reload() {
        reloads++;
        return CompletableFuture.completedFuture("reloaded /opt/ovs-qos/config.json");
    }
}
