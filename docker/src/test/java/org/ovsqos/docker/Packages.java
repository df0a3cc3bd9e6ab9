package org.ovsqos.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The .rpm and the .deb that {@code scripts/package.sh} builds from the jar this reactor just
 * packaged, built once per test run into docker/target/packages (about 10 s), and what the tests
 * take out of them: their payload and their scriptlets, exactly as the package managers would.
 */
final class Packages {
    /** The shared scriptlet code both packages are made of. */
    static final String MAINT_SCRIPT = "packaging/scripts/maint.sh";

    record Built(Path rpm, Path deb) {
    }

    private static Built built;

    private Packages() {
    }

    static synchronized Built build() {
        if (built == null) {
            Path out = ProjectFiles.projectFile("docker/pom.xml").resolveSibling("target/packages");
            Path script = ProjectFiles.projectFile("scripts/package.sh");
            String output = Shell.ok(script.getParent().getParent(), "rm -rf '" + out + "' && scripts/package.sh"
                    + " --jar '" + ProjectFiles.daemonJar() + "' --out '" + out + "'");
            built = new Built(only(out, ".rpm", output), only(out, ".deb", output));
        }
        return built;
    }

    /** The files of {@code pkg} unpacked under {@code root}, as the package manager lays them. */
    static void unpack(Path pkg, Path root) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Shell.ok(root, pkg.toString().endsWith(".rpm")
                ? "rpm2cpio '" + pkg + "' | cpio -idm --quiet"
                : "dpkg-deb -x '" + pkg + "' .");
    }

    /**
     * An rpm scriptlet's body by its query tag ({@code POSTIN}, {@code PREUN}, {@code POSTUN};
     * {@code FILETRIGGERSCRIPTS} for the one file trigger), as rpm stores it.
     */
    static String rpmScriptlet(String tag) {
        return Shell.ok(build().rpm().getParent(), "rpm -qp --qf '%{" + tag + "}' '" + build().rpm() + "'");
    }

    /** A deb maintainer script ({@code postinst}, {@code prerm}, {@code postrm}), as dpkg runs it. */
    static String debScriptlet(String name) {
        return Shell.ok(build().deb().getParent(), "dpkg-deb --ctrl-tarfile '" + build().deb() + "' | tar -xO ./" + name);
    }

    /** Runs a scriptlet body with {@code args}, as rpm and dpkg do: {@code sh FILE ARGS}. */
    static Shell.Result runScriptlet(String body, Path dir, Map<String, String> env, String... args) {
        try {
            Path file = Files.writeString(Files.createTempFile(dir, "scriptlet-", ".sh"), body);
            List<String> command = Stream.concat(Stream.of("sh", file.toString()), Stream.of(args)).toList();
            return Shell.run(dir, env, command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path only(Path dir, String suffix, String output) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(f -> f.toString().endsWith(suffix)).toList();
            if (found.size() != 1) {
                throw new AssertionError("scripts/package.sh left " + found + " for *" + suffix + ":\n" + output);
            }
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
