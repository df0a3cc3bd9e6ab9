/**
 * JSON-RPC 1.0 as RFC 7047 section 4 uses it: request ids, responses matched to requests,
 * per-call timeouts, notifications, and the server's {@code echo} answered.
 *
 * <p>This package knows nothing of sockets or Netty. {@link org.ovsqos.ovsdb.jsonrpc.JsonRpcPeer}
 * talks to a {@link org.ovsqos.ovsdb.jsonrpc.JsonRpcTransport} (send a JSON value; close) and
 * schedules its timeouts on an injected {@link org.ovsqos.ovsdb.jsonrpc.RpcScheduler}, so that
 * request matching, timeouts and "fail everything on close" are tested without sockets or sleeps.
 * The public types here are building blocks for {@code org.ovsqos.ovsdb.client}; applications use
 * that package instead.
 */
package org.ovsqos.ovsdb.jsonrpc;
