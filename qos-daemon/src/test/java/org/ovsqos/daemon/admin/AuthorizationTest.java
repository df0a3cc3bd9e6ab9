package org.ovsqos.daemon.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorizationTest {
    private static final PeerCredentials ROOT = new PeerCredentials(0, 0, 100);
    private static final PeerCredentials USER = new PeerCredentials(1000, 1000, 101);
    private static final PeerCredentials ROOT_GROUP_ONLY = new PeerCredentials(1004, 0, 102);

    @Test
    void anyoneWhoCanOpenTheSocketMayRead() {
        for (PeerCredentials peer : new PeerCredentials[] {ROOT, USER, ROOT_GROUP_ONLY, PeerCredentials.UNKNOWN}) {
            assertThat(Authorization.permits(AdminCommand.LIST, peer)).isTrue();
            assertThat(Authorization.permits(AdminCommand.STATUS, peer)).isTrue();
        }
    }

    @Test
    void onlyRootMayReleaseOrReload() {
        assertThat(Authorization.permits(AdminCommand.RELEASE, ROOT)).isTrue();
        assertThat(Authorization.permits(AdminCommand.RELOAD, ROOT)).isTrue();
        assertThat(Authorization.permits(AdminCommand.RELEASE, USER)).isFalse();
        assertThat(Authorization.permits(AdminCommand.RELOAD, USER)).isFalse();
    }

    @Test
    void gidZeroDoesNotMakeRoot() {
        assertThat(Authorization.permits(AdminCommand.RELEASE, ROOT_GROUP_ONLY)).isFalse();
        assertThat(Authorization.permits(AdminCommand.RELOAD, ROOT_GROUP_ONLY)).isFalse();
    }

    @Test
    void aPeerOfUnknownUidIsNotRoot() {
        assertThat(Authorization.permits(AdminCommand.RELEASE, PeerCredentials.UNKNOWN)).isFalse();
        assertThat(Authorization.permits(AdminCommand.RELOAD, PeerCredentials.UNKNOWN)).isFalse();
    }
}
