package org.ovsqos.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.Volume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ovsqos.ovsdb.client.Endpoint;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * Open vSwitch in a container of the image built from docker/ovs: ovsdb-server on
 * {@code /var/run/openvswitch/db.sock} and {@code ptcp:6640}, ovs-vswitchd with the userspace
 * datapath. A host directory is bind-mounted at /var/run/openvswitch, so a process on the host
 * reaches the database as {@code unix:RUN_DIR/db.sock}, and a later container can take over the
 * same path (a restarted OVS, as a host's systemd would restart it).
 *
 * <p>The container gets only what bridges and guest namespaces need, never --privileged (which
 * fails on hosts whose bounding set lacks a capability): NET_ADMIN for links and addresses,
 * SYS_ADMIN for {@code ip netns} (mounts), /dev/net/tun for the netdev bridge's tap, and no
 * AppArmor or seccomp confinement, which on some hosts refuses the mount of a namespace whatever
 * the capabilities (docker/README.md has the table).
 */
final class OvsContainer implements AutoCloseable {
    static final String RUN_DIR = "/var/run/openvswitch";
    static final int OVSDB_PORT = 6640;
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GenericContainer<?> container;
    private final Path runDir;

    private OvsContainer(GenericContainer<?> container, Path runDir) {
        this.container = container;
        this.runDir = runDir;
    }

    /** A started, healthy container whose /var/run/openvswitch is {@code runDir} on this host. */
    @SuppressWarnings("resource") // closed by OvsContainer.close
    static OvsContainer start(Path runDir) {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(ProjectFiles.ovsImage()))
                .withExposedPorts(OVSDB_PORT)
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                        .withCapAdd(Capability.NET_ADMIN, Capability.SYS_ADMIN)
                        .withDevices(Device.parse("/dev/net/tun"))
                        .withSecurityOpts(List.of("apparmor=unconfined", "seccomp=unconfined"))
                        // Not withFileSystemBind: that first checks "mountable file support" by
                        // pulling alpine, which waits two minutes where no registry answers.
                        .withBinds(new Bind(runDir.toString(), new Volume(RUN_DIR))))
                .waitingFor(Wait.forHealthcheck().withStartupTimeout(STARTUP));
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop(); // a container that never became healthy is not left running
            throw e;
        }
        return new OvsContainer(container, runDir);
    }

    /** The database over the bind-mounted unix socket. */
    Endpoint unixEndpoint() {
        return new Endpoint.Unix(runDir.resolve("db.sock"));
    }

    /** The database over TCP, through the port Docker mapped to 6640. */
    Endpoint tcpEndpoint() {
        return new Endpoint.Tcp(container.getHost(), container.getMappedPort(OVSDB_PORT));
    }

    /** Runs a shell script in the container; fails the test with its output when it fails. */
    String sh(String script) {
        try {
            ExecResult result = container.execInContainer("sh", "-c", script);
            if (result.getExitCode() != 0) {
                throw new AssertionError("in the OVS container, `" + script + "` exited with " + result.getExitCode()
                        + ":\n" + result.getStdout() + result.getStderr());
            }
            return result.getStdout();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + script, e);
        }
    }

    /** Copies a file of this host into the container. */
    void copyIn(Path file, String containerPath) {
        container.copyFileToContainer(MountableFile.forHostPath(file), containerPath);
    }

    String vsctl(String args) {
        return sh("ovs-vsctl --timeout=10 " + args).trim();
    }

    /** A bridge on the userspace datapath: the kernel here has no openvswitch module. */
    void addNetdevBridge(String name) {
        sh("ovs-vsctl --timeout=10 add-br " + name + " -- set bridge " + name + " datapath_type=netdev"
                + " && ip link set " + name + " up");
    }

    void addGuest(String bridge, Guest guest) {
        sh("ovs-guest add " + bridge + " " + guest.iface() + " " + guest.netns() + " " + guest.cidr());
    }

    /** Every interface's policing columns, read as {@code ovs-vsctl} reads them, by name. */
    Map<String, Policing> policing() {
        String out = sh("ovs-vsctl --timeout=10 --format=json"
                + " --columns=name,ingress_policing_rate,ingress_policing_burst list interface");
        try {
            Map<String, Policing> byName = new LinkedHashMap<>();
            for (JsonNode row : JSON.readTree(out).path("data")) {
                byName.put(row.get(0).asText(), new Policing(row.get(1).asLong(), row.get(2).asLong()));
            }
            return byName;
        } catch (IOException e) {
            throw new AssertionError("unreadable ovs-vsctl output: " + out, e);
        }
    }

    Policing policing(Guest guest) {
        Policing p = policing().get(guest.iface());
        if (p == null) {
            throw new AssertionError("no Interface row named " + guest.iface());
        }
        return p;
    }

    /** Kills ovsdb-server with SIGKILL, as a crash would; ovs-vswitchd keeps running. */
    void killOvsdbServer() {
        sh("ovs-stop-db");
    }

    /** Starts ovsdb-server again on the database it had. */
    void startOvsdbServer() {
        sh("ovs-start-db");
    }

    /** The last lines of both daemons' logs and the container's output, for a failure report. */
    String logs() {
        List<String> parts = new ArrayList<>();
        if (container.isRunning()) {
            try {
                parts.add(container.execInContainer("sh", "-c", "tail -n 40 /var/log/openvswitch/*.log").getStdout());
            } catch (IOException | InterruptedException | RuntimeException e) {
                parts.add("(logs unavailable: " + e + ")");
            }
        }
        return String.join("\n", parts);
    }

    boolean isRunning() {
        return container.isRunning();
    }

    @Override
    public void close() {
        container.stop();
    }
}
