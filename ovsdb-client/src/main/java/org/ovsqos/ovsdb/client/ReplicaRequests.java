package org.ovsqos.ovsdb.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.ovsqos.ovsdb.OvsdbRpcException;
import org.ovsqos.ovsdb.monitor.MonitorRequest;
import org.ovsqos.ovsdb.monitor.MonitorRequests;
import org.ovsqos.ovsdb.monitor.Where;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link Replica} monitors, as the server has accepted it and as the caller wants it, as
 * Open vSwitch's own IDL keeps them, and the {@code monitor_cond_change} calls (ovsdb-server(7)
 * section 4.1.13) that carry the one to the other. A new monitor asks for the
 * {@linkplain #confirmed() accepted} conditions, never for ones the server might refuse, so a bad
 * condition cannot make every reconnect fail; the {@linkplain #wanted() wanted} ones follow, one
 * call at a time. Every change makes a generation; its future completes once the server accepts a
 * call carrying it and the cache's row events for it are delivered.
 *
 * <p>Guarded by the lock of its {@link ReplicaMonitor}, which calls it with the lock held.
 */
final class ReplicaRequests {
    private static final Logger log = LoggerFactory.getLogger(Replica.class);

    /** The requests of one generation. */
    record Snapshot(Map<String, MonitorRequest> requests, long generation) {
        boolean conditional() {
            return requests.values().stream().anyMatch(MonitorRequest::isConditional);
        }

        /** One request per table, as the monitor codec takes them. */
        Map<String, List<MonitorRequest>> lists() {
            var lists = new LinkedHashMap<String, List<MonitorRequest>>();
            requests.forEach((table, request) -> lists.put(table, List.of(request)));
            return lists;
        }
    }

    private record Waiting(long generation, CompletableFuture<Void> future) {
    }

    private final ReplicaMonitor monitor;
    private Snapshot confirmed;
    private Snapshot wanted;
    /** The generation on its way to the server, or null. */
    private Snapshot sending;
    /** The monitor it is on its way to. */
    private JsonNode sendingTo;
    private final List<Waiting> waiting = new ArrayList<>();

    ReplicaRequests(ReplicaMonitor monitor, Map<String, MonitorRequest> requests) {
        this.monitor = monitor;
        confirmed = new Snapshot(checked(requests), 0);
        wanted = confirmed;
    }

    /** The requests a replica can follow: at least one table, every kind of change of each. */
    static Map<String, MonitorRequest> checked(Map<String, MonitorRequest> requests) {
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("a replica needs at least one table to monitor");
        }
        requests.forEach((table, request) -> {
            if (!request.select().isAll()) {
                throw new IllegalArgumentException("a replica needs every kind of change of table " + table
                        + ", got " + request.select());
            }
        });
        return Collections.unmodifiableMap(new LinkedHashMap<>(requests));
    }

    Snapshot confirmed() {
        return confirmed;
    }

    Snapshot wanted() {
        return wanted;
    }

    /**
     * Sends the live monitor {@code id} on {@code c} the conditions the server lacks, unless a
     * call is already on its way. The same id: the server sends the rows that start and stop
     * matching before its reply, under the new id if there is one, and the replica follows only
     * the live id.
     */
    void push(OvsdbConnection c, JsonNode id, MonitorMethod method, Duration timeout) {
        if (sending != null) {
            return;
        }
        Map<String, Where> change = startSending();
        if (change.isEmpty()) {
            monitor.completeAfterEvents(settled());
            return;
        }
        if (!method.isConditional()) {
            var refusal = new IllegalStateException("the server at " + c.endpoint()
                    + " knows only monitor, which cannot filter rows");
            refused(change).forEach(f -> f.completeExceptionally(refusal));
            return;
        }
        sendingTo = id;
        c.request("monitor_cond_change", timeout,
                MonitorRequests.monitorCondChangeParams(id, id, change), r -> null)
                .whenComplete((v, failure) -> monitor.conditionsAnswered(id, change, failure));
    }

    /**
     * What the call to monitor {@code id} ended in, the lock held. {@code live} tells whether
     * {@code id} is still the monitor the cache follows.
     *
     * @return whether the monitor must be made anew: the server may have the conditions or not
     */
    boolean answered(JsonNode id, boolean live, Map<String, Where> change, Throwable failure) {
        if (sending == null || !id.equals(sendingTo)) {
            return false; // its connection was replaced first, and taken as unanswered then
        }
        Throwable cause = failure == null ? null : Replies.unwrap(failure);
        if (live && cause == null) {
            monitor.completeAfterEvents(accepted());
            return false;
        }
        if (live && cause instanceof OvsdbRpcException) {
            log.warn("ovsdb replica conditions={} refused=\"{}\"", change.keySet(), cause.getMessage());
            refused(change).forEach(f -> f.completeExceptionally(cause));
            return false;
        }
        unanswered();
        return true;
    }

    /**
     * Forgets the call on its way: its answer, if any comes, no longer counts, and the next live
     * monitor is sent the conditions again. @return whether there was one
     */
    boolean unanswered() {
        boolean was = sending != null;
        sending = null;
        sendingTo = null;
        return was;
    }

    /**
     * Wants {@code wheres} for their tables; returns a future completed once the server accepts.
     *
     * @throws IllegalArgumentException naming a table the replica does not monitor
     */
    CompletableFuture<Void> change(Map<String, Where> wheres) {
        var requests = new LinkedHashMap<>(wanted.requests());
        wheres.forEach((table, where) -> {
            MonitorRequest request = requests.get(table);
            if (request == null) {
                throw new IllegalArgumentException("the replica does not monitor table " + table
                        + "; it monitors " + requests.keySet());
            }
            requests.put(table, request.withWhere(where));
        });
        wanted = new Snapshot(Collections.unmodifiableMap(requests), wanted.generation() + 1);
        var future = new CompletableFuture<Void>();
        waiting.add(new Waiting(wanted.generation(), future));
        return future;
    }

    /**
     * Starts sending what the server lacks: the tables whose wanted where is not the accepted
     * one. Empty when nothing differs, and then the wanted generation counts as accepted.
     */
    private Map<String, Where> startSending() {
        var differ = new LinkedHashMap<String, Where>();
        wanted.requests().forEach((table, request) -> {
            if (!request.where().equals(confirmed.requests().get(table).where())) {
                differ.put(table, request.where());
            }
        });
        if (differ.isEmpty()) {
            confirmed = wanted;
        } else {
            sending = wanted;
        }
        return differ;
    }

    /** The server accepted what was on its way; returns the futures to complete. */
    private List<CompletableFuture<Void>> accepted() {
        confirmed = sending;
        unanswered();
        return settled();
    }

    /** The futures whose generation the server has accepted, removed for the caller to complete. */
    private List<CompletableFuture<Void>> settled() {
        return take(confirmed.generation());
    }

    /**
     * The server refused what was on its way, {@code refused}: those tables want their accepted
     * where again, unless a later change set them otherwise. Returns the futures to fail.
     */
    private List<CompletableFuture<Void>> refused(Map<String, Where> refused) {
        var requests = new LinkedHashMap<>(wanted.requests());
        refused.forEach((table, where) -> {
            if (requests.get(table).where().equals(where)) {
                requests.put(table, confirmed.requests().get(table));
            }
        });
        long generation = sending == null ? wanted.generation() : sending.generation();
        wanted = new Snapshot(Collections.unmodifiableMap(requests), wanted.generation());
        unanswered();
        return take(generation);
    }

    /** Every waiting future, removed: the replica closes. */
    List<CompletableFuture<Void>> drain() {
        return take(Long.MAX_VALUE);
    }

    private List<CompletableFuture<Void>> take(long upTo) {
        List<CompletableFuture<Void>> taken = new ArrayList<>();
        for (Iterator<Waiting> it = waiting.iterator(); it.hasNext(); ) {
            Waiting w = it.next();
            if (w.generation() <= upTo) {
                taken.add(w.future());
                it.remove();
            }
        }
        return taken;
    }
}
