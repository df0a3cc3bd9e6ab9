package org.ovsqos.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The packages' scriptlets, taken out of the built .rpm and .deb and run as rpm and dpkg run them,
 * on a fake root holding the package's files: the take-over from the old ovs_qos.py script, a
 * plain install, an upgrade and a removal. systemctl only records its calls, so what the scripts
 * ask of systemd is checked too. (DebInstallIT installs the .deb for real, with dpkg.)
 */
class MigrationIT {
    private static final String OLD_UNIT = "etc/systemd/system/ovs-qos.service";
    private static final String OLD_LINK = "etc/systemd/system/multi-user.target.wants/ovs-qos.service";
    private static final String ARCHIVE = "usr/lib/ovs-qos/ovs-qos-cli.jsa";
    private static final String DAEMON_ARCHIVE = "usr/lib/ovs-qos/ovs-qos-daemon.jsa";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(PackageFormat.class)
    void installTakesOverFromTheOldScriptKeepingItsConfigAndState(PackageFormat format) {
        FakeHost host = FakeHost.withPackage(dir, format.file(), true).withOldScript();

        String out = format.install(host);

        assertThat(host.takeSystemctlCalls()).as(out)
                .containsExactly("stop ovs-qos.service", "disable ovs-qos.service", "daemon-reload");
        assertThat(host.path(OLD_UNIT)).doesNotExist();
        assertThat(host.path(OLD_LINK)).as("the packaged unit must not come up enabled").doesNotExist();
        assertThat(host.read("opt/ovs-qos/ovs-qos.service.old-script")).isEqualTo(FakeHost.OLD_UNIT);
        assertThat(host.read("opt/ovs-qos/config.json")).isEqualTo(FakeHost.OLD_CONFIG);
        assertThat(host.read("run/ovs-qos/state.json")).isEqualTo(FakeHost.OLD_STATE);
        assertThat(host.path("opt/ovs-qos/ovs_qos.py")).as("kept for a rollback").exists();
        assertThat(host.path(ARCHIVE)).isNotEmptyFile();
        assertThat(host.path(DAEMON_ARCHIVE)).as(out).isNotEmptyFile();
        assertThat(host.scratch()).as("the daemon that built the archive left nothing behind").isEmptyDirectory();
        assertThat(out).contains("taking over from it", "moved its unit to", "state.json.old-script",
                "config.json: OK", "systemctl enable --now ovs-qos");
    }

    @Test
    void theOldUnitIsMovedAsideWhereSystemdDoesNotRun() {
        FakeHost host = FakeHost.withPackage(dir, PackageFormat.DEB.file(), false).withOldScript();

        PackageFormat.DEB.install(host);

        assertThat(host.takeSystemctlCalls()).isEmpty();
        assertThat(host.path(OLD_UNIT)).doesNotExist();
        assertThat(host.path(OLD_LINK)).doesNotExist();
        assertThat(host.path("opt/ovs-qos/ovs-qos.service.old-script")).exists();
    }

    @Test
    void aDropInThatRunsTheScriptIsMovedAsideAndTheOperatorsOwnStays() {
        FakeHost host = FakeHost.withPackage(dir, PackageFormat.RPM.file(), true);
        host.writeRoot("etc/systemd/system/ovs-qos.service.d/script.conf",
                "[Service]\nExecStart=\nExecStart=/usr/bin/python3 /opt/ovs-qos/ovs_qos.py daemon\n");
        host.writeRoot("etc/systemd/system/ovs-qos.service.d/caps.conf", "[Service]\nCapabilityBoundingSet=\n");

        String out = PackageFormat.RPM.install(host);

        assertThat(host.path("etc/systemd/system/ovs-qos.service.d/script.conf")).as(out).doesNotExist();
        assertThat(host.path("opt/ovs-qos/ovs-qos.service.d.old-script/script.conf")).exists();
        assertThat(host.path("etc/systemd/system/ovs-qos.service.d/caps.conf")).exists();
    }

    @ParameterizedTest
    @EnumSource(PackageFormat.class)
    void aPlainInstallNeitherStartsNorEnablesAnything(PackageFormat format) {
        FakeHost host = FakeHost.withPackage(dir, format.file(), true);

        String out = format.install(host);

        assertThat(host.takeSystemctlCalls()).containsExactly("daemon-reload");
        assertThat(out).doesNotContain("old").contains("systemctl enable --now ovs-qos");
        assertThat(host.path(ARCHIVE)).as(out).isNotEmptyFile();
        assertThat(host.path(DAEMON_ARCHIVE)).as(out).isNotEmptyFile();
        assertThat(host.path("opt/ovs-qos/config.json")).as("no config is installed").doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(PackageFormat.class)
    void anUpgradeRebuildsTheArchiveAndRestartsTheDaemonOnlyWhenItRuns(PackageFormat format) throws Exception {
        FakeHost host = installedWithArchivesReplacedBy(format, "stale");

        String stopped = format.upgrade(host);
        assertThat(host.takeSystemctlCalls()).as(stopped).containsExactly("daemon-reload", "is-active --quiet ovs-qos.service");
        assertThat(Files.size(host.path(ARCHIVE))).as("rebuilt by the new package, not removed by the old one")
                .isGreaterThan("stale".length());
        assertThat(Files.size(host.path(DAEMON_ARCHIVE))).as("rebuilt by the new package, not removed by the old one")
                .isGreaterThan("stale".length());

        host.setServiceActive(true);
        String running = format.upgrade(host);
        assertThat(host.takeSystemctlCalls()).as(running).containsExactly("daemon-reload",
                "is-active --quiet ovs-qos.service", "try-restart ovs-qos.service");
        assertThat(host.path(ARCHIVE)).isNotEmptyFile();
    }

    @ParameterizedTest
    @EnumSource(PackageFormat.class)
    void aJavaUpdateRebuildsBothArchivesForTheNewJvmAndTouchesNothingElse(PackageFormat format) throws Exception {
        FakeHost host = installedWithArchivesReplacedBy(format, "made for the old JVM");

        String out = format.jvmChanged(host);

        assertThat(host.takeSystemctlCalls()).as(out).isEmpty();
        assertThat(out).contains("Java changed under /usr/lib/jvm", "built the class-data archive");
        assertThat(host.scratch()).as("the daemon that built the archive left nothing behind").isEmptyDirectory();
        // The JVM maps the rebuilt archive; -Xshare:on makes one it refuses an error.
        for (String archive : new String[] {ARCHIVE, DAEMON_ARCHIVE}) {
            String command = archive.equals(ARCHIVE) ? "--version" : "daemon --version";
            Shell.Result run = Shell.sh(dir, Map.of("OVS_QOS_JAR", host.path("usr/lib/ovs-qos/ovs-qos.jar").toString(),
                    archive.equals(ARCHIVE) ? "OVS_QOS_CDS" : "OVS_QOS_DAEMON_CDS", host.path(archive).toString(),
                    "OVS_QOS_JAVA_OPTS", "-Xshare:on"), "sh '" + host.path("usr/bin/ovs-qos") + "' " + command);
            assertThat(run.exitCode()).as(archive + ": " + run).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(PackageFormat.class)
    void removalStopsAndDisablesTheDaemonAndKeepsConfigAndState(PackageFormat format) {
        FakeHost host = FakeHost.withPackage(dir, format.file(), true).withOldScript();
        format.install(host);
        host.link(OLD_LINK, "/usr/lib/systemd/system/ovs-qos.service"); // systemctl enable ovs-qos
        host.writeRoot("run/ovs-qos/daemon.lock", "");
        host.writeRoot("run/ovs-qos/state.json", "{\"version\": 1, \"interfaces\": {}}");
        host.takeSystemctlCalls();

        String out = format.remove(host);

        assertThat(host.takeSystemctlCalls()).as(out)
                .containsExactly("stop ovs-qos.service", "--no-reload disable ovs-qos.service", "daemon-reload");
        assertThat(host.path(OLD_LINK)).doesNotExist();
        assertThat(host.path(ARCHIVE)).doesNotExist();
        assertThat(host.path(DAEMON_ARCHIVE)).doesNotExist();
        assertThat(host.path("run/ovs-qos/daemon.lock")).doesNotExist();
        assertThat(host.path("usr/lib/ovs-qos")).isEmptyDirectory();
        assertThat(host.read("opt/ovs-qos/config.json")).isEqualTo(FakeHost.OLD_CONFIG);
        assertThat(host.read("run/ovs-qos/state.json")).isEqualTo("{\"version\": 1, \"interfaces\": {}}");
        assertThat(out).contains("kept the config");
    }

    @Test
    void aPurgeAlsoRemovesTheLogsButNeitherConfigNorState() {
        FakeHost host = FakeHost.withPackage(dir, PackageFormat.DEB.file(), false).withOldScript();
        PackageFormat.DEB.install(host);
        host.writeRoot("var/log/ovs-qos.log", "x");
        host.writeRoot("var/log/ovs-qos.log.1", "x");
        PackageFormat.DEB.remove(host);

        host.run(Packages.debScriptlet("postrm"), "purge");

        assertThat(host.path("var/log/ovs-qos.log")).doesNotExist();
        assertThat(host.path("var/log/ovs-qos.log.1")).doesNotExist();
        assertThat(host.path("opt/ovs-qos/config.json")).exists();
        assertThat(host.path("run/ovs-qos/state.json")).exists();
    }

    /** A host where {@code format} is installed, its two archives since replaced by {@code content}. */
    private FakeHost installedWithArchivesReplacedBy(PackageFormat format, String content) throws IOException {
        FakeHost host = FakeHost.withPackage(dir, format.file(), true);
        format.install(host);
        Files.writeString(host.path(ARCHIVE), content);
        Files.writeString(host.path(DAEMON_ARCHIVE), content);
        host.takeSystemctlCalls();
        return host;
    }
}
