package org.ovsqos.daemon.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Grafana dashboard shipped in {@code packaging/grafana/ovs-qos.json}, read as Grafana reads it. */
public final class GrafanaDashboard {
    public static final String FILE = "packaging/grafana/ovs-qos.json";

    /** One query of one panel. */
    public record Query(String panel, String refId, String expr) {
        /** The expression with the dashboard's variables replaced, as Grafana sends it to Prometheus. */
        public String expr(Map<String, String> variables) {
            String e = expr;
            for (Map.Entry<String, String> v : variables.entrySet()) {
                e = e.replace("$" + v.getKey(), v.getValue());
            }
            return e;
        }

        @Override
        public String toString() {
            return "\"" + panel + "\" " + refId + ": " + expr;
        }
    }

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");

    private final JsonNode root;

    private GrafanaDashboard(JsonNode root) {
        this.root = root;
    }

    public static GrafanaDashboard load() {
        Path file = RepositoryFile.of(FILE);
        try {
            return new GrafanaDashboard(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode root() {
        return root;
    }

    /** Every panel but the rows that group them. */
    public List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        root.path("panels").forEach(p -> {
            if (!p.path("type").asText().equals("row")) {
                panels.add(p);
            }
        });
        return panels;
    }

    public List<Query> queries() {
        List<Query> queries = new ArrayList<>();
        for (JsonNode panel : panels()) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(new Query(panel.path("title").asText(), target.path("refId").asText(),
                        target.path("expr").asText()));
            }
        }
        return queries;
    }

    /**
     * A query variable's {@code label_values(SELECTOR, LABEL)}, its variables replaced: the
     * selector and the label, as Grafana asks Prometheus for them.
     */
    public List<String> labelValuesQuery(String name, Map<String, String> variables) {
        String definition = new Query(name, "", variable(name).path("query").asText()).expr(variables);
        Matcher m = LABEL_VALUES.matcher(definition);
        if (!m.matches()) {
            throw new AssertionError("variable " + name + " is not label_values(SELECTOR, LABEL): " + definition);
        }
        return List.of(m.group(1).strip(), m.group(2).strip());
    }

    /** The template variable named {@code name}. */
    public JsonNode variable(String name) {
        for (JsonNode v : root.path("templating").path("list")) {
            if (v.path("name").asText().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no template variable " + name + " in " + FILE);
    }
}
