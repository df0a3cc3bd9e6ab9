package org.ovsqos.daemon.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ovsqos.ovsdb.client.Endpoint;
import org.ovsqos.ovsdb.client.OvsdbClient;
import org.ovsqos.ovsdb.client.OvsdbOptions;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.Condition;
import org.ovsqos.ovsdb.notation.OvsdbMap;
import org.ovsqos.ovsdb.notation.Row;
import org.ovsqos.ovsdb.operation.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays guest upload traffic the way ovs-vswitchd reports it: every {@link #PERIOD_MS} ms it
 * raises each playing guest's {@code statistics:rx_bytes} by what its rate sent in the time that
 * passed, all guests in one {@code transact} (one update per row, by name). A guest at 0 Mbit/s
 * is not written, as vswitchd sends nothing while a counter stands still.
 *
 * <p>Nothing polices real packets here, so a test may play more than a guest's limit: 200 Mbit/s
 * on a 100 Mbit/s plan is far over every threshold, whatever the scheduling jitter.
 */
final class TrafficPlayer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TrafficPlayer.class);
    static final long PERIOD_MS = 200;

    private final OvsdbClient client;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "traffic-player");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Double> mbps = new ConcurrentHashMap<>();
    private final Map<String, Double> rxBytes = new HashMap<>();
    private long lastNanos = System.nanoTime();

    private TrafficPlayer(OvsdbClient client) {
        this.client = client;
    }

    /** A player writing through its own (reconnecting) client, so it outlives an OVSDB restart. */
    static TrafficPlayer start(Endpoint endpoint) {
        OvsdbClient client = OvsdbClient.create(endpoint, OvsdbOptions.defaults());
        client.start();
        TrafficPlayer player = new TrafficPlayer(client);
        player.thread.scheduleWithFixedDelay(player::play, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
        return player;
    }

    /** From now on the guest uploads at this rate (Mbit/s, 10^6 bit/s); 0 makes it idle. */
    void play(String iface, double rateMbps) {
        mbps.put(iface, rateMbps);
    }

    void idle(String iface) {
        play(iface, 0);
    }

    private void play() {
        long now = System.nanoTime();
        double seconds = (now - lastNanos) / 1e9;
        lastNanos = now;
        List<Operation> ops = new ArrayList<>();
        mbps.forEach((iface, rate) -> {
            if (rate > 0) {
                double bytes = rxBytes.merge(iface, rate * 1e6 / 8 * seconds, Double::sum);
                ops.add(Operation.update("Interface", List.of(Condition.equal("name", Atom.string(iface))),
                        Row.of("statistics", OvsdbMap.of(Atom.string("rx_bytes"), Atom.integer((long) bytes)))));
            }
        });
        if (ops.isEmpty()) {
            return;
        }
        try {
            // Waited for, so updates never overtake each other and a counter never goes back.
            client.transact("Open_vSwitch", ops).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // OVSDB restarting, or a port deleted: the next round writes the counters again.
            log.debug("traffic round failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        client.close();
    }
}
