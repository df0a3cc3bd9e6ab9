package org.ovsqos.core.state;

import static org.ovsqos.core.state.StateFields.INTERFACES;
import static org.ovsqos.core.state.StateFields.VERSION;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.ovsqos.core.policy.StateRecord;

/** One pass over one file, streaming so that a truncated tail does not cost the head. */
final class StateReader {
    private final JsonFactory json;
    private final List<StateRecord> records = new ArrayList<>();
    private final StateProblems problems = new StateProblems();
    private final RecordReader recordReader = new RecordReader(problems);
    private final Set<String> seen = new HashSet<>();
    private int oldFormatRecords;
    /** Set when {@link StateCodec#MAX_RECORDS} stopped the reading. */
    private boolean full;

    StateReader(JsonFactory json) {
        this.json = json;
    }

    DecodedState read(byte[] bytes) {
        try (JsonParser p = json.createParser(bytes)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.addForFile("the state file is empty");
                return result();
            }
            if (first != JsonToken.START_OBJECT) {
                problems.addForFile("the state file is not a JSON object; nothing read");
                return result();
            }
            readTop(p);
        } catch (IOException | RuntimeException e) {
            problems.addForFile("the state file is damaged (" + firstLine(e) + "); kept the "
                    + records.size() + " record(s) read before the damage");
        }
        return result();
    }

    private DecodedState result() {
        return new DecodedState(records, problems.report(), !full, oldFormatRecords > 0);
    }

    private void readTop(JsonParser p) throws IOException {
        boolean versioned = false;
        boolean sawInterfaces = false;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME && !full; t = p.nextToken()) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals(VERSION)) {
                versioned = true;
                checkVersion(p);
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
                Optional<JsonNode> node = BoundedValue.read(p);
                oldFormatRecords++;
                accept(field, node, n -> recordReader.old(field, n));
            } else {
                p.skipChildren();
            }
        }
        if (sawInterfaces && !versioned) {
            problems.addForFile("the state file has no version; read it as version " + StateCodec.VERSION_CURRENT);
        }
    }

    private void checkVersion(JsonParser p) throws IOException {
        Optional<JsonNode> read = BoundedValue.read(p);
        if (read.isEmpty()) {
            problems.add("version is not a number; read as version " + StateCodec.VERSION_CURRENT);
            return;
        }
        JsonNode v = read.get();
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            problems.add("version " + RecordReader.show(v) + " is not a number; read as version "
                    + StateCodec.VERSION_CURRENT);
        } else if (v.intValue() > StateCodec.VERSION_CURRENT) {
            problems.add("the state file is version " + v.intValue()
                    + ", newer than this program's " + StateCodec.VERSION_CURRENT
                    + "; kept the records it could read");
        } else if (v.intValue() < StateCodec.VERSION_CURRENT) {
            problems.add("version " + v.intValue() + " is unknown; read as version "
                    + StateCodec.VERSION_CURRENT);
        }
    }

    private void readInterfaces(JsonParser p) throws IOException {
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME && !full; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            Optional<JsonNode> node = BoundedValue.read(p);
            accept(name, node, n -> recordReader.current(name, n));
        }
    }

    private void accept(String name, Optional<JsonNode> node, Function<JsonNode, Optional<StateRecord>> read) {
        if (node.isEmpty()) {
            problems.add(name + ": larger than a record can be (over "
                    + BoundedValue.MAX_TOKENS + " JSON tokens); record dropped");
            return;
        }
        if (records.size() == StateCodec.MAX_RECORDS) {
            problems.addForFile("the state file holds more records than the limit of " + StateCodec.MAX_RECORDS
                    + "; the rest were not read");
            full = true;
            return;
        }
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
            record = read.apply(node.get());
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
