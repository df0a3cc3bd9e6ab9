package org.ovsqos.daemon.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real local account for a test that needs a peer who is not root: made with useradd, removed
 * with userdel by {@link #close()} (use try-with-resources, so that a failing test removes it
 * too). Its login name is all digits ({@code 00}, or {@code 000}, ... when that one is taken):
 * a name that a number parser reads as uid 0, so that any code deciding on a name rather than on
 * the uid shows itself.
 *
 * <p>What it runs comes from {@link #home()}, a directory made for it, never from the checkout:
 * a clone under {@code /root} (mode 0700) or in a {@code mktemp -d} folder is out of its reach.
 *
 * <p>Tests that do not run as root cannot make accounts; the current user, who is then not root
 * either, stands in, and commands run unchanged.
 */
public final class LocalUser implements AutoCloseable {
    /** useradd's exit status when the name is taken (shadow-utils, Debian and RHEL alike). */
    private static final int NAME_IN_USE = 9;
    private static final int LONGEST_NAME = 32;

    private final String name;
    private final boolean created;
    private final long uid;
    private final long gid;
    private final Path home;

    private LocalUser(String name, boolean created, Path home) {
        this.name = name;
        this.created = created;
        this.home = home;
        this.uid = (Integer) attribute(home, "unix:uid");
        this.gid = (Integer) attribute(home, "unix:gid");
    }

    public static LocalUser create() {
        Path home = tempHome();
        if (!runningAsRoot()) {
            return new LocalUser(System.getProperty("user.name"), false, home);
        }
        for (int zeros = 2; zeros <= LONGEST_NAME; zeros++) {
            String name = "0".repeat(zeros);
            Run useradd = Run.of("useradd", "--no-create-home", "--user-group", "--shell", "/usr/sbin/nologin",
                    "--comment", "ovs-qos test user", name);
            if (useradd.status() == NAME_IN_USE) {
                continue;
            }
            useradd.requireSuccess();
            try {
                UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
                PosixFileAttributeView view = Files.getFileAttributeView(home, PosixFileAttributeView.class);
                view.setOwner(lookup.lookupPrincipalByName(name));
                view.setGroup(lookup.lookupPrincipalByGroupName(name));
                return new LocalUser(name, true, home);
            } catch (IOException | RuntimeException e) {
                Run.of("userdel", "--force", name);
                deleteTree(home);
                throw new IllegalStateException("could not set up test user " + name, e);
            }
        }
        throw new IllegalStateException("every all-zero user name up to " + LONGEST_NAME + " characters is taken");
    }

    public static long currentUid() {
        return (Integer) attribute(Path.of("/proc/self"), "unix:uid");
    }

    public static boolean runningAsRoot() {
        return currentUid() == 0;
    }

    public String name() {
        return name;
    }

    public long uid() {
        return uid;
    }

    public long gid() {
        return gid;
    }

    /** Whether this is an account made for the test (only when the tests run as root). */
    public boolean created() {
        return created;
    }

    /** A directory of its own (mode 0700, its owner), for what it runs. */
    public Path home() {
        return home;
    }

    /** Copies {@code file} into {@link #home()}, readable by the user; returns the copy. */
    public Path copy(Path file) {
        return copy(file, file.getFileName().toString());
    }

    public Path copy(Path file, String relativeName) {
        try {
            Path copy = home.resolve(relativeName);
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code content} to a file in {@link #home()}, readable by the user; returns it. */
    public Path write(String relativeName, String content) {
        try {
            Path file = home.resolve(relativeName);
            Files.writeString(file, content, UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code command}, to be run as this user: behind {@code runuser -u NAME --} when it was made. */
    public List<String> command(List<String> command) {
        List<String> all = new ArrayList<>();
        if (created) {
            all.addAll(List.of("runuser", "-u", name, "--"));
        }
        all.addAll(command);
        return all;
    }

    /**
     * Ends a process started with {@link #command} and what it started, and waits for them:
     * runuser cannot pass a SIGKILL on, so killing it alone would leave its child running.
     */
    public static void destroy(Process process) throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("process " + handle.pid() + " did not end", e);
            }
        }
    }

    /**
     * Lets the user open {@code socket} as a member of its group would: the socket's group
     * becomes the user's own, its mode (0660) stays. The directories above must be searchable.
     */
    public void grantSocket(Path socket) {
        if (!created) {
            return; // the socket belongs to the (non-root) test user already
        }
        try {
            GroupPrincipal group = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByGroupName(name);
            Files.getFileAttributeView(socket, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setGroup(group);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the account (its processes must have ended) and its directory. */
    @Override
    public void close() {
        try {
            deleteTree(home);
        } finally {
            if (created) {
                Run.of("userdel", "--force", name).requireSuccess();
            }
        }
    }

    private static Path tempHome() {
        try {
            return Files.createTempDirectory("ovs-qos-test-user-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object attribute(Path path, String attribute) {
        try {
            return Files.getAttribute(path, attribute);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A short administrative command, run to its end. */
    private record Run(List<String> command, int status, String output) {
        static Run of(String... command) {
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish within 60 s");
                }
                return new Run(List.of(command), process.exitValue(), output);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
            }
        }

        void requireSuccess() {
            if (status != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + status + ": " + output.strip());
            }
        }
    }
}
