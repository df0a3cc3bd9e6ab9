package org.ovsqos.daemon.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %kvmsg}: the message with its arguments written as {@code key=value} values
 * ({@link LogValues}), in place of logback's {@code %msg}, which inserts them raw. Done once here
 * rather than at each call site, so that no log line can forget it.
 */
public final class KeyValueMessageConverter extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return LogValues.format(event.getMessage(), event.getArgumentArray());
    }
}
