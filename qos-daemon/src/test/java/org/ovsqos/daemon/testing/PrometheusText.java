package org.ovsqos.daemon.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A scrape in the Prometheus text format (0.0.4), read into samples and metric types. */
public final class PrometheusText {
    /** One line of values: {@code name{labels} value}. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, String> types = new LinkedHashMap<>();

    private PrometheusText() {}

    public static PrometheusText parse(String text) {
        PrometheusText scrape = new PrometheusText();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ");
                scrape.types.put(parts[2], parts[3]);
            } else if (!line.isBlank() && !line.startsWith("#")) {
                scrape.samples.add(sample(line));
            }
        }
        return scrape;
    }

    public List<Sample> samples() {
        return samples;
    }

    /** Metric family names with their types ({@code counter}, {@code gauge}, ...), in the order served. */
    public Map<String, String> types() {
        return types;
    }

    /** The value of the one sample of {@code name} whose labels include {@code labels} (pairs). */
    public Optional<Double> value(String name, String... labels) {
        List<Sample> found = samples(name, labels);
        if (found.size() > 1) {
            throw new AssertionError(found.size() + " samples match " + name + " " + List.of(labels) + ": " + found);
        }
        return found.stream().findFirst().map(Sample::value);
    }

    /** The samples of {@code name} whose labels include {@code labels} (pairs). */
    public List<Sample> samples(String name, String... labels) {
        Map<String, String> wanted = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(wanted.entrySet())).toList();
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        Map<String, String> labels = new TreeMap<>();
        String rest;
        String name;
        if (brace >= 0 && brace < space) {
            name = line.substring(0, brace);
            int i = brace + 1;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                String key = line.substring(i, eq);
                StringBuilder value = new StringBuilder();
                int j = eq + 2; // past ="
                for (; line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char next = line.charAt(++j);
                        value.append(next == 'n' ? '\n' : next);
                    } else {
                        value.append(c);
                    }
                }
                labels.put(key, value.toString());
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            rest = line.substring(i + 1).strip();
        } else {
            name = line.substring(0, space);
            rest = line.substring(space + 1).strip();
        }
        String value = rest.split(" ")[0];
        return new Sample(name, labels, switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        });
    }
}
