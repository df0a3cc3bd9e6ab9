package org.ovsqos.daemon.admin;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What the admin socket asks of the engine. {@link #list()} and {@link #status()} are called on
 * the admin socket's own thread and must only read the engine's latest published immutable
 * snapshot (a volatile reference), never its mutable policy state and never block. The mutating
 * commands are handed to the engine's executor and complete when it has carried them out.
 * Authorisation (root only for the mutating ones) is checked before any of these is called.
 */
public interface AdminHandler {

    /** The managed interfaces; the server sorts them by name. */
    List<InterfaceView> list();

    DaemonStatus status();

    /**
     * Ends the interface's penalty now: back to tier 0 at its base rate, timers cleared.
     *
     * @return completes with a one-line message for the operator once OVSDB holds the base limit;
     *         exceptionally with a {@link CommandPendingException} when the release is done in the
     *         daemon but its write is not committed (dry run, OVSDB down), or with an
     *         {@link AdminCommandException} saying why not (for example no such managed interface)
     */
    CompletionStage<String> release(String interfaceName);

    /**
     * Re-reads the config file keeping all state (as SIGHUP does).
     *
     * @return completes with a one-line message, or exceptionally with an
     *         {@link AdminCommandException} listing the file's problems when it has any (a reload
     *         is all or nothing) and the old config stays in force
     */
    CompletionStage<String> reload();
}
