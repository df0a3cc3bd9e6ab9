package org.ovsqos.ovsdb.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The byte stream under a {@link JsonRpcPeer}, reduced to what the peer needs. An implementation
 * reports the loss of the stream, and anything it receives, back to the peer
 * ({@link JsonRpcPeer#close(org.ovsqos.ovsdb.OvsdbException)}, {@link JsonRpcPeer#receive}).
 */
public interface JsonRpcTransport {

    /**
     * Sends one JSON-RPC message. Asynchronous: a failure to write is reported by closing the
     * peer, not by this method. May be called from any thread.
     */
    void send(JsonNode message);

    /** Closes the stream. Idempotent; may be called from any thread. */
    void close();
}
