/**
 * What every package of the library shares: the unchecked root {@link org.ovsqos.ovsdb.OvsdbException}
 * and its kinds (connection lost, timed out, an RPC error the server answered, a protocol
 * violation: RFC 7047 section 4.1, "errors"), the one listener type for the server's JSON-RPC
 * notifications ({@link org.ovsqos.ovsdb.NotificationListener}, RFC 7047 sections 4.1.6, 4.1.9,
 * 4.1.10), and the one handle that undoes an {@code add...} call ({@link org.ovsqos.ovsdb.Registration}).
 */
package org.ovsqos.ovsdb;
