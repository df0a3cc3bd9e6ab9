package org.ovsqos.ovsdb.netty;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;

/** The Jackson configuration of the wire: what the server may send, and how we write. */
final class JsonCodec {

    /**
     * OVSDB's deepest messages (an update3 notification carrying a map inside a set inside a row
     * inside a table update) nest about ten levels. 64 is ample for that, and keeps hostile input
     * such as a hundred thousand {@code [} from costing more than a rejection.
     */
    static final int MAX_NESTING_DEPTH = 64;

    private JsonCodec() {
    }

    /** The factory of the parsers and generators of one connection (trees: {@code JsonTrees}). */
    static JsonFactory newFactory(int maxMessageSize) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        // A string can never be longer than the message that carries it.
                        .maxStringLength(maxMessageSize)
                        .build())
                .build();
    }
}
