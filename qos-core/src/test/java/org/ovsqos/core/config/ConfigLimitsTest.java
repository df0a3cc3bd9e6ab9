package org.ovsqos.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What bounds the heap and the log one config file can cost: its size and its number of problems. */
class ConfigLimitsTest {

    private static String unknownKeys(int count) {
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < count; i++) {
            json.append("'typo").append(i).append("': 1, ");
        }
        return json.toString();
    }

    @Test
    void aFileOverTheLimitIsUnusableWithoutBeingParsed() {
        byte[] bytes = new byte[ConfigParser.MAX_FILE_BYTES + 1];

        ConfigResult r = ConfigParser.parse(bytes);

        assertThat(r.usable()).isFalse();
        assertThat(r.problems()).singleElement().hasToString("ERROR the file is " + bytes.length
                + " bytes, over the limit of " + ConfigParser.MAX_FILE_BYTES);
    }

    @Test
    void listsAtMostTheProblemLimitAndCountsTheRest() {
        ConfigResult r = Json.parse("{" + unknownKeys(300) + "'dry_run': true}");

        assertThat(r.usable()).isTrue();
        assertThat(r.exitCode()).isEqualTo(ConfigResult.EXIT_USABLE_WITH_FALLBACKS);
        assertThat(r.problems()).hasSize(ConfigParser.MAX_PROBLEMS + 1);
        assertThat(r.problems().get(0)).hasToString("WARNING typo0: is not a known key (a typo?); ignored");
        assertThat(r.problems().get(ConfigParser.MAX_PROBLEMS))
                .hasToString("WARNING and " + (300 - ConfigParser.MAX_PROBLEMS) + " more warning(s), not listed");
    }

    @Test
    void anErrorIsListedHoweverManyWarningsComeFirst() {
        ConfigResult r = Json.parse("{'exclude_regexes': [" + "1, ".repeat(300) + "1],"
                + " 'iface_name_regexes': ['(']}");

        assertThat(r.usable()).isFalse();
        assertThat(r.exitCode()).isEqualTo(ConfigResult.EXIT_UNUSABLE);
        assertThat(r.problems()).anyMatch(p -> p.severity() == Severity.ERROR && p.key().equals("iface_name_regexes"));
        assertThat(r.problems()).hasSizeLessThanOrEqualTo(ConfigParser.MAX_PROBLEMS + 3);
    }
}
