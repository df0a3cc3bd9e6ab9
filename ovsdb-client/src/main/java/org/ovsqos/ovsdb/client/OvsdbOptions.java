package org.ovsqos.ovsdb.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How connections and sessions behave: limits, timeouts, probes, TLS files and reconnecting.
 * Immutable; made with {@link #builder()} and checked once, in {@link Builder#build()}.
 * {@link #toBuilder()} starts a modified copy.
 */
public final class OvsdbOptions {

    /**
     * The largest JSON-RPC message accepted from the server, in bytes. The biggest message a
     * client normally receives is the initial reply of a monitor on the Interface table. Measured
     * against ovsdb-server 3.1 (compact JSON, every column, 4 external_ids, 12-digit counters):
     * an Interface row with the 13 statistics of a kernel-datapath port is 1.3 KB, so 5000
     * interfaces make 6.6 MB; with the 40 statistics of a userspace-datapath port it is 2.4 KB,
     * 12 MB for 5000. 32 MiB leaves more than twice that. A bound, not an allocation: memory
     * follows the messages actually received.
     */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 32 * 1024 * 1024;
    /** Below this not even a get_schema reply of a small database fits. */
    public static final int MIN_MAX_MESSAGE_SIZE = 1024;
    /**
     * Long enough for the initial monitor reply of a large database on a busy host. A dead
     * server is noticed much sooner, by the inactivity probe or by the socket closing.
     */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Open vSwitch's own default for tcp and ssl connections. */
    public static final Duration DEFAULT_INACTIVITY_PROBE = Duration.ofSeconds(5);
    /**
     * Open vSwitch never probes a unix socket: the kernel reports a dead server at once. What it
     * cannot report is a server that lives but does not answer (stopped, deadlocked, stuck on a
     * disk), which only a probe notices. There is no network to lose and no other server to fail
     * over to, so the only gains are an honest state and no calls sent into the void, and a
     * false alarm costs a busy server a reconnect and a monitor resynchronisation: hence three
     * times the tcp period. A silent server is dropped after 15 to 30 s; one that stalls for
     * less than 30 s is left alone.
     */
    public static final Duration DEFAULT_UNIX_INACTIVITY_PROBE = Duration.ofSeconds(15);
    /**
     * A stat(2) of the socket path ten times a second, only while waiting to reconnect: a few
     * microseconds each, and a restarted server is reached at most 0.1 s after its socket appears.
     */
    public static final Duration DEFAULT_UNIX_SOCKET_WATCH = Duration.ofMillis(100);
    /** Open vSwitch's reconnect defaults: first retry after 1 s, doubling up to 8 s. */
    public static final Duration DEFAULT_RECONNECT_BACKOFF_MIN = Duration.ofSeconds(1);
    public static final Duration DEFAULT_RECONNECT_BACKOFF_MAX = Duration.ofSeconds(8);
    /** Up to a quarter off each delay, so clients of one restarted server spread out. */
    public static final double DEFAULT_RECONNECT_JITTER = 0.25;

    private final int maxMessageSize;
    private final Duration callTimeout;
    private final Duration connectTimeout;
    private final Duration inactivityProbe;
    private final Duration unixInactivityProbe;
    private final Duration unixSocketWatch;
    private final SslFiles ssl;
    private final Duration reconnectBackoffMin;
    private final Duration reconnectBackoffMax;
    private final double reconnectJitter;
    private final BackoffPolicy customBackoff;
    private final BackoffPolicy backoff;

    private OvsdbOptions(Builder b, BackoffPolicy backoff) {
        this.maxMessageSize = b.maxMessageSize;
        this.callTimeout = b.callTimeout;
        this.connectTimeout = b.connectTimeout;
        this.inactivityProbe = b.inactivityProbe;
        this.unixInactivityProbe = b.unixInactivityProbe;
        this.unixSocketWatch = b.unixSocketWatch;
        this.ssl = b.ssl;
        this.reconnectBackoffMin = b.reconnectBackoffMin;
        this.reconnectBackoffMax = b.reconnectBackoffMax;
        this.reconnectJitter = b.reconnectJitter;
        this.customBackoff = b.customBackoff;
        this.backoff = backoff;
    }

    /** Every option at its {@code DEFAULT_*} value. */
    public static OvsdbOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to make a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxMessageSize = maxMessageSize;
        b.callTimeout = callTimeout;
        b.connectTimeout = connectTimeout;
        b.inactivityProbe = inactivityProbe;
        b.unixInactivityProbe = unixInactivityProbe;
        b.unixSocketWatch = unixSocketWatch;
        b.ssl = ssl;
        b.reconnectBackoffMin = reconnectBackoffMin;
        b.reconnectBackoffMax = reconnectBackoffMax;
        b.reconnectJitter = reconnectJitter;
        b.customBackoff = customBackoff;
        return b;
    }

    public int maxMessageSize() {
        return maxMessageSize;
    }

    /** The timeout of a call made without an explicit one. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** How long establishing a connection (including the TLS handshake) may take. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * On tcp and ssl: after this long with nothing received, send an {@code echo}; after as long
     * again with still nothing, drop the connection (with an
     * {@link org.ovsqos.ovsdb.OvsdbUnresponsiveException}). {@link Duration#ZERO} disables the probe.
     */
    public Duration inactivityProbe() {
        return inactivityProbe;
    }

    /** {@link #inactivityProbe()} for unix sockets; {@link Duration#ZERO} disables it, as Open vSwitch does. */
    public Duration unixInactivityProbe() {
        return unixInactivityProbe;
    }

    /**
     * On unix endpoints: while a session waits to reconnect, how often it looks at the socket
     * path. When a different socket appears there (a server started or restarted), it connects at
     * once instead of waiting out its backoff; a socket that then refuses gets no second early
     * attempt, so the backoff still paces the retries. {@link Duration#ZERO} disables the watch.
     */
    public Duration unixSocketWatch() {
        return unixSocketWatch;
    }

    /** The TLS files; required by {@code ssl:} endpoints, ignored by the others. */
    public Optional<SslFiles> ssl() {
        return Optional.ofNullable(ssl);
    }

    /** The delays between a session's connection attempts. */
    public BackoffPolicy reconnectBackoff() {
        return backoff;
    }

    @Override
    public String toString() {
        return "OvsdbOptions[maxMessageSize=" + maxMessageSize + ", callTimeout=" + callTimeout
                + ", connectTimeout=" + connectTimeout + ", inactivityProbe=" + inactivityProbe
                + ", unixInactivityProbe=" + unixInactivityProbe + ", unixSocketWatch=" + unixSocketWatch
                + ", ssl=" + ssl + ", reconnectBackoff=" + backoff + "]";
    }

    /** Collects options; {@link #build()} checks them all and names every bad one. */
    public static final class Builder {
        private int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration inactivityProbe = DEFAULT_INACTIVITY_PROBE;
        private Duration unixInactivityProbe = DEFAULT_UNIX_INACTIVITY_PROBE;
        private Duration unixSocketWatch = DEFAULT_UNIX_SOCKET_WATCH;
        private SslFiles ssl;
        private Duration reconnectBackoffMin = DEFAULT_RECONNECT_BACKOFF_MIN;
        private Duration reconnectBackoffMax = DEFAULT_RECONNECT_BACKOFF_MAX;
        private double reconnectJitter = DEFAULT_RECONNECT_JITTER;
        private BackoffPolicy customBackoff;

        private Builder() {
        }

        public Builder maxMessageSize(int bytes) {
            this.maxMessageSize = bytes;
            return this;
        }

        public Builder callTimeout(Duration timeout) {
            this.callTimeout = Objects.requireNonNull(timeout, "callTimeout");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "connectTimeout");
            return this;
        }

        /** {@link Duration#ZERO} disables the probe. */
        public Builder inactivityProbe(Duration interval) {
            this.inactivityProbe = Objects.requireNonNull(interval, "inactivityProbe");
            return this;
        }

        /** {@link Duration#ZERO} disables the probe on unix sockets. */
        public Builder unixInactivityProbe(Duration interval) {
            this.unixInactivityProbe = Objects.requireNonNull(interval, "unixInactivityProbe");
            return this;
        }

        /** {@link Duration#ZERO} disables the watch: a session then reconnects on its backoff only. */
        public Builder unixSocketWatch(Duration interval) {
            this.unixSocketWatch = Objects.requireNonNull(interval, "unixSocketWatch");
            return this;
        }

        public Builder ssl(SslFiles files) {
            this.ssl = Objects.requireNonNull(files, "ssl");
            return this;
        }

        /** The default exponential backoff with these bounds (replaces a custom policy). */
        public Builder reconnectBackoff(Duration min, Duration max, double jitter) {
            this.reconnectBackoffMin = Objects.requireNonNull(min, "min");
            this.reconnectBackoffMax = Objects.requireNonNull(max, "max");
            this.reconnectJitter = jitter;
            this.customBackoff = null;
            return this;
        }

        /** A policy of one's own instead of the exponential backoff. */
        public Builder reconnectBackoff(BackoffPolicy policy) {
            this.customBackoff = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** @throws IllegalArgumentException naming every option that is out of range */
        public OvsdbOptions build() {
            List<String> problems = new ArrayList<>();
            if (maxMessageSize < MIN_MAX_MESSAGE_SIZE) {
                problems.add("maxMessageSize " + maxMessageSize + " is below " + MIN_MAX_MESSAGE_SIZE + " bytes");
            }
            requirePositive(problems, "callTimeout", callTimeout);
            requirePositive(problems, "connectTimeout", connectTimeout);
            if (connectTimeout.toMillis() > Integer.MAX_VALUE) {
                problems.add("connectTimeout " + connectTimeout + " is too long");
            }
            requireZeroOrPositive(problems, "inactivityProbe", inactivityProbe);
            requireZeroOrPositive(problems, "unixInactivityProbe", unixInactivityProbe);
            requireZeroOrPositive(problems, "unixSocketWatch", unixSocketWatch);
            BackoffPolicy backoff = customBackoff;
            if (backoff == null) {
                try {
                    backoff = BackoffPolicy.exponential(reconnectBackoffMin, reconnectBackoffMax, reconnectJitter);
                } catch (IllegalArgumentException e) {
                    problems.add("reconnectBackoff: " + e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid OVSDB options: " + String.join("; ", problems));
            }
            return new OvsdbOptions(this, backoff);
        }

        private static void requireZeroOrPositive(List<String> problems, String name, Duration value) {
            if (value.isNegative()) {
                problems.add(name + " must be zero (disabled) or positive, got " + value);
            }
        }

        private static void requirePositive(List<String> problems, String name, Duration value) {
            if (value.isZero() || value.isNegative()) {
                problems.add(name + " must be positive, got " + value);
            }
        }
    }
}
