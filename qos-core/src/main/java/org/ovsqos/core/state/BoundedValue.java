package org.ovsqos.core.state;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.Optional;
import org.ovsqos.json.JsonTrees;

/**
 * One JSON value read as a tree, unless it is larger than a record can be. The file's records are
 * read one tree at a time; a damaged file could hold one value of millions of tokens, and its tree
 * (tens of bytes of heap per token) would not fit the daemon's heap, where the file's bytes do.
 */
final class BoundedValue {
    /**
     * A record of this program has 7 fields (16 tokens), one of the old script's 6; the rest is
     * room for fields a later version may add.
     */
    static final int MAX_TOKENS = 64;

    private BoundedValue() {}

    /**
     * Reads the value at the parser's current token. Empty, with the parser past the value, when
     * it has more than {@link #MAX_TOKENS} tokens.
     */
    static Optional<JsonNode> read(JsonParser p) throws IOException {
        if (!p.currentToken().isStructStart()) {
            return Optional.of(JsonTrees.read(p));
        }
        TokenBuffer buffer = new TokenBuffer(p);
        int tokens = 0;
        int depth = 0;
        for (JsonToken t = p.currentToken(); ; t = p.nextToken()) {
            if (t == null) {
                throw new JsonParseException(p, "the file ends inside a value");
            }
            depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
            if (++tokens <= MAX_TOKENS) {
                buffer.copyCurrentEvent(p);
            }
            if (depth == 0) {
                break;
            }
        }
        if (tokens > MAX_TOKENS) {
            return Optional.empty();
        }
        try (JsonParser replay = buffer.asParserOnFirstToken()) {
            return Optional.of(JsonTrees.read(replay));
        }
    }
}
