package org.ovsqos.daemon.admin;

import java.util.Locale;
import java.util.Optional;

/** The requests of the admin socket protocol ({@code {"command": ...}}). */
public enum AdminCommand {
    LIST(false),
    STATUS(false),
    RELEASE(true),
    RELOAD(true);

    private final boolean mutating;

    AdminCommand(boolean mutating) {
        this.mutating = mutating;
    }

    /** Whether it changes the daemon's state, and so is for root only. */
    public boolean mutating() {
        return mutating;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<AdminCommand> fromWireName(String name) {
        for (AdminCommand c : values()) {
            if (c.wireName().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
