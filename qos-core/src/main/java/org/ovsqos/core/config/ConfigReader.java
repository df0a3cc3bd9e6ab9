package org.ovsqos.core.config;

import static org.ovsqos.core.config.Keys.BASE_RATE_MBIT;
import static org.ovsqos.core.config.Keys.BASE_RATE_OVERRIDES;
import static org.ovsqos.core.config.Keys.BURST_FRACTION;
import static org.ovsqos.core.config.Keys.BURST_MIN_KB;
import static org.ovsqos.core.config.Keys.DRY_RUN;
import static org.ovsqos.core.config.Keys.EXCLUDE_REGEXES;
import static org.ovsqos.core.config.Keys.IFACE_NAME_REGEXES;
import static org.ovsqos.core.config.Keys.LOG_LEVEL;
import static org.ovsqos.core.config.Keys.METRICS_LISTEN;
import static org.ovsqos.core.config.Keys.SAMPLE_INTERVAL_SEC;
import static org.ovsqos.core.config.Keys.STATE_PATH;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.ovsqos.json.JsonTrees;
import org.ovsqos.json.JsonTrees.Floats;

/** One parse of one file: walks the keys, collecting values and problems. Not reusable. */
final class ConfigReader {
    static final JsonFactory JSON = new JsonFactory();

    private final ConfigProblems problems = new ConfigProblems();
    private final Fields fields = new Fields(problems);

    ConfigResult read(byte[] bytes) {
        if (bytes.length > ConfigParser.MAX_FILE_BYTES) {
            return unusable("the file is " + bytes.length + " bytes, over the limit of "
                    + ConfigParser.MAX_FILE_BYTES);
        }
        JsonNode root;
        try {
            root = tree(bytes);
        } catch (IOException e) {
            return unusable("the file is not valid JSON: " + describe(e));
        }
        if (root == null || root.isMissingNode()) {
            return unusable("the file is empty; expected a JSON object");
        }
        if (!root.isObject()) {
            return unusable("expected a JSON object, found " + Fields.kind(root));
        }
        reportDuplicateKeys(bytes);

        QosConfigBuilder b = QosConfig.builder();
        fields.number(root, BASE_RATE_MBIT, Range.BASE_MBIT,
                        "using default " + Values.mbit(QosConfig.DEFAULT_BASE_KBPS))
                .ifPresent(mbit -> b.baseKbps(RateUnits.kbpsFromMbit(mbit)));
        RegexReader regexes = new RegexReader(problems);
        Optional<List<NamePattern>> include = regexes.include(root.get(IFACE_NAME_REGEXES));
        include.ifPresent(b::ifaceNameRegexes);
        Duration interval = fields.seconds(root, SAMPLE_INTERVAL_SEC, Range.INTERVAL_SECONDS,
                        "using default " + Values.seconds(QosConfig.DEFAULT_SAMPLE_INTERVAL))
                .orElse(QosConfig.DEFAULT_SAMPLE_INTERVAL);
        b.sampleInterval(interval);
        TierReader tierReader = new TierReader(fields, problems);
        List<Tier> tiers = tierReader.read(root);
        b.tiers(tiers);
        b.baseRateOverrides(new OverrideReader(fields, regexes, problems)
                .read(root.get(BASE_RATE_OVERRIDES)));
        b.excludeRegexes(regexes.exclude(root.get(EXCLUDE_REGEXES)));
        fields.number(root, BURST_FRACTION, Range.FRACTION,
                        "using default " + Values.fraction(QosConfig.DEFAULT_BURST_FRACTION))
                .ifPresent(f -> b.burstFraction(f.doubleValue()));
        fields.wholeNumber(root, BURST_MIN_KB, Range.BURST_MIN_KB,
                        "using default " + QosConfig.DEFAULT_BURST_MIN_KB)
                .ifPresent(b::burstMinKb);
        fields.bool(root, DRY_RUN, "using default " + QosConfig.DEFAULT_DRY_RUN)
                .ifPresent(b::dryRun);
        readStatePath(root.get(STATE_PATH)).ifPresent(b::statePath);
        readMetricsListen(root.get(METRICS_LISTEN)).ifPresent(b::metricsListen);
        readLogLevel(root.get(LOG_LEVEL)).ifPresent(b::logLevel);
        reportUnknownKeys(root);
        problems.addAll(TierReach.unreachable(tiers, interval, tierReader::triggerKey));
        // Unusable or not, every key was checked, so validate-config lists every problem.
        return new ConfigResult(include.map(ok -> b.build()), problems.report());
    }

    private ConfigResult unusable(String message) {
        problems.add(ConfigProblem.error("", message));
        return new ConfigResult(Optional.empty(), problems.report());
    }

    /** One of the levels, in any case ({@code "DEBUG"} as well). */
    private Optional<String> readLogLevel(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        String level = node.isTextual() ? node.textValue().toLowerCase(Locale.ROOT) : "";
        if (QosConfig.LOG_LEVELS.contains(level)) {
            return Optional.of(level);
        }
        problems.add(ConfigProblem.warning(LOG_LEVEL, Values.render(node) + " is not one of "
                + String.join(", ", QosConfig.LOG_LEVELS) + "; using default "
                + Values.quote(QosConfig.DEFAULT_LOG_LEVEL)));
        return Optional.empty();
    }

    private Optional<Path> readStatePath(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        String usingDefault = "; using default " + Values.quote(QosConfig.DEFAULT_STATE_PATH.toString());
        if (!node.isTextual()) {
            problems.add(ConfigProblem.warning(STATE_PATH,
                    Values.render(node) + " is not a string" + usingDefault));
            return Optional.empty();
        }
        try {
            Path path = Path.of(node.textValue());
            if (path.isAbsolute()) {
                return Optional.of(path);
            }
        } catch (InvalidPathException e) {
            // reported below like any other unusable path
        }
        problems.add(ConfigProblem.warning(STATE_PATH,
                Values.render(node) + " is not an absolute path" + usingDefault));
        return Optional.empty();
    }

    private Optional<Optional<ListenAddress>> readMetricsListen(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isNull() || (node.isBoolean() && !node.booleanValue())
                || (node.isTextual() && node.textValue().isEmpty())) {
            return Optional.of(Optional.empty());
        }
        Optional<ListenAddress> parsed = node.isTextual()
                ? ListenAddress.parse(node.textValue()) : Optional.empty();
        if (parsed.isEmpty()) {
            problems.add(ConfigProblem.warning(METRICS_LISTEN, Values.render(node)
                    + " is not HOST:PORT, [IPV6]:PORT or :PORT; using default null (metrics off)"));
            return Optional.empty();
        }
        return Optional.of(parsed);
    }

    /**
     * The file's one value; floats as BigDecimal, so that ranges and fractional seconds are
     * checked on the written text. Anything after the value makes the file unusable.
     */
    private static JsonNode tree(byte[] bytes) throws IOException {
        try (JsonParser p = JSON.createParser(bytes)) {
            JsonNode root = JsonTrees.read(p, Floats.BIG_DECIMAL);
            if (!root.isMissingNode() && p.nextToken() != null) {
                throw new JsonParseException(p, "unexpected " + p.currentToken().asString()
                        + " after the end of the JSON value");
            }
            return root;
        }
    }

    private void reportUnknownKeys(JsonNode root) {
        fields.reportUnknown(root, "", new HashSet<>(Keys.ALL));
    }

    /** A tree keeps only the last of duplicate keys; the operator should hear that. */
    private void reportDuplicateKeys(byte[] bytes) {
        try (JsonParser p = JSON.createParser(bytes)) {
            Deque<Set<String>> open = new ArrayDeque<>();
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT) {
                    open.push(new HashSet<>());
                } else if (t == JsonToken.END_OBJECT) {
                    open.pop();
                } else if (t == JsonToken.FIELD_NAME && !open.peek().add(p.currentName())) {
                    problems.add(ConfigProblem.warning(path(p),
                            "appears more than once; the last value is used"));
                }
            }
        } catch (IOException e) {
            // cannot happen: the same bytes were just parsed as a tree
        }
    }

    /** The parser's position as a problem key: {@code tiers[0].usage_fraction}. */
    private static String path(JsonParser p) {
        List<String> segments = new ArrayList<>();
        for (var c = p.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            segments.add(0, c.inArray() ? "[" + c.getCurrentIndex() + "]"
                    : Values.keyName(c.getCurrentName()));
        }
        StringBuilder out = new StringBuilder();
        for (String s : segments) {
            if (!s.startsWith("[") && out.length() > 0) {
                out.append('.');
            }
            out.append(s);
        }
        return out.toString();
    }

    private static String describe(IOException e) {
        if (e instanceof JacksonException je && je.getLocation() != null) {
            return je.getOriginalMessage() + " (line " + je.getLocation().getLineNr()
                    + ", column " + je.getLocation().getColumnNr() + ")";
        }
        return String.valueOf(e.getMessage());
    }
}
