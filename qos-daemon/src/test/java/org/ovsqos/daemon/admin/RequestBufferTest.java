package org.ovsqos.daemon.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Assembling one request from however many reads the kernel hands over. */
class RequestBufferTest {
    private final RequestBuffer buffer = new RequestBuffer();

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRequestSplitAcrossReadsEndsAtTheNewline() {
        assertThat(buffer.append(bytes("{\"comm"), 1024)).isEqualTo(RequestBuffer.INCOMPLETE);
        int end = buffer.append(bytes("and\":\"list\"}\ntrailing"), 1024);

        assertThat(end).isEqualTo("{\"command\":\"list\"}".length());
        assertThat(new String(buffer.request(end), StandardCharsets.UTF_8)).isEqualTo("{\"command\":\"list\"}");
    }

    @Test
    void growsBeyondItsFirstBufferUpToTheLimit() {
        String big = "x".repeat(5000);

        assertThat(buffer.append(bytes(big), 8192)).isEqualTo(RequestBuffer.INCOMPLETE);
        assertThat(buffer.append(bytes("\n"), 8192)).isEqualTo(5000);
        assertThat(buffer.request(5000)).hasSize(5000);
    }

    @Test
    void oneByteMoreThanTheLimitIsTooLarge() {
        assertThat(buffer.append(bytes("x".repeat(100)), 100)).isEqualTo(RequestBuffer.INCOMPLETE);
        assertThat(buffer.append(bytes("y"), 100)).isEqualTo(RequestBuffer.TOO_LARGE);
    }

    @Test
    void aRequestOfExactlyTheLimitIsAccepted() {
        assertThat(buffer.append(bytes("x".repeat(100) + "\n"), 100)).isEqualTo(100);
    }
}
