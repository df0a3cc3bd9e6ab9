/**
 * The database schema of RFC 7047 section 3.2 ({@code get_schema}, section 4.1.2): tables,
 * columns, types with their constraints, indexes, and the {@code mutable} flags, parsed as
 * strictly as ovsdb-server parses them, and written back exactly as {@code ovsdb-tool} writes them.
 */
package org.ovsqos.ovsdb.schema;
