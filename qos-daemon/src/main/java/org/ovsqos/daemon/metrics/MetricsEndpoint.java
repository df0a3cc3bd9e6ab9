package org.ovsqos.daemon.metrics;

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
 * {@code metrics_listen} is set; the meters, the JVM binders and the server exist from its start
 * to its close, and nothing of them before.
 */
public final class MetricsEndpoint implements AutoCloseable {
    public static final String PATH = "/metrics";

    private final HTTPServer server;
    private final PrometheusExport export;
    private final InetSocketAddress address;

    private MetricsEndpoint(HTTPServer server, PrometheusExport export, InetSocketAddress address) {
        this.server = server;
        this.export = export;
        this.address = address;
    }

    /**
     * Binds {@code address} (resolving it if needed) and starts serving {@code metrics}, with the
     * JVM and process series.
     *
     * @throws IOException when the address cannot be bound
     */
    public static MetricsEndpoint start(InetSocketAddress address, DaemonMetrics metrics) throws IOException {
        Objects.requireNonNull(metrics, "metrics");
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
        PrometheusExport export = new PrometheusExport(metrics);
        try {
            export.bindJvmMetrics();
            HTTPServer server = HTTPServer.builder().inetAddress(bind.getAddress()).port(bind.getPort())
                    .registry(export.prometheusRegistry()).executorService(executor).buildAndStart();
            return new MetricsEndpoint(server, export, new InetSocketAddress(bind.getAddress(), server.getPort()));
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            export.close();
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
        export.close();
    }
}
