package org.ovsqos.daemon.process;

import java.nio.file.Path;

/** Run in a child JVM by {@link DaemonLockTest}: holds the daemon lock until stdin closes. */
public final class LockHolderMain {
    private LockHolderMain() {}

    public static void main(String[] args) throws Exception {
        try (DaemonLock lock = DaemonLock.acquire(Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the parent closes our stdin (or kills us)
            }
        }
    }
}
