package org.ovsqos.ovsdb.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.Condition;
import org.ovsqos.ovsdb.notation.Row;

/** Construction: obviously invalid arguments fail at once; values are immutable. */
class OperationTest {

    @Test
    void rejectsNullOrBlankTable() {
        assertThatThrownBy(() -> Operation.select(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("table");
        assertThatThrownBy(() -> Operation.delete(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Operation.insert("", Row.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allowsEmptyWhere() {
        assertThat(Operation.delete("Port", List.of()).where()).isEmpty();
    }

    @Test
    void rejectsNullConditionsAndRows() {
        var where = new ArrayList<Condition>();
        where.add(null);
        assertThatThrownBy(() -> Operation.select("T", where)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("where");
        assertThatThrownBy(() -> Operation.update("T", List.of(), null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void copiesListsSoLaterChangesDoNotLeakIn() {
        var where = new ArrayList<Condition>(List.of(Condition.equal("a", Atom.integer(1))));
        Select select = Operation.select("T", where);
        where.add(Condition.equal("b", Atom.integer(2)));
        assertThat(select.where()).hasSize(1);
        assertThatThrownBy(() -> select.where().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void updateRefusesReadOnlyColumns() {
        assertThatThrownBy(() -> Operation.update("T", List.of(), Row.of("_uuid", Atom.uuid(OperationJsonTest.U))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("_uuid");
        assertThatThrownBy(() -> Operation.update("T", List.of(), Row.of("_version", Atom.uuid(OperationJsonTest.U))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void uuidNameAndLockMustBeIds() {
        assertThatThrownBy(() -> Operation.insert("T", Row.empty(), "new-row")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Operation.assertLock("my lock")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Operation.insert("T", Row.empty(), "_new1").uuidName()).contains("_new1");
    }

    @Test
    void withMethodsReturnNewValues() {
        Select select = Operation.select("T");
        Select narrowed = select.withColumns("name");
        assertThat(select.columns()).isEmpty();
        assertThat(narrowed.columns()).contains(List.of("name"));

        Wait wait = Operation.waitUntil("T", List.of(), List.of("name"), Wait.Until.EQUAL, List.of());
        assertThat(wait.withTimeout(50).timeoutMillis()).isEqualTo(OptionalLong.of(50));
        assertThat(wait.timeoutMillis()).isEmpty();

        Insert insert = Operation.insert("T", Row.empty());
        assertThat(insert.withUuidName("r").uuidName()).contains("r");
        assertThat(insert.uuidName()).isEmpty();
    }

    @Test
    void waitRejectsNegativeTimeout() {
        Wait wait = Operation.waitUntil("T", List.of(), List.of(), Wait.Until.EQUAL, List.of());
        assertThatThrownBy(() -> wait.withTimeout(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void opNamesAreTheRfcStrings() {
        assertThat(List.of(Operation.insert("T", Row.empty()), Operation.select("T"),
                        Operation.update("T", List.of(), Row.empty()), Operation.mutate("T", List.of()),
                        Operation.delete("T"), Operation.waitUntil("T", List.of(), List.of(), Wait.Until.EQUAL, List.of()),
                        Operation.commit(false), Operation.abort(), Operation.comment(""), Operation.assertLock("l")))
                .extracting(Operation::op)
                .containsExactly("insert", "select", "update", "mutate", "delete", "wait", "commit", "abort",
                        "comment", "assert");
    }
}
