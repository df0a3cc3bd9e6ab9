package org.ovsqos.daemon.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The lines one class logs while the capture is open, as formatted messages, from INFO up (the
 * tests' own configuration shows only WARN and up, on stderr; captured lines are not shown).
 */
final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final Level level;
    private final boolean additive;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
        this.level = logger.getLevel();
        this.additive = logger.isAdditive();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
    }

    static LogCapture of(Class<?> source) {
        return new LogCapture((Logger) LoggerFactory.getLogger(source));
    }

    List<String> lines() {
        return List.copyOf(appender.list).stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    List<String> lines(Level level) {
        return List.copyOf(appender.list).stream().filter(e -> e.getLevel() == level)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        logger.setLevel(level);
        logger.setAdditive(additive);
        logger.detachAppender(appender);
        appender.stop();
    }
}
