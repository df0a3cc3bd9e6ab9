package org.ovsqos.ovsdb.operation;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.ovsqos.ovsdb.notation.NamedUuidAtom;
import org.ovsqos.ovsdb.notation.Row;

/**
 * The {@code insert} operation (RFC 7047 section 5.2.1): adds {@code row} to {@code table};
 * columns it leaves out take their defaults. Its result is {@link InsertResult}.
 *
 * @param uuidName a name for the new row's UUID, valid in the rest of the transaction as
 *     {@code ["named-uuid", name]}; must be an RFC 7047 {@code <id>}
 * @param uuid the UUID the new row gets, instead of one the server chooses: the {@code "uuid"}
 *     member Open vSwitch 2.13 added (ovsdb-server(7) section 5.2.1). The server refuses, with
 *     {@code "duplicate uuid"} ({@link DuplicateUuidException}), a UUID that a row of the table
 *     has or that the transaction deleted; older servers refuse the member as a syntax error.
 */
public record Insert(String table, Row row, Optional<String> uuidName, Optional<UUID> uuid) implements Operation {
    public Insert {
        Args.table(table);
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(uuidName, "uuidName");
        Objects.requireNonNull(uuid, "uuid");
        uuidName.ifPresent(name -> {
            if (!NamedUuidAtom.isValidName(name)) {
                throw new IllegalArgumentException(
                        "uuid-name must match [_a-zA-Z][_a-zA-Z0-9]*, got \"" + name + '"');
            }
        });
    }

    /** An insert whose row gets a UUID the server chooses. */
    public Insert(String table, Row row, Optional<String> uuidName) {
        this(table, row, uuidName, Optional.empty());
    }

    /** This insert, naming the new row {@code name}. */
    public Insert withUuidName(String name) {
        return new Insert(table, row, Optional.of(name), uuid);
    }

    /** This insert, giving the new row the UUID {@code rowUuid}. */
    public Insert withUuid(UUID rowUuid) {
        return new Insert(table, row, uuidName, Optional.of(rowUuid));
    }

    @Override
    public String op() {
        return "insert";
    }
}
