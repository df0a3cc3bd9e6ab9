package org.ovsqos.ovsdb.client;

/** Undoes an {@code add...} call: removes the listener or hook. Idempotent. */
@FunctionalInterface
public interface Registration extends AutoCloseable {

    @Override
    void close();
}
