package org.ovsqos.ovsdb.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ovsqos.ovsdb.cache.TestSchemas.INTEGER;
import static org.ovsqos.ovsdb.cache.TestSchemas.KINDS_DB;
import static org.ovsqos.ovsdb.cache.TestSchemas.STRING;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ovsqos.ovsdb.monitor.MonitorRequest;
import org.ovsqos.ovsdb.monitor.TableUpdates;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.OvsdbSet;
import org.ovsqos.ovsdb.notation.Row;
import org.ovsqos.ovsdb.schema.ColumnSchema;
import org.ovsqos.ovsdb.schema.ColumnType;
import org.ovsqos.ovsdb.schema.DatabaseSchema;
import org.ovsqos.ovsdb.schema.TableSchema;

/** A cache made before its schema is known, as a replica's is, and bound later. */
class SchemaBindingTest {
    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    private final RecordingListener events = new RecordingListener();
    private final TableCache cache = TableCache.create(Map.of("K", MonitorRequest.columns("str", "int")), Runnable::run);

    @Test
    void readsAsEmptyAndTakesListenersBeforeItsSchemaIsKnown() {
        cache.addListener(events, true);

        assertThat(cache.hasSchema()).isFalse();
        assertThat(cache.rows("K")).isEmpty();
        assertThat(cache.snapshot().size()).isZero();
        assertThatThrownBy(cache::schema).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cache.rows("Other")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsUpdatesUntilASchemaIsBoundAndStaysEmpty() {
        TableUpdates insert = TableUpdates.builder().insert("K", A, Row.of("str", Atom.string("x"))).build();

        assertThatThrownBy(() -> cache.apply(insert)).isInstanceOf(CacheUpdateException.class)
                .hasMessageContaining("no schema bound yet");
        assertThatThrownBy(() -> cache.replaceAll(insert)).isInstanceOf(CacheUpdateException.class)
                .hasMessageContaining("no schema bound yet");
        assertThat(cache.rows("K")).isEmpty();
    }

    @Test
    void appliesUpdatesOnceBoundAndDeliversEventsToEarlierListeners() {
        cache.addListener(events);

        assertThat(cache.bind(KINDS_DB)).isTrue();
        cache.replaceAll(TableUpdates.builder().initial("K", A, Row.of("str", Atom.string("x"))).build());

        assertThat(cache.schema()).isEqualTo(KINDS_DB);
        assertThat(cache.row("K", A).orElseThrow().get("int")).isEqualTo(Atom.integer(0));
        assertThat(events.events()).hasSize(1).first().isInstanceOf(RowEvent.Inserted.class);
    }

    @Test
    void bindingTheSameSchemaAgainChangesNothing() {
        cache.bind(KINDS_DB);

        assertThat(cache.bind(new DatabaseSchema("Kinds", "1.0.0", Optional.empty(), KINDS_DB.tables()))).isFalse();
    }

    @Test
    void refusesASchemaThatLacksAMonitoredColumnAndKeepsTheOldOne() {
        cache.bind(KINDS_DB);
        DatabaseSchema without = new DatabaseSchema("Kinds", "2.0.0", Optional.empty(),
                Map.of("K", TableSchema.of("K", ColumnSchema.of("str", ColumnType.scalar(STRING)))));

        assertThatThrownBy(() -> cache.bind(without)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column int");
        assertThat(cache.schema()).isEqualTo(KINDS_DB);
    }

    @Test
    void readsLaterContentWithANewSchema() {
        cache.bind(KINDS_DB);
        cache.replaceAll(TableUpdates.builder().initial("K", A, Row.of("str", Atom.string("x"))).build());
        // Version 2 widens "int" to an optional integer: its default becomes the empty set.
        DatabaseSchema v2 = new DatabaseSchema("Kinds", "2.0.0", Optional.empty(), Map.of("K", TableSchema.of("K",
                ColumnSchema.of("str", ColumnType.scalar(STRING)), ColumnSchema.of("int", ColumnType.optional(INTEGER)))));

        assertThat(cache.bind(v2)).isTrue();
        cache.replaceAll(TableUpdates.builder().initial("K", A, Row.of("str", Atom.string("x"))).build());

        assertThat(cache.row("K", A).orElseThrow().get("int")).isEqualTo(OvsdbSet.empty());
    }
}
