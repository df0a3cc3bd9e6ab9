package org.ovsqos.daemon.admin;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code ovs-qos status} shows: a value of the engine's published snapshot.
 *
 * @param version           the daemon's version
 * @param pid               the daemon's pid
 * @param startedAt         when the daemon started (uptime is computed when answering)
 * @param ovsdb             the OVSDB connection
 * @param managedInterfaces how many interfaces it manages (listed by {@code list})
 * @param lastTick          when the last tick ran; empty before the first
 * @param penaltiesByTier   tier (1..n) to the number of interfaces serving a penalty of that tier,
 *                          iterated in tier order; tiers without one may be left out
 * @param configPath        the {@code --config} file
 * @param dryRun            whether OVSDB writes are suppressed
 * @param stateFile         how saving the state file fares; empty when not known (an older daemon)
 */
public record DaemonStatus(
        String version,
        long pid,
        Instant startedAt,
        OvsdbLink ovsdb,
        int managedInterfaces,
        Optional<Instant> lastTick,
        Map<Integer, Integer> penaltiesByTier,
        String configPath,
        boolean dryRun,
        Optional<StateFileStatus> stateFile) {

    public DaemonStatus {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(ovsdb, "ovsdb");
        Objects.requireNonNull(lastTick, "lastTick");
        Objects.requireNonNull(configPath, "configPath");
        Objects.requireNonNull(stateFile, "stateFile");
        penaltiesByTier = Collections.unmodifiableSortedMap(new TreeMap<>(penaltiesByTier));
        for (Map.Entry<Integer, Integer> e : penaltiesByTier.entrySet()) {
            if (e.getKey() < 1 || e.getValue() < 0) {
                throw new IllegalArgumentException("penaltiesByTier needs tiers >= 1 and counts >= 0: " + penaltiesByTier);
            }
        }
    }

    /** A status without state-file facts. */
    public DaemonStatus(String version, long pid, Instant startedAt, OvsdbLink ovsdb, int managedInterfaces,
            Optional<Instant> lastTick, Map<Integer, Integer> penaltiesByTier, String configPath, boolean dryRun) {
        this(version, pid, startedAt, ovsdb, managedInterfaces, lastTick, penaltiesByTier, configPath, dryRun,
                Optional.empty());
    }

    /** The total number of interfaces serving a penalty. */
    public int penalties() {
        return penaltiesByTier.values().stream().mapToInt(Integer::intValue).sum();
    }
}
