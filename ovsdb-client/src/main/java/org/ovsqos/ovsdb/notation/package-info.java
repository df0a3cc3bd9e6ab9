/**
 * The notation of RFC 7047 section 5.1 as immutable values with their JSON form: atoms
 * (integer, real, boolean, string, uuid, named-uuid), sets and maps, rows, conditions (and the
 * {@code true}/{@code false} constants of ovsdb-server(7) section 5.1), mutations. Values compare
 * as OVSDB compares them ({@code 0.0} and {@code -0.0} are one real).
 */
package org.ovsqos.ovsdb.notation;
