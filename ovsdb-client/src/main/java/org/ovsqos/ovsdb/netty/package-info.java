/**
 * The Netty 4 NIO transport under {@link org.ovsqos.ovsdb.jsonrpc.JsonRpcPeer}: unix domain
 * sockets (through the JDK's {@code UnixDomainSocketAddress}, no native library), tcp, and ssl;
 * framing of the JSON stream (RFC 7047 section 4: JSON values back to back, no length prefix);
 * the inactivity probe. Everything here is an implementation detail of
 * {@code org.ovsqos.ovsdb.client}; {@link org.ovsqos.ovsdb.netty.NettyConnector} is its one entry.
 */
package org.ovsqos.ovsdb.netty;
