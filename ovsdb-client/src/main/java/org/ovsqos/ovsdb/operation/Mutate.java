package org.ovsqos.ovsdb.operation;

import java.util.List;
import org.ovsqos.ovsdb.notation.Condition;
import org.ovsqos.ovsdb.notation.Mutation;

/**
 * The {@code mutate} operation (RFC 7047 section 5.2.4): applies {@code mutations}, in order, to
 * every row of {@code table} that matches {@code where}. Its result is a {@link CountResult}.
 */
public record Mutate(String table, List<Condition> where, List<Mutation> mutations) implements Operation {
    public Mutate {
        Args.table(table);
        where = Args.list(where, "where");
        mutations = Args.list(mutations, "mutations");
    }

    @Override
    public String op() {
        return "mutate";
    }
}
