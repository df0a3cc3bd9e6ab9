package org.ovsqos.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;

/**
 * The image of docker/daemon, built by docker/daemon/build (the script the README gives users)
 * from the jar this reactor just packaged. Not Testcontainers' ImageFromDockerfile: it appends
 * LABEL steps with a per-run session id, which defeat the layer cache and, on the vfs storage
 * driver, cost a full copy of the image each. One tag is kept between runs so that the next build
 * reuses the JRE layer and only copies the new jar; the image the tag leaves behind is removed.
 */
final class DaemonImage {
    static final String TAG = "ovs-qos/daemon:it";
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);

    private DaemonImage() {
    }

    static String build() {
        DockerClient docker = DockerClientFactory.instance().client();
        Optional<String> previous = imageId(docker);
        runBuildScript();
        String built = imageId(docker).orElseThrow(() -> new AssertionError(TAG + " missing after its build"));
        previous.filter(id -> !id.equals(built)).ifPresent(id -> {
            try {
                docker.removeImageCmd(id).exec();
            } catch (NotFoundException | ConflictException e) {
                // gone already, or still used by a container: leave it
            }
        });
        return TAG;
    }

    /**
     * A daemon container sharing the OVS container's run directory, with {@code configJson} at the
     * config path the image's default command reads. The daemon needs no capability: it only
     * talks to db.sock.
     */
    @SuppressWarnings("resource") // the caller closes it
    static GenericContainer<?> container(String image, Path ovsRunDir, String configJson) {
        return new GenericContainer<>(image)
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                        .withBinds(new Bind(ovsRunDir.toString(), new Volume(OvsContainer.RUN_DIR))))
                .withCopyToContainer(Transferable.of(configJson), "/opt/ovs-qos/config.json");
    }

    private static void runBuildScript() {
        Path script = ProjectFiles.daemonBuildScript();
        try {
            Process build = new ProcessBuilder(script.toString(), TAG).redirectErrorStream(true).start();
            build.getOutputStream().close();
            byte[] out = build.getInputStream().readAllBytes();
            if (!build.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || build.exitValue() != 0) {
                build.destroyForcibly();
                throw new AssertionError(script + " " + TAG + " failed:\n" + new String(out, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Optional<String> imageId(DockerClient docker) {
        try {
            return Optional.ofNullable(docker.inspectImageCmd(TAG).exec().getId());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
