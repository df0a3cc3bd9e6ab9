package org.ovsqos.daemon.admin;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How the daemon's state file fares, for {@code ovs-qos status}: a failing save loses every
 * penalty at the next restart, so the operator must be able to see it.
 *
 * @param path      the state file
 * @param lastSaved when this daemon last wrote it; empty before its first write
 * @param error     why the latest save failed; empty when the file holds the current state
 */
public record StateFileStatus(String path, Optional<Instant> lastSaved, Optional<String> error) {

    public StateFileStatus {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(lastSaved, "lastSaved");
        Objects.requireNonNull(error, "error");
    }
}
