package org.ovsqos.daemon.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AuthorizationTest {
    private static final OptionalInt ROOT = OptionalInt.of(0);
    private static final OptionalInt USER = OptionalInt.of(1000);
    private static final OptionalInt UNKNOWN = OptionalInt.empty();

    @Test
    void anyoneWhoCanOpenTheSocketMayRead() {
        for (OptionalInt uid : new OptionalInt[] {ROOT, USER, UNKNOWN}) {
            assertThat(Authorization.permits(AdminCommand.LIST, uid)).isTrue();
            assertThat(Authorization.permits(AdminCommand.STATUS, uid)).isTrue();
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
    void aPeerOfUnknownUidIsNotRoot() {
        assertThat(Authorization.permits(AdminCommand.RELEASE, UNKNOWN)).isFalse();
        assertThat(Authorization.permits(AdminCommand.RELOAD, UNKNOWN)).isFalse();
    }
}
