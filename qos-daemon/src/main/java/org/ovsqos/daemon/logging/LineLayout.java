package org.ovsqos.daemon.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One log line: a prefix, the level padded to 5, the thread, the logger's class name, and the
 * message with its arguments as {@code key=value} values ({@link LogValues}); a stack trace, when
 * there is one, on the lines after it. The same text as logback's {@code PatternLayout} with the
 * patterns written beside each {@link Format}, without it: its parser, its 70 converters and
 * their color variants are about 150 classes of every process's start, for three fixed formats.
 */
public final class LineLayout extends LayoutBase<ILoggingEvent> {

    /** Where a line goes decides how it starts. */
    public enum Format {
        /** {@code %d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{0}: %kvmsg%n}: the file, and stderr outside systemd. */
        FILE,
        /**
         * {@code <N>%-5level [%thread] %logger{0}: %kvmsg%n}: the sd-daemon(3) priority that
         * journald turns into the line's syslog priority ({@code journalctl -p warning}); the
         * journal records the time itself.
         */
        JOURNAL,
        /** {@code ovs-qos: %-5level %logger{0}: %kvmsg%n}: what a client command says on stderr. */
        CLIENT
    }

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final Format format;
    private final DateTimeFormatter timestamp = TIMESTAMP.withZone(ZoneId.systemDefault());

    public LineLayout(Format format) {
        this.format = format;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(160);
        switch (format) {
            case FILE -> {
                timestamp.formatTo(Instant.ofEpochMilli(event.getTimeStamp()), line);
                line.append(' ');
            }
            case JOURNAL -> line.append(journalPriority(event.getLevel()));
            case CLIENT -> line.append("ovs-qos: ");
        }
        String level = event.getLevel().toString();
        line.append(level).append(" ".repeat(Math.max(0, 5 - level.length())));
        if (format != Format.CLIENT) {
            line.append(" [").append(event.getThreadName()).append(']');
        }
        String logger = event.getLoggerName();
        line.append(' ').append(logger, logger.lastIndexOf('.') + 1, logger.length()).append(": ")
                .append(LogValues.format(event.getMessage(), event.getArgumentArray()))
                .append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown));
        }
        return line.toString();
    }

    /** The {@code <N>} of sd-daemon(3) for a level. */
    static String journalPriority(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> "<3>";
            case Level.WARN_INT -> "<4>";
            case Level.INFO_INT -> "<6>";
            default -> "<7>";
        };
    }
}
