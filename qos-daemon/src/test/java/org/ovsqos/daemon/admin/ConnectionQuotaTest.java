package org.ovsqos.daemon.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ovsqos.daemon.admin.ConnectionQuota.Verdict.ADMITTED;
import static org.ovsqos.daemon.admin.ConnectionQuota.Verdict.SERVER_FULL;
import static org.ovsqos.daemon.admin.ConnectionQuota.Verdict.USER_FULL;

import org.junit.jupiter.api.Test;

class ConnectionQuotaTest {
    private static final PeerCredentials ROOT = new PeerCredentials(0, 0, 1);
    private static final PeerCredentials ALICE = new PeerCredentials(1000, 1000, 2);
    private static final PeerCredentials BOB = new PeerCredentials(1001, 1001, 3);
    private static final PeerCredentials CAROL = new PeerCredentials(1002, 1002, 4);

    /** 8 in all, 3 per user, 2 only for root. */
    private final ConnectionQuota quota = new ConnectionQuota(8, 3, 2);

    @Test
    void aUserGetsItsShareAndNoMore() {
        for (int i = 0; i < 3; i++) {
            assertThat(quota.admit(ALICE)).isEqualTo(ADMITTED);
        }

        assertThat(quota.admit(ALICE)).isEqualTo(USER_FULL);
        assertThat(quota.admit(BOB)).isEqualTo(ADMITTED);
        assertThat(quota.openBy(ALICE)).isEqualTo(3);
    }

    @Test
    void usersTogetherLeaveRootItsReservedConnections() {
        fill(ALICE, 3);
        fill(BOB, 3);

        assertThat(quota.admit(CAROL)).as("6 of 8 taken: the last 2 are root's").isEqualTo(SERVER_FULL);
        assertThat(quota.admit(ROOT)).isEqualTo(ADMITTED);
        assertThat(quota.admit(ROOT)).isEqualTo(ADMITTED);
        assertThat(quota.admit(ROOT)).isEqualTo(SERVER_FULL);
        assertThat(quota.open()).isEqualTo(8);
    }

    @Test
    void rootMayUseEveryConnectionButNotMore() {
        fill(ROOT, 8);

        assertThat(quota.admit(ROOT)).isEqualTo(SERVER_FULL);
        assertThat(quota.admit(ALICE)).isEqualTo(SERVER_FULL);
    }

    @Test
    void aClosedConnectionIsFreeAgainForItsUser() {
        fill(ALICE, 3);

        quota.release(ALICE);

        assertThat(quota.openBy(ALICE)).isEqualTo(2);
        assertThat(quota.admit(ALICE)).isEqualTo(ADMITTED);
    }

    @Test
    void rootsConnectionsDoNotCountAgainstTheUsers() {
        fill(ROOT, 2);
        fill(ALICE, 3);
        fill(BOB, 3);

        quota.release(ROOT);

        assertThat(quota.admit(CAROL)).as("users hold 6, their whole part").isEqualTo(SERVER_FULL);
        assertThat(quota.admit(ROOT)).isEqualTo(ADMITTED);
    }

    @Test
    void unknownPeersShareOneUsersShare() {
        fill(PeerCredentials.UNKNOWN, 3);

        assertThat(quota.admit(PeerCredentials.UNKNOWN)).isEqualTo(USER_FULL);
    }

    private void fill(PeerCredentials peer, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(quota.admit(peer)).isEqualTo(ADMITTED);
        }
    }
}
