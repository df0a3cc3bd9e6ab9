package org.ovsqos.docker;

import com.github.dockerjava.api.exception.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;

/**
 * What the tests take from the build: the OVS image's tag and files of the project. Each getter
 * fails with a message saying how to provide what is missing; nothing here lets a test skip.
 */
final class ProjectFiles {
    /** Set by scripts/test.sh from scripts/lib/ensure-images.sh. */
    static final String OVS_IMAGE_PROPERTY = "ovsqos.ovsImage";
    /** Set by the docker module's failsafe configuration. */
    static final String PROJECT_DIR_PROPERTY = "ovsqos.projectDir";

    private ProjectFiles() {
    }

    /**
     * The tag of the OVS image built from docker/ovs, e.g. {@code ovs-qos/ovs:0123456789ab}, checked
     * to exist locally: it is never pulled (Testcontainers would retry a pull for minutes).
     */
    static String ovsImage() {
        String image = System.getProperty(OVS_IMAGE_PROPERTY, "").trim();
        String howTo = "run the tests with scripts/test.sh, or pass -D" + OVS_IMAGE_PROPERTY
                + "=$(scripts/lib/ensure-images.sh) to Maven";
        if (image.isEmpty()) {
            throw new IllegalStateException("system property " + OVS_IMAGE_PROPERTY + " is not set: " + howTo);
        }
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            throw new IllegalStateException("image " + image + " (" + OVS_IMAGE_PROPERTY + ") is not in the local"
                    + " Docker engine: " + howTo, e);
        }
        return image;
    }

    /** The runnable jar, {@code qos-daemon/target/ovs-qos.jar}, packaged earlier in the same reactor. */
    static Path daemonJar() {
        return existing(projectDir().resolve("qos-daemon/target/ovs-qos.jar"),
                "the daemon's jar is packaged by the qos-daemon module: run ./mvnw verify from the project root");
    }

    /** docker/daemon/build: assembles the daemon image's context from the packaged jar and builds it. */
    static Path daemonBuildScript() {
        daemonJar();
        return existing(projectDir().resolve("docker/daemon/build"), "docker/daemon is part of the project");
    }

    /** A file of the project, by its path from the project's root. */
    static Path projectFile(String relative) {
        return existing(projectDir().resolve(relative), relative + " is part of the project");
    }

    private static Path projectDir() {
        String dir = System.getProperty(PROJECT_DIR_PROPERTY, "").trim();
        if (dir.isEmpty()) {
            throw new IllegalStateException("system property " + PROJECT_DIR_PROPERTY
                    + " is not set: run these tests through Maven (the docker module's failsafe configuration)");
        }
        return Path.of(dir).toAbsolutePath().normalize();
    }

    private static Path existing(Path path, String hint) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " does not exist; " + hint);
        }
        return path;
    }
}
