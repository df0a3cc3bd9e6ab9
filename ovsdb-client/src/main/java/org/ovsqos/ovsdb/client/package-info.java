/**
 * The API: {@link org.ovsqos.ovsdb.client.OvsdbClient} connects to an
 * {@link org.ovsqos.ovsdb.client.Endpoint} ({@code unix:}, {@code tcp:}, {@code ssl:}) with
 * {@link org.ovsqos.ovsdb.client.OvsdbOptions}, reconnects with a jittered backoff, and offers a
 * typed call for every method of RFC 7047 section 4.1 ({@code list_dbs}, {@code get_schema},
 * {@code transact}, {@code cancel}, {@code monitor}, {@code monitor_cancel}, {@code lock},
 * {@code steal}, {@code unlock}, {@code echo}) and the ovsdb-server(7) extensions
 * ({@code monitor_cond}, {@code monitor_cond_since}, {@code monitor_cond_change},
 * {@code set_db_change_aware}, {@code get_server_id}, {@code convert}).
 * {@link org.ovsqos.ovsdb.client.Replica} keeps a {@link org.ovsqos.ovsdb.cache.TableCache} of
 * some tables across reconnects; {@link org.ovsqos.ovsdb.client.OvsdbSession} reports the
 * connection's state.
 */
package org.ovsqos.ovsdb.client;
