package org.ovsqos.daemon.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeerCredentialsTest {
    @Test
    void describesThePeerByItsIdsAndItsNameEscaped() {
        PeerCredentials peer = new PeerCredentials(1004, 1005, 4242);

        assertThat(peer.describe(Optional.of("00"))).isEqualTo("uid=1004 gid=1005 pid=4242 user=00");
        assertThat(peer.describe(Optional.of("x\" y\u001b"))).isEqualTo("uid=1004 gid=1005 pid=4242 user=x\\\" y\\x1b");
        assertThat(peer.describe(Optional.empty())).isEqualTo("uid=1004 gid=1005 pid=4242 user=?");
        assertThat(PeerCredentials.UNKNOWN.describe(Optional.of("root"))).isEqualTo("unknown");
    }

    @Test
    void onlyUidZeroIsRoot() {
        assertThat(new PeerCredentials(0, 1000, 1).isRoot()).isTrue();
        assertThat(new PeerCredentials(1004, 0, 1).isRoot()).isFalse();
        assertThat(PeerCredentials.UNKNOWN.isRoot()).isFalse();
        // uid_t is unsigned: (uid_t) -1 is 4294967295, never 0 and never unknown.
        assertThat(new PeerCredentials(4_294_967_295L, 0, 1).known()).isTrue();
    }
}
