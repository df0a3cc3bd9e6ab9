package org.ovsqos.daemon.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.ovsqos.daemon.logging.LineLayout.Format;
import org.slf4j.Logger;

/**
 * LineLayout writes, line for line, what logback's PatternLayout writes with the patterns the
 * daemon and the client commands used before it: the oracle is PatternLayout itself, given the
 * two converters those patterns named.
 */
class LineLayoutTest {
    private static final LoggerContext CONTEXT = new LoggerContext();
    private static final List<Level> LEVELS = List.of(Level.ERROR, Level.WARN, Level.INFO, Level.DEBUG, Level.TRACE);
    private static final List<String> LOGGERS = List.of("org.ovsqos.daemon.engine.Governor",
            "org.ovsqos.ovsdb.client.Replica$Listener", "Main", "a.b.");
    private static final List<String> THREADS = List.of("main", "ovs-qos-governor", "ovsdb-session-3-1", "");
    private static final List<Object> VALUES = List.of("kvm101.0", "two words", "line\nbreak", "quote\"d",
            42, -1.5, "", "限速", "\u001b[31m");

    @Test
    void writesWhatPatternLayoutWroteForEachFormat() {
        PatternLayout file = oracle("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{0}: %kvmsg%n");
        PatternLayout journal = oracle("%journalprio%-5level [%thread] %logger{0}: %kvmsg%n");
        PatternLayout client = oracle("ovs-qos: %-5level %logger{0}: %kvmsg%n");
        Random random = new Random(20261203);
        for (int i = 0; i < 500; i++) {
            ILoggingEvent event = randomEvent(random);
            assertThat(layout(Format.FILE).doLayout(event)).isEqualTo(file.doLayout(event));
            assertThat(layout(Format.JOURNAL).doLayout(event)).isEqualTo(journal.doLayout(event));
            assertThat(layout(Format.CLIENT).doLayout(event)).isEqualTo(client.doLayout(event));
        }
    }

    @Test
    void levelsMapToSyslogPriorities() {
        assertThat(LineLayout.journalPriority(Level.ERROR)).isEqualTo("<3>");
        assertThat(LineLayout.journalPriority(Level.WARN)).isEqualTo("<4>");
        assertThat(LineLayout.journalPriority(Level.INFO)).isEqualTo("<6>");
        assertThat(LineLayout.journalPriority(Level.DEBUG)).isEqualTo("<7>");
        assertThat(LineLayout.journalPriority(Level.TRACE)).isEqualTo("<7>");
    }

    private static LineLayout layout(Format format) {
        LineLayout layout = new LineLayout(format);
        layout.setContext(CONTEXT);
        layout.start();
        return layout;
    }

    private static PatternLayout oracle(String pattern) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(CONTEXT);
        layout.getInstanceConverterMap().put("journalprio",
                () -> converter(e -> LineLayout.journalPriority(e.getLevel())));
        layout.getInstanceConverterMap().put("kvmsg",
                () -> converter(e -> LogValues.format(e.getMessage(), e.getArgumentArray())));
        layout.setPattern(pattern);
        layout.start();
        return layout;
    }

    private static ClassicConverter converter(Function<ILoggingEvent, String> convert) {
        return new ClassicConverter() {
            @Override
            public String convert(ILoggingEvent event) {
                return convert.apply(event);
            }
        };
    }

    private static ILoggingEvent randomEvent(Random random) {
        int args = random.nextInt(3);
        StringBuilder message = new StringBuilder("event=test");
        Object[] values = new Object[args];
        for (int i = 0; i < args; i++) {
            message.append(" k").append(i).append("={}");
            values[i] = VALUES.get(random.nextInt(VALUES.size()));
        }
        Throwable thrown = switch (random.nextInt(4)) {
            case 0 -> new IllegalStateException("broken", new UncheckedIOException(new IOException("disk")));
            case 1 -> {
                RuntimeException e = new RuntimeException((String) null);
                e.addSuppressed(new IOException("closing"));
                yield e;
            }
            default -> null;
        };
        LoggingEvent event = new LoggingEvent(Logger.class.getName(),
                CONTEXT.getLogger(LOGGERS.get(random.nextInt(LOGGERS.size()))),
                LEVELS.get(random.nextInt(LEVELS.size())), message.toString(), thrown, values);
        event.setThreadName(THREADS.get(random.nextInt(THREADS.size())));
        event.setTimeStamp(random.nextLong(4_000_000_000_000L));
        return event;
    }
}
