package org.ovsqos.docker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalLong;

/** One element of {@code ovs-qos list --json} (the command-line contract in the README, "Operating it"). */
record ManagedInterface(String name, int stage, Policing limit, long baseKbps, OptionalLong penaltyUntil,
        double lastMbps, boolean present) {

    static ManagedInterface fromJson(JsonNode o) {
        JsonNode until = o.path("penalty_until");
        return new ManagedInterface(
                required(o, "interface").asText(),
                required(o, "stage").asInt(),
                new Policing(required(o, "limit_kbps").asLong(), required(o, "burst_kb").asLong()),
                required(o, "base_kbps").asLong(),
                until.isNumber() ? OptionalLong.of(until.asLong()) : OptionalLong.empty(),
                required(o, "last_mbps").asDouble(),
                required(o, "present").asBoolean());
    }

    private static JsonNode required(JsonNode o, String field) {
        JsonNode value = o.get(field);
        if (value == null || value.isNull()) {
            throw new AssertionError("list --json element without \"" + field + "\": " + o);
        }
        return value;
    }
}
