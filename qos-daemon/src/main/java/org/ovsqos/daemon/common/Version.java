package org.ovsqos.daemon.common;

/** The build's version, from the jar manifest's {@code Implementation-Version}. */
public final class Version {
    private Version() {}

    /** The version; {@code dev} when run from classes rather than the jar. */
    public static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
