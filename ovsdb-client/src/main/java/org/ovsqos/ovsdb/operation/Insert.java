package org.ovsqos.ovsdb.operation;

import java.util.Objects;
import java.util.Optional;
import org.ovsqos.ovsdb.notation.NamedUuidAtom;
import org.ovsqos.ovsdb.notation.Row;

/**
 * The {@code insert} operation (RFC 7047 section 5.2.1): adds {@code row} to {@code table};
 * columns it leaves out take their defaults. Its result is {@link InsertResult}.
 *
 * @param uuidName a name for the new row's UUID, valid in the rest of the transaction as
 *     {@code ["named-uuid", name]}; must be an RFC 7047 {@code <id>}
 */
public record Insert(String table, Row row, Optional<String> uuidName) implements Operation {
    public Insert {
        Args.table(table);
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(uuidName, "uuidName");
        uuidName.ifPresent(name -> {
            if (!NamedUuidAtom.isValidName(name)) {
                throw new IllegalArgumentException(
                        "uuid-name must match [_a-zA-Z][_a-zA-Z0-9]*, got \"" + name + '"');
            }
        });
    }

    /** This insert, naming the new row {@code name}. */
    public Insert withUuidName(String name) {
        return new Insert(table, row, Optional.of(name));
    }

    @Override
    public String op() {
        return "insert";
    }
}
