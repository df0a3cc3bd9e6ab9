package org.ovsqos.daemon.process;

import java.nio.file.Path;
import java.util.OptionalLong;
import org.ovsqos.daemon.common.DaemonException;

/** Another process holds the daemon lock; the message is the one line {@code ovs-qos daemon} prints. */
public final class LockHeldException extends DaemonException {
    private static final long serialVersionUID = 1L;

    private final transient Path lockFile;
    private final OptionalLong holderPid;

    LockHeldException(Path lockFile, OptionalLong holderPid) {
        super("another ovs-qos daemon holds " + lockFile + " ("
                + (holderPid.isPresent() ? "pid " + holderPid.getAsLong() : "pid unknown") + ")");
        this.lockFile = lockFile;
        this.holderPid = holderPid;
    }

    public Path lockFile() {
        return lockFile;
    }

    public OptionalLong holderPid() {
        return holderPid;
    }
}
