/**
 * Transactions: the ten operations of RFC 7047 section 5.2 ({@code insert}, {@code select},
 * {@code update}, {@code mutate}, {@code delete}, {@code wait}, {@code commit}, {@code abort},
 * {@code comment}, {@code assert}) as a sealed {@link org.ovsqos.ovsdb.operation.Operation}, their
 * results, the {@code transact} codec (section 4.1.3, with the commit error a server may add),
 * and one {@link org.ovsqos.ovsdb.operation.OvsdbOperationException} subclass per error string,
 * carrying the failing operation and the results before it.
 */
package org.ovsqos.ovsdb.operation;
