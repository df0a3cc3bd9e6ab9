package org.ovsqos.daemon.systemd;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.ovsqos.daemon.common.NettyNative;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sd_notify(3) protocol: one datagram of newline-separated {@code KEY=VALUE} lines to the unix
 * socket named by {@code NOTIFY_SOCKET}. Without that variable (not under systemd, or
 * {@code Type=} other than notify) every method does nothing.
 *
 * <p>Netty's epoll transport, used here without an event loop (a bare socket, no thread), because
 * the JDK's {@code DatagramChannel} has no unix-domain support. Its JNI library is loaded on the
 * first send only, so a run outside systemd never loads it. Sending never throws: a lost
 * notification must not take the daemon down, and systemd's own timeouts report the consequence.
 */
public final class SystemdNotifier implements AutoCloseable {
    public static final String NOTIFY_SOCKET = "NOTIFY_SOCKET";
    public static final String WATCHDOG_USEC = "WATCHDOG_USEC";
    public static final String WATCHDOG_PID = "WATCHDOG_PID";

    private static final Logger log = LoggerFactory.getLogger(SystemdNotifier.class);

    private final String socket;
    private final byte[] address;
    private final Optional<Duration> watchdogTimeout;
    private Socket sender;
    private boolean failureLogged;

    private SystemdNotifier(String socket, Optional<Duration> watchdogTimeout) {
        this.socket = socket;
        this.address = socket == null ? null : toAddress(socket);
        this.watchdogTimeout = watchdogTimeout;
    }

    /** From this process's environment. */
    public static SystemdNotifier fromEnvironment() {
        return fromEnvironment(System.getenv(), ProcessHandle.current().pid());
    }

    /**
     * From the given variables, as if they were this process's environment and {@code pid} its
     * pid (tests pass their own socket here rather than touching the real environment).
     */
    public static SystemdNotifier fromEnvironment(Map<String, String> env, long pid) {
        String socket = env.get(NOTIFY_SOCKET);
        if (socket == null || socket.isEmpty()) {
            return disabled();
        }
        return new SystemdNotifier(socket, watchdog(env, pid));
    }

    public static SystemdNotifier disabled() {
        return new SystemdNotifier(null, Optional.empty());
    }

    public boolean enabled() {
        return address != null;
    }

    /**
     * systemd's {@code WatchdogSec=} as passed in {@code WATCHDOG_USEC}, when the watchdog is
     * meant for this process; ping with {@link #watchdog()} at about half of it.
     */
    public Optional<Duration> watchdogTimeout() {
        return watchdogTimeout;
    }

    /** How often to ping: half the timeout, as sd_watchdog_enabled(3) recommends. */
    public Optional<Duration> watchdogPingInterval() {
        return watchdogTimeout.map(timeout -> timeout.dividedBy(2));
    }

    /** Start-up is complete; with a one-line status. */
    public void ready(String status) {
        send("READY=1\nSTATUS=" + oneLine(status));
    }

    /** The one-line summary {@code systemctl status} shows. */
    public void status(String status) {
        send("STATUS=" + oneLine(status));
    }

    /** Keep-alive; send only while the tick loop is healthy. */
    public void watchdog() {
        send("WATCHDOG=1");
    }

    /**
     * A reload has begun; send {@link #ready(String)} when it is done. MONOTONIC_USEC is what
     * {@code Type=notify-reload} requires; HotSpot's {@code nanoTime} on Linux is
     * CLOCK_MONOTONIC, the clock systemd means.
     */
    public void reloading() {
        send("RELOADING=1\nMONOTONIC_USEC=" + TimeUnit.NANOSECONDS.toMicros(System.nanoTime()));
    }

    public void stopping() {
        send("STOPPING=1");
    }

    /**
     * Sends one notification of raw {@code KEY=VALUE} lines.
     *
     * @return whether the datagram was sent ({@code false} also when disabled)
     */
    public synchronized boolean send(String message) {
        Objects.requireNonNull(message, "message");
        if (address == null) {
            return false;
        }
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        try {
            if (sender == null) {
                Epoll.ensureAvailability(); // loads the JNI library, which holds Socket's natives too
                sender = Socket.newSocketDomainDgram();
            }
            // The native send reads the buffer's memory address: a heap buffer would fail with EFAULT.
            ByteBuffer datagram = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
            // The socket is non-blocking: 0 bytes sent means EAGAIN, the receiver's queue is full.
            if (sender.sendToDomainSocket(datagram, 0, bytes.length, address) != bytes.length) {
                throw new IOException("not sent: the receiving socket's queue is full");
            }
            return true;
        } catch (IOException | RuntimeException e) {
            logFailure(e.toString(), "");
            return false;
        } catch (LinkageError e) {
            logFailure(NettyNative.failure(e), " hint=\"Netty's epoll JNI library did not load: " + NettyNative.HINT + "\"");
            return false;
        }
    }

    private void logFailure(String error, String hint) {
        if (!failureLogged) {
            failureLogged = true;
            log.warn("sd_notify failed socket={} error=\"{}\"{} (further failures are not logged)", socket, error, hint);
        }
    }

    @Override
    public synchronized void close() {
        if (sender != null) {
            try {
                sender.close();
            } catch (IOException ignored) {
                // Nothing to do: the datagrams already sent are delivered or lost either way.
            }
            sender = null;
        }
    }

    /**
     * The {@code sun_path} bytes. {@code @name} is a Linux abstract-namespace address: the name with
     * a leading NUL byte; Netty passes the exact length to sendto(2), as such a name requires.
     */
    static byte[] toAddress(String socket) {
        String path = socket.startsWith("@") ? "\0" + socket.substring(1) : socket;
        return path.getBytes(StandardCharsets.UTF_8);
    }

    // WATCHDOG_PID names the process the watchdog is for; a forked helper must not ping for us.
    private static Optional<Duration> watchdog(Map<String, String> env, long pid) {
        String usec = env.get(WATCHDOG_USEC);
        String forPid = env.get(WATCHDOG_PID);
        if (usec == null) {
            return Optional.empty();
        }
        try {
            if (forPid != null && Long.parseLong(forPid.trim()) != pid) {
                return Optional.empty();
            }
            long micros = Long.parseLong(usec.trim());
            return micros > 0 ? Optional.of(Duration.ofNanos(TimeUnit.MICROSECONDS.toNanos(micros))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String oneLine(String status) {
        return status.replace('\n', ' ');
    }
}
