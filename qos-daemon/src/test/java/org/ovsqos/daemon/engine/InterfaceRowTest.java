package org.ovsqos.daemon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ovsqos.core.policy.Limit;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.OvsdbMap;
import org.ovsqos.ovsdb.notation.Row;
import org.ovsqos.ovsdb.notation.Value;

class InterfaceRowTest {
    private static final UUID ID = Rows.uuid(1);
    private static final Limit LIMIT = new Limit(1_000_000, 100_000);

    @Test
    void readsTheColumnsTheDaemonUses() {
        Row row = with(Rows.row(ID, "kvm1.0", 1234, LIMIT), "external_ids",
                OvsdbMap.ofStrings(Map.of("ovs-qos-base-mbit", "300", "vm-id", "0f8e")));

        InterfaceRow read = InterfaceRow.from(ID, row);

        assertThat(read).isEqualTo(new InterfaceRow(ID, "kvm1.0", OptionalLong.of(1234), 1_000_000, 100_000,
                Optional.of("300"), Optional.of("0f8e")));
    }

    @Test
    void oddColumnsReadAsAbsent() {
        Row row = new Row(Map.of("name", Atom.integer(7), "statistics", OvsdbMap.of(Atom.string("rx_bytes"),
                Atom.string("many")), "ingress_policing_rate", Atom.string("fast"), "external_ids", Atom.string("x")));

        assertThat(InterfaceRow.from(ID, row)).isEqualTo(new InterfaceRow(ID, "", OptionalLong.empty(), 0, 0,
                Optional.empty(), Optional.empty()));
        assertThat(InterfaceRow.from(ID, Rows.row(ID, "kvm1.0", -5, LIMIT)).rxBytes()).isEmpty();
    }

    @Test
    void aStatisticsUpdateChangesNothingElse() {
        InterfaceRow before = InterfaceRow.from(ID, Rows.row(ID, "kvm1.0", 1000, LIMIT));

        assertThat(before.sameBesidesStatistics(InterfaceRow.from(ID, Rows.row(ID, "kvm1.0", 2000, LIMIT)))).isTrue();
        assertThat(before.sameBesidesStatistics(InterfaceRow.from(ID, Rows.row(ID, "kvm2.0", 1000, LIMIT)))).isFalse();
        assertThat(before.sameBesidesStatistics(
                InterfaceRow.from(ID, Rows.row(ID, "kvm1.0", 1000, new Limit(900_000, 90_000))))).isFalse();
        Row planned = with(Rows.row(ID, "kvm1.0", 1000, LIMIT), "external_ids",
                OvsdbMap.ofStrings(Map.of("ovs-qos-base-mbit", "300")));
        assertThat(before.sameBesidesStatistics(InterfaceRow.from(ID, planned))).isFalse();
        Row named = with(Rows.row(ID, "kvm1.0", 1000, LIMIT), "external_ids", OvsdbMap.ofStrings(Map.of("vm-id", "1")));
        assertThat(before.sameBesidesStatistics(InterfaceRow.from(ID, named))).isFalse();
    }

    private static Row with(Row row, String column, Value value) {
        Map<String, Value> columns = new LinkedHashMap<>(row.columns());
        columns.put(column, value);
        return new Row(columns);
    }
}
