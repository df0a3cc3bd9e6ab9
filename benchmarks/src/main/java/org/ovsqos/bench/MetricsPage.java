package org.ovsqos.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of the daemon's Prometheus endpoint ({@code metrics_listen}): the page's size, how
 * long it took to fetch, and its samples by series, e.g.
 * {@code ovsqos_tick_duration_seconds_count} or {@code ovsqos_tick_duration_seconds_bucket{le="0.01"}}.
 * The daemon's own figures, read as a Prometheus server reads them.
 */
final class MetricsPage {
    /** What the daemon logs once its endpoint is bound; with {@code :0} it names the port the kernel chose. */
    private static final Pattern LISTENING = Pattern.compile("metrics endpoint listening address=\\S*:(\\d+)/metrics");

    private final Map<String, Double> samples;
    private final int bytes;
    private final long nanos;

    private MetricsPage(Map<String, Double> samples, int bytes, long nanos) {
        this.samples = samples;
        this.bytes = bytes;
        this.nanos = nanos;
    }

    /** The endpoint's port, from the daemon's log line; waits for it up to {@code timeout}. */
    static int port(Path daemonLog, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (Files.exists(daemonLog)) {
                Matcher m = LISTENING.matcher(Files.readString(daemonLog, UTF_8));
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the daemon logged no metrics endpoint within " + timeout);
            }
            Thread.sleep(50); // polling a condition with a deadline; nothing is timed here
        }
    }

    static MetricsPage scrape(int port) throws IOException, InterruptedException {
        // HttpURLConnection rather than java.net.http: one plain HTTP/1.1 GET, no upgrade attempt.
        HttpURLConnection http = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/metrics").toURL()
                .openConnection();
        http.setConnectTimeout(5_000);
        http.setReadTimeout(30_000);
        long t = System.nanoTime();
        byte[] body;
        try (InputStream in = http.getInputStream()) {
            body = in.readAllBytes();
        } finally {
            http.disconnect();
        }
        long took = System.nanoTime() - t;
        if (http.getResponseCode() != 200) {
            throw new IOException("GET /metrics answered " + http.getResponseCode());
        }
        Map<String, Double> samples = new HashMap<>();
        for (String line : new String(body, UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = line.indexOf('}') >= 0 ? line.indexOf('}') + 1 : line.indexOf(' ');
            String[] rest = line.substring(end).trim().split(" ");
            samples.put(line.substring(0, end), Double.parseDouble(rest[0]));
        }
        return new MetricsPage(samples, body.length, took);
    }

    OptionalDouble value(String series) {
        Double v = samples.get(series);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    double require(String series) {
        return value(series).orElseThrow(() -> new IllegalStateException("no " + series + " on the metrics page ("
                + bytes + " bytes, " + samples.size() + " samples)"));
    }

    int bytes() {
        return bytes;
    }

    long nanos() {
        return nanos;
    }
}
