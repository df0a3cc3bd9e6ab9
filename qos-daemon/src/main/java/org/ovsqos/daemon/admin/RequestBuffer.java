package org.ovsqos.daemon.admin;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** One admin request, assembled from however many reads the kernel hands over, up to a limit. */
final class RequestBuffer {
    /** What {@link #append} found. */
    static final int INCOMPLETE = -1;
    static final int TOO_LARGE = -2;

    // Grows on demand up to the request limit, so that 100 idle clients cost 100 small arrays.
    private byte[] request = new byte[256];
    private int length;

    /**
     * Appends freshly read bytes.
     *
     * @return the length of the request when a newline ended it, {@link #INCOMPLETE}, or
     *         {@link #TOO_LARGE} once more than {@code max} bytes came without one
     */
    int append(ByteBuffer bytes, int max) {
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            if (b == '\n') {
                return length;
            }
            if (length == max) {
                return TOO_LARGE;
            }
            if (length == request.length) {
                request = Arrays.copyOf(request, Math.min(max, request.length * 2));
            }
            request[length++] = b;
        }
        return INCOMPLETE;
    }

    int length() {
        return length;
    }

    byte[] request(int upTo) {
        return Arrays.copyOf(request, upTo);
    }
}
