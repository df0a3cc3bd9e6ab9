package org.ovsqos.core.state;

import static org.ovsqos.core.state.StateFields.BASE_KBPS;
import static org.ovsqos.core.state.StateFields.INTERFACES;
import static org.ovsqos.core.state.StateFields.LAST_MBPS;
import static org.ovsqos.core.state.StateFields.LAST_OBSERVED_AT;
import static org.ovsqos.core.state.StateFields.LAST_RX_BYTES;
import static org.ovsqos.core.state.StateFields.OVER_SINCE;
import static org.ovsqos.core.state.StateFields.PENALTY_UNTIL;
import static org.ovsqos.core.state.StateFields.STAGE;
import static org.ovsqos.core.state.StateFields.VERSION;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ovsqos.core.policy.InterfaceState;
import org.ovsqos.core.policy.StateRecord;

/**
 * The state file's codec. Version 1 is
 * <pre>{@code
 * {"version": 1,
 *  "interfaces": {"kvm101.0": {"stage": 1, "penalty_until": "2025-01-01T10:30:00Z",
 *                              "over_since": null, "last_rx_bytes": 123456,
 *                              "last_observed_at": "2025-01-01T10:00:00Z",
 *                              "last_mbps": 912.4, "base_kbps": 1000000}}}
 * }</pre>
 * The reader also accepts the old script's unversioned {@code state.json}, which sat at the same
 * path, so penalties survive the switch from the script to the daemon.
 */
public final class StateCodec {
    /** The version this codec writes. */
    public static final int VERSION_CURRENT = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private StateCodec() {}

    /** The file holding {@code records}; a second record of the same name is left out. */
    public static byte[] encode(Collection<StateRecord> records) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put(VERSION, VERSION_CURRENT);
        ObjectNode interfaces = root.putObject(INTERFACES);
        for (StateRecord r : records) {
            if (!interfaces.has(r.iface())) {
                interfaces.set(r.iface(), encode(r));
            }
        }
        try {
            return MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of plain values always serialises
        }
    }

    private static ObjectNode encode(StateRecord r) {
        InterfaceState s = r.state();
        ObjectNode o = MAPPER.createObjectNode();
        o.put(STAGE, s.tier());
        s.penaltyUntil().ifPresent(t -> o.put(PENALTY_UNTIL, t.toString()));
        s.overSince().ifPresent(t -> o.put(OVER_SINCE, t.toString()));
        s.baseline().ifPresent(b -> {
            o.put(LAST_RX_BYTES, b.rxBytes());
            o.put(LAST_OBSERVED_AT, b.observedAt().toString());
        });
        o.put(LAST_MBPS, s.lastMbps());
        r.baseKbps().ifPresent(b -> o.put(BASE_KBPS, b));
        return o;
    }

    /**
     * Reads whatever can be read. Never throws: damage costs the damaged record (a bad optional
     * field costs only that field), and a file cut short keeps every record before the cut.
     */
    public static DecodedState decode(byte[] bytes) {
        List<StateRecord> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        new Reader(records, problems).read(bytes);
        return new DecodedState(records, problems);
    }

    /** One pass over one file, streaming so that a truncated tail does not cost the head. */
    private static final class Reader {
        private final List<StateRecord> records;
        private final List<String> problems;
        private final RecordReader recordReader;
        private final Set<String> seen = new HashSet<>();
        private int oldFormatRecords;

        Reader(List<StateRecord> records, List<String> problems) {
            this.records = records;
            this.problems = problems;
            this.recordReader = new RecordReader(problems);
        }

        void read(byte[] bytes) {
            try (JsonParser p = MAPPER.createParser(bytes)) {
                JsonToken first = p.nextToken();
                if (first == null) {
                    problems.add("the state file is empty");
                    return;
                }
                if (first != JsonToken.START_OBJECT) {
                    problems.add("the state file is not a JSON object; nothing read");
                    return;
                }
                readTop(p);
            } catch (IOException | RuntimeException e) {
                problems.add("the state file is damaged (" + firstLine(e) + "); kept the "
                        + records.size() + " record(s) read before the damage");
            }
            if (oldFormatRecords > 0) {
                problems.add("the state file is in the old ovs_qos.py format; imported it");
            }
        }

        private void readTop(JsonParser p) throws IOException {
            boolean versioned = false;
            boolean sawInterfaces = false;
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals(VERSION)) {
                    versioned = true;
                    checkVersion(p.readValueAsTree());
                } else if (field.equals(INTERFACES)) {
                    sawInterfaces = true;
                    if (value == JsonToken.START_OBJECT) {
                        readInterfaces(p);
                    } else {
                        problems.add("\"interfaces\" is not an object; no records in it");
                        p.skipChildren();
                    }
                } else if (value == JsonToken.START_OBJECT) {
                    // The old script's file: one object per interface at the top level.
                    JsonNode node = p.readValueAsTree();
                    oldFormatRecords++;
                    accept(field, () -> recordReader.old(field, node));
                } else {
                    p.skipChildren();
                }
            }
            if (sawInterfaces && !versioned) {
                problems.add("the state file has no version; read it as version " + VERSION_CURRENT);
            }
        }

        private void checkVersion(JsonNode v) {
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                problems.add("version " + RecordReader.show(v) + " is not a number; read as version "
                        + VERSION_CURRENT);
            } else if (v.intValue() > VERSION_CURRENT) {
                problems.add("the state file is version " + v.intValue()
                        + ", newer than this program's " + VERSION_CURRENT
                        + "; kept the records it could read");
            } else if (v.intValue() < VERSION_CURRENT) {
                problems.add("version " + v.intValue() + " is unknown; read as version "
                        + VERSION_CURRENT);
            }
        }

        private void readInterfaces(JsonParser p) throws IOException {
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                p.nextToken();
                JsonNode node = p.readValueAsTree();
                accept(name, () -> recordReader.current(name, node));
            }
        }

        private void accept(String name, java.util.function.Supplier<Optional<StateRecord>> read) {
            if (name.isEmpty()) {
                problems.add("a record with an empty interface name was dropped");
                return;
            }
            if (seen.contains(name)) {
                problems.add(name + ": appears more than once; the first record is kept");
                return;
            }
            Optional<StateRecord> record;
            try {
                record = read.get();
            } catch (RuntimeException e) {
                problems.add(name + ": " + firstLine(e) + "; record dropped");
                return;
            }
            record.ifPresent(r -> {
                seen.add(name);
                records.add(r);
            });
        }

        private static String firstLine(Exception e) {
            String message = e instanceof JsonProcessingException j
                    ? j.getOriginalMessage() + (j.getLocation() == null ? ""
                            : " at line " + j.getLocation().getLineNr() + ", column "
                                    + j.getLocation().getColumnNr())
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            int newline = message.indexOf('\n');
            message = newline < 0 ? message : message.substring(0, newline);
            return message.length() <= 200 ? message : message.substring(0, 199) + "…";
        }
    }
}
