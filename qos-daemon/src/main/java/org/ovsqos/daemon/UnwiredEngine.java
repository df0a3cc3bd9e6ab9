package org.ovsqos.daemon;

import org.slf4j.LoggerFactory;

/**
 * Stands in for the engine until the OVSDB client and the policy are wired in. It refuses to
 * run rather than pretend: a daemon that answers {@code status} but polices nothing would be
 * worse than one that does not start.
 */
final class UnwiredEngine implements DaemonEngine {
    @Override
    public int run(DaemonOptions options, DaemonRuntime runtime) {
        // Looked up here, not in a static field: Main creates this object for every client command too.
        LoggerFactory.getLogger(UnwiredEngine.class)
                .error("engine=unwired msg=\"the daemon engine is not wired into this build yet\"");
        return 1;
    }
}
