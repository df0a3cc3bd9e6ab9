package org.ovsqos.docker;

import java.nio.file.Path;

/**
 * The two packages, and the order in which rpm and dpkg call their scriptlets for an install,
 * an upgrade (from a package with the same scriptlets), a Java update and a removal.
 */
enum PackageFormat {
    RPM {
        @Override
        Path file() {
            return Packages.build().rpm();
        }

        @Override
        String install(FakeHost host) {
            return host.run(Packages.rpmScriptlet("POSTIN"), "1").output();
        }

        @Override
        String upgrade(FakeHost host) {
            String out = host.run(Packages.rpmScriptlet("POSTIN"), "2").output();
            out += host.run(Packages.rpmScriptlet("PREUN"), "1").output();
            return out + host.run(Packages.rpmScriptlet("POSTUN"), "1").output();
        }

        @Override
        String jvmChanged(FakeHost host) {
            return host.run(Packages.rpmScriptlet("FILETRIGGERSCRIPTS")).output();
        }

        @Override
        String remove(FakeHost host) {
            String out = host.run(Packages.rpmScriptlet("PREUN"), "0").output();
            host.removePackageFiles();
            return out + host.run(Packages.rpmScriptlet("POSTUN"), "0").output();
        }
    },
    DEB {
        @Override
        Path file() {
            return Packages.build().deb();
        }

        @Override
        String install(FakeHost host) {
            return host.run(Packages.debScriptlet("postinst"), "configure").output();
        }

        @Override
        String upgrade(FakeHost host) {
            String out = host.run(Packages.debScriptlet("prerm"), "upgrade", "0.2.0").output();
            out += host.run(Packages.debScriptlet("postrm"), "upgrade", "0.2.0").output();
            return out + host.run(Packages.debScriptlet("postinst"), "configure", "0.1.0").output();
        }

        @Override
        String jvmChanged(FakeHost host) {
            return host.run(Packages.debScriptlet("postinst"), "triggered", "/usr/lib/jvm").output();
        }

        @Override
        String remove(FakeHost host) {
            String out = host.run(Packages.debScriptlet("prerm"), "remove").output();
            host.removePackageFiles();
            return out + host.run(Packages.debScriptlet("postrm"), "remove").output();
        }
    };

    abstract Path file();

    /** The scriptlets of a first install, after the files are laid; their output. */
    abstract String install(FakeHost host);

    abstract String upgrade(FakeHost host);

    /** What runs when a Java package changes files under /usr/lib/jvm (rpm's file trigger, dpkg's trigger). */
    abstract String jvmChanged(FakeHost host);

    abstract String remove(FakeHost host);
}
