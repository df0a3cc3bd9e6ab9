package org.ovsqos.daemon.admin;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/** One admin client, owned by the server's selector thread. */
final class AdminConnection {
    enum Phase { READING, WAITING, WRITING }

    /** What {@link #append} found. */
    static final int INCOMPLETE = -1;
    static final int TOO_LARGE = -2;

    final SocketChannel channel;
    final PeerCredentials peer;
    SelectionKey key;
    Phase phase = Phase.READING;
    long deadlineNanos;
    ByteBuffer response;

    // Grows on demand up to the request limit, so that 100 idle clients cost 100 small arrays.
    private byte[] request = new byte[256];
    private int length;

    AdminConnection(SocketChannel channel, PeerCredentials peer, long deadlineNanos) {
        this.channel = channel;
        this.peer = peer;
        this.deadlineNanos = deadlineNanos;
    }

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
