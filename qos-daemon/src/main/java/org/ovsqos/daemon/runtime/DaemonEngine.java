package org.ovsqos.daemon.runtime;

import org.ovsqos.daemon.common.DaemonOptions;

/**
 * The daemon's engine: the tick loop, the reconciler and the OVSDB wiring. {@code ovs-qos daemon}
 * takes the lock, configures logging and builds a {@link DaemonRuntime} (signals, sd_notify,
 * metrics figures, shutdown latch), then hands control to the engine until it returns.
 *
 * <p>What the engine is expected to do with the runtime, in order: load the config (on an
 * unusable file log one ERROR line and return {@code 1}); restore the state file; publish its
 * first snapshot and {@link DaemonRuntime#serveAdmin serve the admin socket};
 * {@link DaemonRuntime#serveMetrics serve metrics} when {@code metrics_listen} is set; register
 * its reload action with {@link DaemonRuntime#onReload}; send {@code READY=1} after the first
 * full sync; ping the watchdog from its tick loop while healthy; once
 * {@link DaemonRuntime#awaitShutdown} reports a shutdown request, save the state and return
 * {@code 0}, or {@code 5} ({@code ExitCodes.STATE_NOT_SAVED}) when that last save failed.
 */
@FunctionalInterface
public interface DaemonEngine {

    /**
     * Runs the daemon until shutdown is requested.
     *
     * @return the process exit code: {@code 0} for a clean stop, non-zero when it refused to run
     *     or could not save its state at the end
     */
    int run(DaemonOptions options, DaemonRuntime runtime) throws Exception;
}
