package org.ovsqos.ovsdb.netty;

import io.netty.handler.ssl.SslContext;
import java.time.Duration;

/**
 * What {@link OvsdbPipeline} needs to know about one connection.
 *
 * @param name the endpoint's text, for log lines and errors
 * @param ssl the TLS context, or {@code null} for plain tcp and unix
 * @param peerHost host name for TLS server name indication, or {@code null}
 * @param inactivityProbe {@link Duration#ZERO} for none
 */
record ChannelSetup(String name, SslContext ssl, String peerHost, int peerPort, int maxMessageSize,
        Duration inactivityProbe, Duration handshakeTimeout) {
}
