package org.ovsqos.daemon.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalStreamTest {
    @Test
    void matchesOnlyTheDeviceAndInodeSystemdNamed() {
        assertThat(JournalStream.matches("8:2145", 8, 2145)).isTrue();
        assertThat(JournalStream.matches("8:2145", 8, 2146)).isFalse();
        assertThat(JournalStream.matches("9:2145", 8, 2145)).isFalse();
        assertThat(JournalStream.matches("garbage", 8, 2145)).isFalse();
        assertThat(JournalStream.matches("8:x", 8, 2145)).isFalse();
    }

    @Test
    void withoutJournalStreamStderrIsNotTheJournal() {
        assertThat(JournalStream.stderrIsJournal(Map.of())).isFalse();
        // An inherited variable that names some other stream does not count either.
        assertThat(JournalStream.stderrIsJournal(Map.of("JOURNAL_STREAM", "0:0"))).isFalse();
    }
}
