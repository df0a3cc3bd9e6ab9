package org.ovsqos.daemon.admin;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Path;
import org.ovsqos.daemon.common.DaemonException;

/** No daemon answered on the admin socket; the message says which way it failed, in one line. */
public final class DaemonUnavailableException extends DaemonException {
    private static final long serialVersionUID = 1L;

    /** The ways a client can find no daemon. */
    public enum Reason { NO_SOCKET, NOT_A_SOCKET, PERMISSION_DENIED, REFUSED, TIMED_OUT, NO_ANSWER, OTHER }

    /** What the client could learn about the socket path after a failed connect. */
    record PathFacts(boolean missing, boolean socket, boolean accessible) {}

    private final Reason reason;

    DaemonUnavailableException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * Names the cause of a failed connect. Decided from the file rather than from the exception's
     * text, which is strerror(3) in the user's locale.
     */
    static DaemonUnavailableException ofConnectFailure(Path socket, PathFacts facts, IOException e) {
        if (facts.missing()) {
            return new DaemonUnavailableException(Reason.NO_SOCKET,
                    "no ovs-qos daemon is running: " + socket + " does not exist");
        }
        if (!facts.accessible()) {
            return new DaemonUnavailableException(Reason.PERMISSION_DENIED,
                    "permission denied on " + socket + ": run as root or as a member of the socket's group");
        }
        if (!facts.socket()) {
            return new DaemonUnavailableException(Reason.NOT_A_SOCKET, socket + " is not a socket");
        }
        if (e instanceof ConnectException) {
            return new DaemonUnavailableException(Reason.REFUSED,
                    "no ovs-qos daemon answers on " + socket + " (connection refused: the socket is left from a daemon that stopped)");
        }
        return new DaemonUnavailableException(Reason.OTHER,
                "cannot reach the ovs-qos daemon on " + socket + ": " + e.getMessage());
    }
}
