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

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import org.ovsqos.core.policy.InterfaceState;
import org.ovsqos.core.policy.StateRecord;
import org.ovsqos.json.JsonTrees;

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

    /**
     * The most records {@link #decode} returns: twice the 10,000 interfaces a host is sized for.
     * Each decoded record costs a few hundred bytes of heap, and a damaged file of tiny records
     * ({@code "a":{"stage":0}}) could otherwise hold hundreds of thousands within the byte limit.
     */
    public static final int MAX_RECORDS = 20_000;

    /**
     * The largest state file worth reading: {@link #MAX_RECORDS} records of about 400 bytes, the
     * size of a record with every field set and a long interface name (15 characters make 332).
     */
    public static final int MAX_FILE_BYTES = 8 * 1024 * 1024;

    /**
     * The most problems {@link #decode} lists; the rest are counted in one last line. A log line
     * per problem is what an operator reads, and a damaged file can hold a problem every few bytes.
     */
    public static final int MAX_PROBLEMS = 50;

    /**
     * The longest interface name or string value read, in characters. Names of real interfaces
     * are short (Linux allows 15); without a bound one string of a damaged file could take four
     * times its size in heap while it is parsed.
     */
    static final int MAX_STRING_CHARS = 64 * 1024;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_STRING_CHARS).maxNameLength(MAX_STRING_CHARS).build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StateCodec() {}

    /** The file holding {@code records}; a second record of the same name is left out. */
    public static byte[] encode(Collection<StateRecord> records) {
        ObjectNode root = NODES.objectNode();
        root.put(VERSION, VERSION_CURRENT);
        ObjectNode interfaces = root.putObject(INTERFACES);
        for (StateRecord r : records) {
            if (!interfaces.has(r.iface())) {
                interfaces.set(r.iface(), encode(r));
            }
        }
        return JsonTrees.indentedBytes(JSON, root);
    }

    private static ObjectNode encode(StateRecord r) {
        InterfaceState s = r.state();
        ObjectNode o = NODES.objectNode();
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
     * Bytes beyond {@link #MAX_FILE_BYTES} are not read at all, and reading stops at
     * {@link #MAX_RECORDS} records; either way the result is not {@link DecodedState#complete()}.
     */
    public static DecodedState decode(byte[] bytes) {
        if (bytes.length > MAX_FILE_BYTES) {
            return new DecodedState(List.of(), List.of("the state file is " + bytes.length
                    + " bytes, over the limit of " + MAX_FILE_BYTES + "; nothing read"), false, false);
        }
        return new StateReader(JSON).read(bytes);
    }
}
