package org.ovsqos.ovsdb.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.ovsqos.ovsdb.OvsdbException;

/**
 * A change of an {@link OvsdbSession}'s state.
 *
 * @param cause why the session is {@link SessionState#DISCONNECTED}: the connection failed or was
 *     lost, the server sent garbage, or an on-connect hook failed; an
 *     {@link org.ovsqos.ovsdb.OvsdbUnresponsiveException} when the server took the connection but
 *     stopped answering (an unanswered inactivity probe, a hook's call timed out); empty for the
 *     other states
 * @param reconnectDelay when DISCONNECTED, how long until the next attempt
 */
public record SessionEvent(SessionState state, Optional<OvsdbException> cause, Optional<Duration> reconnectDelay) {

    public SessionEvent {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(reconnectDelay, "reconnectDelay");
    }

    static SessionEvent of(SessionState state) {
        return new SessionEvent(state, Optional.empty(), Optional.empty());
    }

    static SessionEvent disconnected(OvsdbException cause, Duration reconnectDelay) {
        return new SessionEvent(SessionState.DISCONNECTED, Optional.of(cause), Optional.of(reconnectDelay));
    }
}
