package org.ovsqos.daemon.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefusalLogTest {
    private static final PeerCredentials ALICE = new PeerCredentials(1000, 1000, 7);

    private final RefusalLog log = new RefusalLog(uid -> Optional.of("alice"));
    private final ConnectionQuota quota = new ConnectionQuota(4, 1, 1);

    @Test
    void logsTheFirstRefusalAtOnceThenAtMostOneLineAMinute() {
        long start = 1_000_000_000L;

        assertThat(log.refused(ALICE, ConnectionQuota.Verdict.USER_FULL, quota, start)).isTrue();
        assertThat(log.refused(ALICE, ConnectionQuota.Verdict.USER_FULL, quota, start + 1)).isFalse();
        assertThat(log.refused(ALICE, ConnectionQuota.Verdict.USER_FULL, quota, start + RefusalLog.INTERVAL_NANOS - 1))
                .isFalse();
        assertThat(log.refused(ALICE, ConnectionQuota.Verdict.USER_FULL, quota, start + RefusalLog.INTERVAL_NANOS))
                .isTrue();
    }
}
