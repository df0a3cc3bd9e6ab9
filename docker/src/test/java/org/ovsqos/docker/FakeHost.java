package org.ovsqos.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * A fake root for the packages' scriptlets ({@code OVS_QOS_ROOT}), with the package's files
 * unpacked in it and a {@code systemctl} that only records its calls. Built to look like a host
 * that ran the old script: its unit in /etc/systemd/system, enabled, and its files in /opt/ovs-qos
 * and /run/ovs-qos.
 */
final class FakeHost {
    static final String OLD_UNIT = """
            [Unit]
            Description=OVS per-VM upstream rate limiter
            After=openvswitch.service

            [Service]
            ExecStart=/usr/bin/python3 /opt/ovs-qos/ovs_qos.py daemon
            Restart=on-failure
            User=root
            Group=root

            [Install]
            WantedBy=multi-user.target
            """;
    static final String OLD_CONFIG = "{\"base_rate_mbit\": 500, \"sample_interval_sec\": 60}\n";
    static final String OLD_STATE = "{\"kvm101.0\": {\"stage\": 1, \"stage_until\": 4102444800.0,"
            + " \"cond1_start\": null, \"cond2_start\": null}}\n";

    private final Path dir;
    private final Path root;

    private FakeHost(Path dir) {
        this.dir = dir;
        this.root = dir.resolve("root");
    }

    /** A root holding the package's files; systemd "runs" there when {@code systemd} is true. */
    static FakeHost withPackage(Path dir, Path pkg, boolean systemd) {
        FakeHost host = new FakeHost(dir);
        Packages.unpack(pkg, host.root);
        if (systemd) {
            host.mkdirs("run/systemd/system");
        }
        host.write("bin/systemctl", """
                #!/bin/sh
                echo "$*" >>"%1$s/systemctl.log"
                # is-active answers as the file "active" says.
                [ "$1" != is-active ] || [ -e "%1$s/active" ]
                """.formatted(dir));
        try {
            Files.setPosixFilePermissions(dir.resolve("bin/systemctl"), PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return host;
    }

    /** The old script as its README installed it: unit enabled, script, config and state. */
    FakeHost withOldScript() {
        writeRoot("etc/systemd/system/ovs-qos.service", OLD_UNIT);
        link("etc/systemd/system/multi-user.target.wants/ovs-qos.service", "/etc/systemd/system/ovs-qos.service");
        writeRoot("opt/ovs-qos/ovs_qos.py", "#!/usr/bin/env python3\n");
        writeRoot("opt/ovs-qos/config.json", OLD_CONFIG);
        writeRoot("run/ovs-qos/state.json", OLD_STATE);
        return this;
    }

    /** Runs a scriptlet body as rpm or dpkg would, with every path under this root. */
    Shell.Result run(String scriptlet, String... args) {
        Shell.Result result = Packages.runScriptlet(scriptlet, dir, Map.of(
                "OVS_QOS_ROOT", root.toString(),
                "TMPDIR", scratch().toString(),
                "PATH", dir.resolve("bin") + ":" + System.getenv("PATH")), args);
        if (result.exitCode() != 0) {
            throw new AssertionError("a scriptlet must never fail the package manager: " + result);
        }
        return result;
    }

    /** The scriptlets' TMPDIR: where they may make scratch files, and must leave none. */
    Path scratch() {
        Path tmp = dir.resolve("tmp");
        try {
            return Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The systemctl calls made so far, one string each, and forgets them. */
    List<String> takeSystemctlCalls() {
        Path log = dir.resolve("systemctl.log");
        try {
            List<String> calls = Files.exists(log) ? Files.readAllLines(log) : List.of();
            Files.deleteIfExists(log);
            return calls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void setServiceActive(boolean active) {
        try {
            if (active) {
                Files.writeString(dir.resolve("active"), "");
            } else {
                Files.deleteIfExists(dir.resolve("active"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path inside the fake root. */
    Path path(String relative) {
        return root.resolve(relative);
    }

    String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void writeRoot(String relative, String content) {
        write("root/" + relative, content);
    }

    void link(String relative, String target) {
        try {
            Files.createDirectories(path(relative).getParent());
            Files.createSymbolicLink(path(relative), Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the package's own files, as the package manager does between preun and postun. */
    void removePackageFiles() {
        Shell.ok(root, "rm -rf usr/bin/ovs-qos usr/lib/ovs-qos/ovs-qos.jar usr/lib/systemd/system/ovs-qos.service"
                + " usr/share/man/man8/ovs-qos.8.gz usr/share/bash-completion/completions/ovs-qos usr/share/doc/ovs-qos");
    }

    private void mkdirs(String relative) {
        try {
            Files.createDirectories(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String relative, String content) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
