package org.ovsqos.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What scripts/package.sh builds, checked with the package tools themselves (rpm -qpl/-qpR,
 * rpm --qf for scriptlets, dpkg-deb): the same files in both, no config, the Java requirement, the
 * shared scriptlets, a unit systemd accepts, a man page and a bash completion that cover the
 * command line. Installing the .deb for real is DebInstallIT; the scriptlets' behaviour, MigrationIT.
 */
class PackagesIT {
    private static final Set<String> SHIPPED = Set.of(
            "-rwxr-xr-x /usr/bin/ovs-qos",
            "-rw-r--r-- /usr/lib/ovs-qos/ovs-qos.jar",
            "-rw-r--r-- /usr/lib/systemd/system/ovs-qos.service",
            "-rw-r--r-- /usr/share/man/man8/ovs-qos.8.gz",
            "-rw-r--r-- /usr/share/bash-completion/completions/ovs-qos",
            "-rw-r--r-- /usr/share/doc/ovs-qos/config.example.json",
            "-rw-r--r-- /usr/share/ovs-qos/grafana/ovs-qos.json",
            "-rw-r--r-- /usr/share/ovs-qos/prometheus/ovs-qos.rules.yml",
            "-rw-r--r-- /usr/share/ovs-qos/prometheus/ovs-qos.rules.test.yml",
            "-rw-r--r-- /usr/share/doc/ovs-qos/docs/metrics.md",
            "-rw-r--r-- /usr/share/doc/ovs-qos/README.md",
            "-rw-r--r-- /usr/share/doc/ovs-qos/README.zh-CN.md",
            "-rw-r--r-- /usr/share/doc/ovs-qos/docs/configuration.md",
            "-rw-r--r-- /usr/share/doc/ovs-qos/docs/zh/configuration.md",
            "-rw-r--r-- /usr/share/doc/ovs-qos/docs/zh/migration.md");
    private static final List<String> COMMANDS = List.of("daemon", "list", "status", "release", "reload",
            "validate-config", "help");

    @TempDir
    Path dir;

    @Test
    void bothPackagesHoldTheSameFilesAndNoConfig() {
        Packages.Built built = Packages.build();
        Set<String> rpmFiles = lines(Shell.ok(dir, "rpm -qp --qf '[%{FILEMODES:perms} %{FILENAMES}\\n]' '"
                + built.rpm() + "'")).stream().filter(l -> l.startsWith("-")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> debFiles = lines(Shell.ok(dir, "dpkg-deb -c '" + built.deb() + "'")).stream()
                .filter(l -> l.startsWith("-"))
                .map(l -> l.split("\\s+")[0] + " " + l.split("\\s+")[5].substring(1))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(debFiles).isEqualTo(rpmFiles);
        assertThat(rpmFiles).containsAll(SHIPPED);
        assertThat(rpmFiles).as("config, state and logs belong to the operator")
                .noneMatch(f -> f.contains(" /opt/") || f.contains(" /etc/") || f.contains(" /run/") || f.contains(" /var/"));
        assertThat(Packages.build().rpm().getFileName().toString()).matches("ovs-qos-[0-9][^-]*-1\\.noarch\\.rpm");
        assertThat(Packages.build().deb().getFileName().toString()).matches("ovs-qos_[0-9][^_]*_all\\.deb");
    }

    @Test
    void theJarIsTheReactorsWithNativeLibrariesForLinuxOnly() throws IOException {
        Packages.unpack(Packages.build().deb(), dir);
        Path jar = dir.resolve("usr/lib/ovs-qos/ovs-qos.jar");

        assertThat(jar).hasSameBinaryContentAs(ProjectFiles.daemonJar());
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> natives = zip.stream().map(ZipEntry::getName)
                    .filter(n -> n.endsWith(".so") || n.endsWith(".dll") || n.endsWith(".jnilib") || n.endsWith(".a"))
                    .toList();
            // Netty's epoll transport (the admin socket, sd_notify), for the two Linux architectures.
            assertThat(natives).containsExactlyInAnyOrder("META-INF/native/libnetty_transport_native_epoll_x86_64.so",
                    "META-INF/native/libnetty_transport_native_epoll_aarch_64.so");
        }
    }

    @Test
    void bothRequireAJava17HeadlessRuntime() {
        assertThat(lines(Shell.ok(dir, "rpm -qpR '" + Packages.build().rpm() + "'")))
                .contains("java-headless >= 1:17");
        assertThat(Shell.ok(dir, "dpkg-deb -f '" + Packages.build().deb() + "' Depends").trim())
                .isEqualTo("default-jre-headless (>= 2:1.17) | java17-runtime-headless");
    }

    @Test
    void everyScriptletIsTheSharedScriptWithOneCall() throws IOException {
        String shared = Files.readString(ProjectFiles.projectFile(Packages.MAINT_SCRIPT));
        Map<String, String> rpm = Map.of("POSTIN", "rpm post", "PREUN", "rpm preun", "POSTUN", "rpm postun");
        rpm.forEach((tag, call) -> assertThat(Packages.rpmScriptlet(tag).strip())
                .isEqualTo(("#!/bin/sh\n" + shared + "maint " + call + " \"$@\"").strip()));
        assertThat(Packages.rpmScriptlet("PREIN")).as("no %pre").isEqualTo("(none)");
        for (String name : List.of("postinst", "prerm", "postrm")) {
            assertThat(Packages.debScriptlet(name)).isEqualTo("#!/bin/sh\n" + shared + "maint deb " + name + " \"$@\"\n");
        }
        assertThat(Packages.rpmScriptlet("FILETRIGGERSCRIPTS").strip())
                .isEqualTo(("#!/bin/sh\n" + shared + "maint rpm jvm-changed \"$@\"").strip());
        assertThat(Shell.ok(dir, "rpm -qp --filetriggers '" + Packages.build().rpm() + "'"))
                .startsWith("filetriggerin scriptlet (using /bin/sh) -- /usr/lib/jvm\n");
        assertThat(Packages.debScriptlet("triggers")).isEqualTo("interest-noawait /usr/lib/jvm\n");
        assertThat(Shell.ok(dir, "rpm -qp --scripts '" + Packages.build().rpm() + "'"))
                .contains("postinstall scriptlet (using /bin/sh)", "preuninstall scriptlet (using /bin/sh)",
                        "postuninstall scriptlet (using /bin/sh)");
        assertThat(Shell.sh(dir, Map.of(), "sh -n '" + ProjectFiles.projectFile(Packages.MAINT_SCRIPT) + "'").exitCode())
                .isZero();
    }

    @Test
    void theShippedUnitPassesSystemdAnalyzeVerify() {
        Packages.unpack(Packages.build().rpm(), dir);
        // The units it refers to (sysinit.target, ...) come from this host's systemd.
        Shell.ok(dir, "cp -an /lib/systemd/system/. usr/lib/systemd/system/");

        Shell.Result verify = Shell.sh(dir, Map.of(), "systemd-analyze verify --root=. ovs-qos.service");

        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.output()).as("no warning either").isEmpty();
    }

    @Test
    void theManPageDescribesEveryCommandOptionAndExitCode() throws IOException {
        String man = Files.readString(ProjectFiles.projectFile("packaging/ovs-qos.8"));
        for (String command : COMMANDS) {
            String help = Shell.ok(dir, "java -jar '" + ProjectFiles.daemonJar() + "' " + command + " --help");
            assertThat(man).as(command).contains(".B ovs-qos " + command.replace("-", "\\-"));
            Matcher option = Pattern.compile("(?<![\\w-])(--?[a-zA-Z][a-z-]*)").matcher(help);
            while (option.find()) {
                assertThat(man).as(command + " --help shows " + option.group(1))
                        .contains(option.group(1).replace("-", "\\-"));
            }
        }
        String usage = Shell.ok(dir, "java -jar '" + ProjectFiles.daemonJar() + "' --help");
        Matcher code = Pattern.compile("(?m)^\\s+(\\d+)\\s+\\S").matcher(usage.substring(usage.indexOf("Exit codes")));
        Set<String> codes = new TreeSet<>();
        while (code.find()) {
            codes.add(code.group(1));
        }
        String exitStatus = man.substring(man.indexOf(".SH EXIT STATUS"), man.indexOf(".SH FILES"));
        assertThat(codes).isNotEmpty().allSatisfy(c -> assertThat(exitStatus).contains(".B " + c + "\n"));
        assertThat(Shell.ok(dir, "gzip -dc '" + unpackedMan() + "'")).isEqualTo(man);
    }

    @Test
    void theCompletionCompletesCommandsAndOptions() {
        Packages.unpack(Packages.build().deb(), dir);
        Path script = dir.resolve("usr/share/bash-completion/completions/ovs-qos");

        assertThat(complete(script, "ovs-qos", "")).containsAll(COMMANDS);
        assertThat(complete(script, "ovs-qos", "val")).containsExactly("validate-config");
        assertThat(complete(script, "ovs-qos", "list", "--")).contains("--json", "--admin-socket", "--help");
        assertThat(complete(script, "ovs-qos", "daemon", "--log-")).containsExactlyInAnyOrder("--log-file", "--log-level");
        assertThat(complete(script, "ovs-qos", "daemon", "--log-level", "")).containsExactly("error", "warn", "info", "debug");
    }

    private Path unpackedMan() {
        Path root = dir.resolve("man-root");
        Packages.unpack(Packages.build().rpm(), root);
        return root.resolve("usr/share/man/man8/ovs-qos.8.gz");
    }

    /** What bash offers after {@code words}, the last being the word being completed. */
    private List<String> complete(Path script, String... words) {
        String array = Arrays.stream(words).map(w -> "'" + w + "'").collect(Collectors.joining(" "));
        String out = Shell.run(dir, Map.of(), List.of("bash", "-c", ". '" + script + "' 2>/dev/null; COMP_WORDS=("
                + array + "); COMP_CWORD=" + (words.length - 1) + "; COMP_LINE=\"${COMP_WORDS[*]}\";"
                + " COMP_POINT=${#COMP_LINE}; _complete_ovs-qos 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\""))
                .output();
        return out.isBlank() ? Collections.emptyList() : lines(out);
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
