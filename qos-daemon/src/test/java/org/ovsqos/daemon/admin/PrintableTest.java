package org.ovsqos.daemon.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void ordinaryNamesStayAsTheyAre() {
        assertThat(Printable.escape("kvm101.0")).isEqualTo("kvm101.0");
        assertThat(Printable.escape("vnet-é_ü.1")).isEqualTo("vnet-é_ü.1");
        assertThat(Printable.escape("")).isEmpty();
    }

    @Test
    void controlCharactersBecomeEscapes() {
        assertThat(Printable.escape("kvm1.0\u001b[2J\u0007")).isEqualTo("kvm1.0\\x1b[2J\\x07");
        assertThat(Printable.escape("a\nb\rc\td\u0000")).isEqualTo("a\\x0ab\\x0dc\\x09d\\x00");
        assertThat(Printable.escape("del\u007f c1\u009b")).isEqualTo("del\\x7f c1\\x9b");
    }

    @Test
    void invisibleAndReorderingCharactersBecomeEscapes() {
        assertThat(Printable.escape("kvm1.0\u202eevil")).isEqualTo("kvm1.0\\u202eevil");
        assertThat(Printable.escape("zero\u200bwidth")).isEqualTo("zero\\u200bwidth");
        assertThat(Printable.escape("line\u2028break")).isEqualTo("line\\u2028break");
        assertThat(Printable.escape("no\u00a0break")).isEqualTo("no\\xa0break");
        assertThat(Printable.escape("tag\udb40\udc01")).isEqualTo("tag\\U000e0001");
        assertThat(Printable.escape("half\ud800")).isEqualTo("half\\ud800");
    }

    @Test
    void backslashAndQuoteAreEscapedSoTheResultIsUnambiguous() {
        assertThat(Printable.escape("a\\x1b")).isEqualTo("a\\\\x1b");
        assertThat(Printable.escape("say \"hi\"")).isEqualTo("say \\\"hi\\\"");
    }
}
