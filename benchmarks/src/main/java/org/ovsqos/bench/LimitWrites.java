package org.ovsqos.bench;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ovsqos.core.policy.Limit;
import org.ovsqos.ovsdb.operation.Operation;

/**
 * The daemon's own batch of writes, {@code org.ovsqos.daemon.engine.LimitWrite}, reached by
 * reflection: the record is package-private on purpose, and the benchmark must measure the very
 * operations a tick sends rather than a look-alike. One reflective call costs nanoseconds, next to
 * milliseconds of transaction.
 */
final class LimitWrites {
    private static final Constructor<?> NEW;
    private static final Method OPERATIONS;

    static {
        try {
            Class<?> type = Class.forName("org.ovsqos.daemon.engine.LimitWrite");
            NEW = type.getDeclaredConstructor(UUID.class, String.class, Limit.class);
            NEW.setAccessible(true);
            OPERATIONS = type.getDeclaredMethod("operations", Collection.class);
            OPERATIONS.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private LimitWrites() {
    }

    /** One write per interface, all to {@code limit}. */
    static List<Object> allTo(Map<String, UUID> interfaces, Limit limit) {
        List<Object> writes = new ArrayList<>(interfaces.size());
        try {
            for (Map.Entry<String, UUID> e : interfaces.entrySet()) {
                writes.add(NEW.newInstance(e.getValue(), e.getKey(), limit));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a LimitWrite", e);
        }
        return writes;
    }

    /** {@code LimitWrite.operations(writes)}: what the governor hands to {@code transact}. */
    @SuppressWarnings("unchecked")
    static List<Operation> operations(List<Object> writes) {
        try {
            return (List<Operation>) OPERATIONS.invoke(null, writes);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
