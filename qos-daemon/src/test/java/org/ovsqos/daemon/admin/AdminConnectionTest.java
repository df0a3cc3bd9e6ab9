package org.ovsqos.daemon.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Assembling one request from however many reads the kernel hands over. */
class AdminConnectionTest {
    private final AdminConnection connection = new AdminConnection(null, PeerCredentials.UNKNOWN, 0);

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRequestSplitAcrossReadsEndsAtTheNewline() {
        assertThat(connection.append(bytes("{\"comm"), 1024)).isEqualTo(AdminConnection.INCOMPLETE);
        int end = connection.append(bytes("and\":\"list\"}\ntrailing"), 1024);

        assertThat(end).isEqualTo("{\"command\":\"list\"}".length());
        assertThat(new String(connection.request(end), StandardCharsets.UTF_8)).isEqualTo("{\"command\":\"list\"}");
    }

    @Test
    void growsBeyondItsFirstBufferUpToTheLimit() {
        String big = "x".repeat(5000);

        assertThat(connection.append(bytes(big), 8192)).isEqualTo(AdminConnection.INCOMPLETE);
        assertThat(connection.append(bytes("\n"), 8192)).isEqualTo(5000);
        assertThat(connection.request(5000)).hasSize(5000);
    }

    @Test
    void oneByteMoreThanTheLimitIsTooLarge() {
        assertThat(connection.append(bytes("x".repeat(100)), 100)).isEqualTo(AdminConnection.INCOMPLETE);
        assertThat(connection.append(bytes("y"), 100)).isEqualTo(AdminConnection.TOO_LARGE);
    }

    @Test
    void aRequestOfExactlyTheLimitIsAccepted() {
        assertThat(connection.append(bytes("x".repeat(100) + "\n"), 100)).isEqualTo(100);
    }
}
