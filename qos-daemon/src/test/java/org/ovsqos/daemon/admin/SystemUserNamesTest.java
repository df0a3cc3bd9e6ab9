package org.ovsqos.daemon.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ovsqos.daemon.testing.LocalUser;

/** Names come from the system's user database (NSS), looked up by uid, never the other way. */
class SystemUserNamesTest {
    private final UserNames names = UserNames.system();

    @Test
    void namesUidZeroRoot() {
        assertThat(names.nameOf(0)).hasValue("root");
    }

    @Test
    void namesAUserWhoseNameIsAllDigitsByItsUid() {
        try (LocalUser user = LocalUser.create()) {
            assertThat(names.nameOf(user.uid())).hasValue(user.name());
        }
    }

    @Test
    void aUidWithoutAccountHasNoName() {
        assertThat(names.nameOf(3_999_999_999L)).isEmpty();
        assertThat(names.nameOf(PeerCredentials.UNKNOWN_ID)).isEmpty();
    }
}
