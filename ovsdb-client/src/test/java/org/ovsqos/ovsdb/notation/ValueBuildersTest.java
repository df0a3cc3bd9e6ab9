package org.ovsqos.ovsdb.notation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The builders of maps, sets and rows, which hand their content to the value without a second
 * copy: what they build must be indistinguishable from what the constructors build, and nothing
 * done with a builder afterwards may reach the value.
 */
class ValueBuildersTest {
    private static final Atom A = Atom.string("a");
    private static final Atom B = Atom.string("b");
    private static final Atom C = Atom.string("c");

    @Test
    void mapBuilderBuildsWhatTheConstructorBuildsInTheSameOrder() {
        OvsdbMap built = OvsdbMap.builder().put(A, Atom.integer(1)).put(B, Atom.integer(2)).put(A, Atom.integer(3)).build();

        var plain = new LinkedHashMap<Atom, Atom>();
        plain.put(A, Atom.integer(3));
        plain.put(B, Atom.integer(2));
        assertThat(built).isEqualTo(new OvsdbMap(plain)).hasSameHashCodeAs(new OvsdbMap(plain));
        assertThat(built.entries().keySet()).as("a replaced key keeps its place").containsExactly(A, B);
        assertThat(built.toString()).isEqualTo(new OvsdbMap(plain).toString());
    }

    @Test
    void builtMapIsImmutable() {
        OvsdbMap built = OvsdbMap.builder(1).put(A, B).build();

        assertThatThrownBy(() -> built.entries().put(B, C)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> built.entries().entrySet().iterator().next().setValue(C))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> built.entries().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void mapBuilderIsUnusableAfterBuildSoItCannotChangeTheMap() {
        OvsdbMap.Builder builder = OvsdbMap.builder().put(A, B);
        OvsdbMap built = builder.build();

        assertThatThrownBy(() -> builder.put(C, C)).isInstanceOf(IllegalStateException.class).hasMessageContaining("built");
        assertThatThrownBy(() -> builder.remove(A)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder.get(A)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(builder::size).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
        assertThat(built).isEqualTo(OvsdbMap.of(A, B));
    }

    @Test
    void mapBuilderRejectsNullsWhenPutAndKeepsWhatItHad() {
        OvsdbMap.Builder builder = OvsdbMap.builder().put(A, B);

        assertThatThrownBy(() -> builder.put(null, B)).isInstanceOf(NullPointerException.class).hasMessage("map key");
        assertThatThrownBy(() -> builder.put(C, null)).isInstanceOf(NullPointerException.class).hasMessage("map value");
        assertThat(builder.size()).isEqualTo(1);
        assertThat(builder.get(C)).isNull();
        assertThat(builder.build()).isEqualTo(OvsdbMap.of(A, B));
    }

    @Test
    void mapToBuilderStartsFromTheMapAndLeavesItUnchanged() {
        OvsdbMap original = OvsdbMap.of(A, Atom.integer(1), B, Atom.integer(2));

        OvsdbMap.Builder builder = original.toBuilder();
        assertThat(builder.get(A)).isEqualTo(Atom.integer(1));
        OvsdbMap changed = builder.remove(A).put(B, Atom.integer(9)).put(C, Atom.integer(3)).build();

        assertThat(original).isEqualTo(OvsdbMap.of(A, Atom.integer(1), B, Atom.integer(2)));
        assertThat(changed.entries()).containsExactly(Map.entry(B, Atom.integer(9)), Map.entry(C, Atom.integer(3)));
    }

    @Test
    void emptyBuildersBuildTheEmptyValues() {
        assertThat(OvsdbMap.builder().build()).isEqualTo(OvsdbMap.empty());
        assertThat(OvsdbMap.of(A, B).toBuilder().remove(A).build()).isEqualTo(OvsdbMap.empty());
        assertThat(OvsdbSet.builder().build()).isEqualTo(OvsdbSet.empty());
        assertThat(Row.builder().build()).isEqualTo(Row.empty());
        assertThatThrownBy(() -> OvsdbMap.builder(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorsStillCopyAnyOtherMapOrSet() {
        var entries = new LinkedHashMap<Atom, Atom>(Map.of(A, B));
        OvsdbMap map = new OvsdbMap(entries);
        var columns = new LinkedHashMap<String, Value>(Map.of("x", A));
        Row row = new Row(columns);
        var elements = new LinkedHashSet<Atom>(Set.of(A));
        OvsdbSet set = new OvsdbSet(elements);

        entries.put(C, C);
        columns.put("y", C);
        elements.add(C);

        assertThat(map.size()).isEqualTo(1);
        assertThat(row.size()).isEqualTo(1);
        assertThat(set.size()).isEqualTo(1);
    }

    @Test
    void setBuilderBuildsWhatTheConstructorBuildsAndIgnoresARepeat() {
        OvsdbSet built = OvsdbSet.builder(3).add(B).add(A).add(B).build();

        assertThat(built).isEqualTo(new OvsdbSet(new LinkedHashSet<>(List.of(B, A))));
        assertThat(built.elements()).containsExactly(B, A);
        assertThatThrownBy(() -> built.elements().add(C)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void setBuilderRejectsNullsAndIsUnusableAfterBuild() {
        OvsdbSet.Builder builder = OvsdbSet.builder().add(A);

        assertThatThrownBy(() -> builder.add(null)).isInstanceOf(NullPointerException.class).hasMessage("set element");
        OvsdbSet built = builder.build();

        assertThatThrownBy(() -> builder.add(C)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder.remove(A)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder.contains(A)).isInstanceOf(IllegalStateException.class);
        assertThat(built).isEqualTo(OvsdbSet.of(A));
    }

    @Test
    void setToBuilderStartsFromTheSetAndLeavesItUnchanged() {
        OvsdbSet original = OvsdbSet.of(A, B);

        OvsdbSet.Builder builder = original.toBuilder();
        assertThat(builder.contains(A)).isTrue();
        OvsdbSet changed = builder.remove(A).add(C).build();

        assertThat(original.elements()).containsExactly(A, B);
        assertThat(changed.elements()).containsExactly(B, C);
    }

    @Test
    void rowBuilderBuildsWhatTheConstructorBuildsInTheSameOrder() {
        Row built = Row.builder(2).put("b", A).put("a", B).put("b", C).build();

        var plain = new LinkedHashMap<String, Value>();
        plain.put("b", C);
        plain.put("a", B);
        assertThat(built).isEqualTo(new Row(plain)).hasSameHashCodeAs(new Row(plain));
        assertThat(built.columns().keySet()).containsExactly("b", "a");
        assertThatThrownBy(() -> built.columns().remove("a")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rowBuilderRejectsNullsAndIsUnusableAfterBuild() {
        Row.Builder builder = Row.builder().put("a", A);

        assertThatThrownBy(() -> builder.put(null, A)).isInstanceOf(NullPointerException.class).hasMessage("column name");
        assertThatThrownBy(() -> builder.put("b", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("value of column b");
        Row built = builder.build();

        assertThatThrownBy(() -> builder.put("c", C)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder.get("a")).isInstanceOf(IllegalStateException.class);
        assertThat(built).isEqualTo(Row.of("a", A));
    }

    @Test
    void rowToBuilderStartsFromTheRowAndLeavesItUnchanged() {
        Row original = Row.of("a", A, "b", B);

        Row.Builder builder = original.toBuilder();
        assertThat(builder.get("b")).isEqualTo(B);
        Row changed = builder.put("a", C).remove("b").put("c", C).build();

        assertThat(original).isEqualTo(Row.of("a", A, "b", B));
        assertThat(changed.columns().keySet()).containsExactly("a", "c");
        assertThat(changed.get("a")).isEqualTo(C);
    }
}
