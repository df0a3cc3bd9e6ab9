package org.ovsqos.ovsdb.operation;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Argument checks shared by the operation records, so they fail alike and early. */
final class Args {
    private Args() {
    }

    static String table(String table) {
        Objects.requireNonNull(table, "table");
        if (table.isBlank()) {
            throw new IllegalArgumentException("table name must not be blank");
        }
        return table;
    }

    /** An immutable copy of {@code list}, naming the argument when it or an element is null. */
    static <T> List<T> list(Collection<? extends T> list, String name) {
        Objects.requireNonNull(list, name);
        for (T t : list) {
            Objects.requireNonNull(t, () -> name + " contains null");
        }
        return List.copyOf(list);
    }
}
