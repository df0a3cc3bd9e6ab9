package org.ovsqos.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ovsqos.daemon.common.ExitCodes;

/** {@code --help}, {@code -h} and {@code help COMMAND} on every command, and the exit codes they list. */
class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"daemon", "list", "status", "release", "reload", "validate-config", "help"})
    void everyCommandAnswersHelpAndH(String command) {
        for (String flag : new String[] {"--help", "-h"}) {
            CliRun result = CliRun.run(command, flag);

            assertThat(result.exitCode()).as(command + " " + flag + ": " + result.err()).isEqualTo(ExitCodes.OK);
            assertThat(result.out()).contains("Usage: ovs-qos " + command);
            assertThat(result.err()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"daemon", "list", "validate-config"})
    void helpCommandShowsTheCommandsUsage(String command) {
        CliRun help = CliRun.run("help", command);

        assertThat(help.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(help.out()).isEqualTo(CliRun.run(command, "--help").out());
    }

    @Test
    void theUsageListsEveryExitCodeAndBadUsageIsNotTheUnusableConfigsCode() {
        String usage = CliRun.run("--help").out();

        assertThat(usage).contains("Exit codes:", "   0   Success", "   1   Failed", "   2   The config file is unusable",
                "   3   No daemon answers", "  64   Bad usage");
        assertThat(ExitCodes.USAGE).isNotEqualTo(ExitCodes.CONFIG_UNUSABLE);
        assertThat(CliRun.run("list", "--bogus").exitCode()).isEqualTo(64);
        assertThat(CliRun.run("no-such-command").exitCode()).isEqualTo(64);
    }

    @Test
    void versionOnACommandIsTheProgramsVersion() {
        assertThat(CliRun.run("list", "--version").out()).isEqualTo(CliRun.run("--version").out()).startsWith("ovs-qos ");
    }
}
