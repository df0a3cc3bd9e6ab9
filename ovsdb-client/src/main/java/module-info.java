/**
 * A client for the Open vSwitch Database Management Protocol (RFC 7047) and the extensions of
 * ovsdb-server(7): connect over unix, tcp or ssl, call every method, replicate tables, transact.
 *
 * <p>The packages exported here are the API; {@code org.ovsqos.ovsdb.jsonrpc} (JSON-RPC 1.0
 * over any transport) and {@code org.ovsqos.ovsdb.netty} (the Netty transport) are internals
 * that may change in any release. Jackson's {@code JsonNode} is part of the API (raw calls and
 * notifications), so it is required transitively.
 */
module org.ovsqos.ovsdb {
    requires transitive com.fasterxml.jackson.databind;
    requires io.netty.buffer;
    requires io.netty.codec;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport;
    requires static io.netty.transport.classes.epoll;
    requires static io.netty.transport.unix.common;
    requires org.ovsqos.json;
    requires org.slf4j;

    exports org.ovsqos.ovsdb;
    exports org.ovsqos.ovsdb.cache;
    exports org.ovsqos.ovsdb.client;
    exports org.ovsqos.ovsdb.monitor;
    exports org.ovsqos.ovsdb.notation;
    exports org.ovsqos.ovsdb.operation;
    exports org.ovsqos.ovsdb.schema;
}
