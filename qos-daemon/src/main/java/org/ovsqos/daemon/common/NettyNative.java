package org.ovsqos.daemon.common;

/**
 * Netty's epoll JNI library, which the admin socket and the systemd notification need: what to
 * tell an operator when it did not load.
 */
public final class NettyNative {
    /** Where the library comes from, which is where it usually fails. */
    public static final String HINT = "Netty extracts its JNI library into io.netty.native.workdir"
            + " (default java.io.tmpdir), which must be writable and not noexec";

    private NettyNative() {
    }

    /**
     * The failure with its innermost cause: Netty's own error says only that the library did not
     * load (or, once that happened, that a class could not be initialised); the innermost cause
     * names the file or directory that failed.
     */
    public static String failure(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e + "; cause: " + root;
    }
}
