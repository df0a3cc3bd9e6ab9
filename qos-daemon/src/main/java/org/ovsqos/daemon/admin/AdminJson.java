package org.ovsqos.daemon.admin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.ovsqos.json.JsonTrees;

/**
 * The admin socket's JSON, both ways, written by hand rather than by data binding so that the
 * field names of the command-line contract ({@code list --json}) are spelled out in one place
 * and cannot drift with a rename in Java.
 *
 * <p>Wire format: one request per connection, a JSON object ended by a newline (or by the
 * client's half-close), e.g. {@code {"command":"release","interface":"kvm101.0"}}; one response,
 * {@code {"ok":true,"result":...}} or {@code {"ok":false,"error":"..."}} (with {@code "pending":true}
 * when the command was done but its OVSDB write is not committed), then the server closes.
 *
 * <p>What it writes is safe on a terminal ({@code list --json} prints it): JSON escapes only C0
 * controls, so DEL, the C1 controls (U+0080..U+009F, which some terminals obey as ESC sequences)
 * and invisible formatting characters such as bidi overrides become <code>&#92;uXXXX</code> escapes too. The
 * text means the same to any JSON reader.
 */
public final class AdminJson {
    public static final String COMMAND = "command";
    public static final String INTERFACE = "interface";
    public static final String OK = "ok";
    public static final String RESULT = "result";
    public static final String ERROR = "error";
    public static final String MESSAGE = "message";
    /** Beside {@code "ok":false}: the command was carried out, but its OVSDB write is not committed. */
    public static final String PENDING = "pending";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final JsonFactory JSON = new JsonFactoryBuilder()
            .characterEscapes(new TerminalSafeEscapes()).build();

    public JsonNode parse(byte[] bytes) throws IOException {
        return JsonTrees.parse(JSON, bytes);
    }

    public byte[] bytes(JsonNode node) {
        return JsonTrees.bytes(JSON, node);
    }

    /** One response as the admin socket sends it: the JSON and a newline. */
    public byte[] line(JsonNode node) {
        byte[] body = bytes(node);
        byte[] line = Arrays.copyOf(body, body.length + 1);
        line[body.length] = '\n';
        return line;
    }

    public String text(JsonNode node) {
        return JsonTrees.text(JSON, node);
    }

    // --- requests and responses

    public static ObjectNode request(AdminCommand command) {
        return NODES.objectNode().put(COMMAND, command.wireName());
    }

    public static ObjectNode success(JsonNode result) {
        ObjectNode response = NODES.objectNode().put(OK, true);
        response.set(RESULT, result);
        return response;
    }

    public static ObjectNode failure(String error) {
        return NODES.objectNode().put(OK, false).put(ERROR, error);
    }

    /** A command done in the daemon whose OVSDB write is pending ({@link CommandPendingException}). */
    public static ObjectNode pending(String error) {
        return failure(error).put(PENDING, true);
    }

    public static ObjectNode message(String message) {
        return NODES.objectNode().put(MESSAGE, message);
    }

    // --- list

    /** The {@code list} result: the contract's fields, sorted by interface name. */
    public static ArrayNode interfaces(Collection<InterfaceView> views, Instant now) {
        List<InterfaceView> sorted = new ArrayList<>(views);
        sorted.sort(Comparator.comparing(InterfaceView::name));
        ArrayNode array = NODES.arrayNode(sorted.size());
        for (InterfaceView view : sorted) {
            array.add(toJson(view, now));
        }
        return array;
    }

    static ObjectNode toJson(InterfaceView v, Instant now) {
        ObjectNode o = NODES.objectNode();
        o.put("interface", v.name());
        o.put("stage", v.stage());
        o.put("limit_kbps", v.limitKbps());
        o.put("burst_kb", v.burstKb());
        o.put("base_kbps", v.baseKbps());
        putEpoch(o, "penalty_until", v.penaltyUntil());
        OptionalLong remaining = v.remainingSeconds(now);
        if (remaining.isPresent()) {
            o.put("remaining_seconds", remaining.getAsLong());
        } else {
            o.putNull("remaining_seconds");
        }
        o.put("last_mbps", round(v.lastMbps()));
        if (v.nowMbps().isPresent()) {
            o.put("now_mbps", round(v.nowMbps().getAsDouble()));
        } else {
            o.putNull("now_mbps");
        }
        o.put("present", v.present());
        o.put("vm_id", v.vmId().orElse(null));
        return o;
    }

    public static List<InterfaceView> interfacesFromJson(JsonNode array) {
        requireType(array.isArray(), "list result must be an array");
        List<InterfaceView> views = new ArrayList<>(array.size());
        for (JsonNode o : array) {
            views.add(new InterfaceView(
                    required(o, "interface").asText(),
                    required(o, "stage").asInt(),
                    required(o, "limit_kbps").asLong(),
                    required(o, "burst_kb").asLong(),
                    required(o, "base_kbps").asLong(),
                    epoch(o, "penalty_until"),
                    required(o, "last_mbps").asDouble(),
                    isNull(o, "now_mbps") ? OptionalDouble.empty() : OptionalDouble.of(o.get("now_mbps").asDouble()),
                    required(o, "present").asBoolean(),
                    isNull(o, "vm_id") ? Optional.empty() : Optional.of(o.get("vm_id").asText())));
        }
        return views;
    }

    // --- status

    public static ObjectNode toJson(DaemonStatus s, Instant now) {
        ObjectNode o = NODES.objectNode();
        o.put("version", s.version());
        o.put("pid", s.pid());
        o.put("started_at", s.startedAt().getEpochSecond());
        o.put("uptime_seconds", Math.max(0, Duration.between(s.startedAt(), now).getSeconds()));
        ObjectNode db = o.putObject("ovsdb");
        db.put("state", s.ovsdb().state().jsonName());
        db.put("endpoint", s.ovsdb().endpoint());
        putEpoch(db, "since", s.ovsdb().since());
        if (s.ovsdb().lastError().isPresent()) {
            db.put("last_error", s.ovsdb().lastError().get());
        } else {
            db.putNull("last_error");
        }
        db.put("failed_attempts", s.ovsdb().failedAttempts());
        o.put("managed_interfaces", s.managedInterfaces());
        putEpoch(o, "last_tick", s.lastTick());
        ObjectNode tiers = o.putObject("penalties_by_tier");
        s.penaltiesByTier().forEach((tier, count) -> tiers.put(Integer.toString(tier), count));
        o.put("config_path", s.configPath());
        o.put("dry_run", s.dryRun());
        s.stateFile().ifPresent(f -> {
            ObjectNode file = o.putObject("state_file");
            file.put("path", f.path());
            putEpoch(file, "last_saved", f.lastSaved());
            if (f.error().isPresent()) {
                file.put("error", f.error().get());
            } else {
                file.putNull("error");
            }
        });
        return o;
    }

    public static DaemonStatus statusFromJson(JsonNode o) {
        requireType(o.isObject(), "status result must be an object");
        JsonNode db = required(o, "ovsdb");
        TreeMap<Integer, Integer> tiers = new TreeMap<>();
        required(o, "penalties_by_tier").properties()
                .forEach(e -> tiers.put(Integer.parseInt(e.getKey()), e.getValue().asInt()));
        return new DaemonStatus(
                required(o, "version").asText(),
                required(o, "pid").asLong(),
                Instant.ofEpochSecond(required(o, "started_at").asLong()),
                new OvsdbLink(
                        ConnectionState.fromJsonName(required(db, "state").asText()),
                        required(db, "endpoint").asText(),
                        epoch(db, "since"),
                        isNull(db, "last_error") ? Optional.empty() : Optional.of(db.get("last_error").asText()),
                        db.path("failed_attempts").asInt(0)), // absent from a daemon older than this CLI
                required(o, "managed_interfaces").asInt(),
                epoch(o, "last_tick"),
                tiers,
                required(o, "config_path").asText(),
                required(o, "dry_run").asBoolean(),
                stateFileFromJson(o.get("state_file")));
    }

    // Optional: a daemon older than the field does not send it.
    private static Optional<StateFileStatus> stateFileFromJson(JsonNode f) {
        if (f == null || !f.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new StateFileStatus(required(f, "path").asText(), epoch(f, "last_saved"),
                isNull(f, "error") ? Optional.empty() : Optional.of(f.get("error").asText())));
    }

    // --- helpers

    private static final class TerminalSafeEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        TerminalSafeEscapes() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // Called for non-ASCII characters only; null writes the character as it is.
            return switch (Character.getType(ch)) {
                case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
                        new SerializedString(String.format("\\u%04X", ch));
                default -> null;
            };
        }
    }

    // Three decimals: a rate finer than a kbit/s means nothing here and only clutters the output.
    private static double round(double mbps) {
        return Math.round(mbps * 1000.0) / 1000.0;
    }

    private static void putEpoch(ObjectNode o, String field, Optional<Instant> instant) {
        if (instant.isPresent()) {
            o.put(field, instant.get().getEpochSecond());
        } else {
            o.putNull(field);
        }
    }

    private static Optional<Instant> epoch(JsonNode o, String field) {
        return isNull(o, field) ? Optional.empty() : Optional.of(Instant.ofEpochSecond(o.get(field).asLong()));
    }

    private static boolean isNull(JsonNode o, String field) {
        JsonNode value = o.get(field);
        return value == null || value.isNull();
    }

    private static JsonNode required(JsonNode o, String field) {
        JsonNode value = o.get(field);
        if (value == null || value.isNull()) {
            throw new AdminCommandException("malformed answer from the daemon: no \"" + field + "\"");
        }
        return value;
    }

    private static void requireType(boolean ok, String message) {
        if (!ok) {
            throw new AdminCommandException("malformed answer from the daemon: " + message);
        }
    }
}
