package org.ovsqos.daemon.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Prometheus scrape endpoint, {@code GET /metrics}, served by the Prometheus client's own
 * HTTP server: it negotiates the format a scraper asks for (OpenMetrics, the text format,
 * protobuf), compresses with gzip when asked, and answers {@code name[]=} filters. It also serves
 * {@code /-/healthy} and a page at {@code /} linking to the metrics. Off unless
 * {@code metrics_listen} is set.
 */
public final class MetricsEndpoint implements AutoCloseable {
    public static final String PATH = "/metrics";

    private final HTTPServer server;
    private final InetSocketAddress address;

    private MetricsEndpoint(HTTPServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /**
     * Binds {@code address} (resolving it if needed) and starts serving.
     *
     * @throws IOException when the address cannot be bound
     */
    public static MetricsEndpoint start(InetSocketAddress address, PrometheusMeterRegistry registry) throws IOException {
        Objects.requireNonNull(registry, "registry");
        InetSocketAddress bind = address.isUnresolved()
                ? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
        if (bind.isUnresolved()) {
            throw new IOException("cannot resolve metrics_listen host " + address.getHostString());
        }
        // One thread: scrapes are rare and short, and a pool (the library's default) would only add memory.
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ovs-qos-metrics");
            t.setDaemon(true);
            return t;
        });
        try {
            HTTPServer server = HTTPServer.builder().inetAddress(bind.getAddress()).port(bind.getPort())
                    .registry(registry.getPrometheusRegistry()).executorService(executor).buildAndStart();
            return new MetricsEndpoint(server, new InetSocketAddress(bind.getAddress(), server.getPort()));
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            throw e;
        }
    }

    /** The bound address (with the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() {
        server.close();
    }
}
