package org.ovsqos.daemon.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Arguments are values: they can neither end their line nor start a field of their own. */
class LogValuesTest {

    private static String format(String pattern, Object... args) {
        return LogValues.format(pattern, args);
    }

    @Test
    void plainValuesAreWrittenAsTheyAre() {
        assertThat(format("iface={} stage={}->{} mbps={} path={}", "kvm101.0", 1, 2, 912.4, Path.of("/run/x.json")))
                .isEqualTo("iface=kvm101.0 stage=1->2 mbps=912.4 path=/run/x.json");
    }

    @Test
    void aValueThatWouldStartAFieldIsQuoted() {
        assertThat(format("iface={} event=managed", "kvm1.0 stage=0")).isEqualTo("iface=\"kvm1.0 stage=0\" event=managed");
        assertThat(format("iface={}", "x=y")).isEqualTo("iface=\"x=y\"");
        assertThat(format("iface={}", "")).isEqualTo("iface=\"\"");
    }

    @Test
    void aNewlineCannotStartALine() {
        String forged = "kvm1.0\n2026-12-03T08:20:36.000Z ERROR [main] Governor: iface=kvm2.0 stage=0->2";

        String line = format("iface={} event=managed", forged);

        assertThat(line).doesNotContain("\n").isEqualTo(
                "iface=\"kvm1.0\\n2026-12-03T08:20:36.000Z ERROR [main] Governor: iface=kvm2.0 stage=0->2\" event=managed");
    }

    @Test
    void aValueInsideTheQuotesOfThePatternIsEscapedNotQuotedAgain() {
        assertThat(format("config key={} problem=\"{}\" action=\"keep {}\"", "k", "says \"no\"\r\nx=1\\", "a b"))
                .isEqualTo("config key=k problem=\"says \\\"no\\\"\\r\\nx=1\\\\\" action=\"keep a b\"");
    }

    @Test
    void otherControlCharactersAndLineSeparatorsAreEscaped() {
        assertThat(format("iface={}", "a\u0007b\u2028c\u0085d\te")).isEqualTo("iface=\"a\\u0007b\\u2028c\\u0085d\\te\"");
    }

    @Test
    void aLongValueIsCutAndSaysHowMuchWasLeftOut() {
        String line = format("problem=\"{}\" next=1", "x".repeat(2_000_000));

        assertThat(line).hasSizeLessThan(LogValues.MAX_VALUE_CHARS + 60)
                .startsWith("problem=\"" + "x".repeat(LogValues.MAX_VALUE_CHARS) + "…(")
                .endsWith(" more chars)\" next=1")
                .contains("(" + (2_000_000 - LogValues.MAX_VALUE_CHARS) + " more chars)");
    }

    @Test
    void placeholdersWithoutArgumentsStayAndExtraArgumentsAreIgnoredAsSlf4jDoes() {
        assertThat(format("a={} b={}", "1")).isEqualTo("a=1 b={}");
        assertThat(format("a={}", "1", "2")).isEqualTo("a=1");
        assertThat(format("a={}", (Object) null)).isEqualTo("a=null");
        assertThat(LogValues.format("no arguments {}", null)).isEqualTo("no arguments {}");
    }
}
