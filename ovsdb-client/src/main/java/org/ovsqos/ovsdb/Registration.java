package org.ovsqos.ovsdb;

/** Undoes an {@code add...} call: removes the listener or hook. Idempotent. */
@FunctionalInterface
public interface Registration extends AutoCloseable {

    @Override
    void close();
}
