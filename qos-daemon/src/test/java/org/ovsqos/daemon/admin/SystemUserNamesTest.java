package org.ovsqos.daemon.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ovsqos.daemon.testing.LocalUser;

/**
 * Names come from the system's user database (NSS), for the uid the kernel reported, never the
 * other way; a process that cannot vouch for that uid gets no name.
 */
class SystemUserNamesTest {
    private final UserNames names = UserNames.system();
    private final long self = ProcessHandle.current().pid();

    @Test
    void namesThisProcessByItsUid() {
        assertThat(names.nameOf(new PeerCredentials(LocalUser.currentUid(), 0, self)))
                .hasValue(System.getProperty("user.name"));
    }

    @Test
    void namesAUserWhoseNameIsAllDigitsByItsUid() throws Exception {
        try (LocalUser user = LocalUser.create()) {
            Process sleeper = new ProcessBuilder(user.command(List.of("sleep", "60"))).start();
            try {
                // Behind runuser: the process that runs as the user is its child.
                ProcessHandle asUser = await().atMost(Duration.ofSeconds(10))
                        .until(() -> sleeper.descendants().findFirst().orElse(sleeper.toHandle()),
                                p -> user.created() ? p.pid() != sleeper.pid() : true);

                assertThat(names.nameOf(new PeerCredentials(user.uid(), user.gid(), asUser.pid()))).hasValue(user.name());
            } finally {
                LocalUser.destroy(sleeper);
            }
        }
    }

    @Test
    void aProcessWhoseUidIsNotThePeersGivesNoName() {
        // This process is not uid 3999999999, so its /proc entry cannot vouch for that uid.
        assertThat(names.nameOf(new PeerCredentials(3_999_999_999L, 0, self))).isEmpty();
    }

    @Test
    void aPeerWithoutProcessOrCredentialsHasNoName() {
        long gone = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 1_000_000;
        assertThat(names.nameOf(new PeerCredentials(LocalUser.currentUid(), 0, gone))).isEmpty();
        assertThat(names.nameOf(PeerCredentials.UNKNOWN)).isEmpty();
    }
}
