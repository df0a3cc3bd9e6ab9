package org.ovsqos.daemon.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Logback's configuration until {@code ovs-qos daemon} replaces it ({@link LoggingSetup}): warnings
 * and errors to stderr, prefixed {@code ovs-qos:}, which is all a client command ({@code list},
 * {@code status}, ...) ever logs. Found through {@code META-INF/services} and built in code rather
 * than read from a {@code logback.xml}: parsing XML loads a parser and logback's Joran, about 800
 * classes and 130 ms of every command's start, for four lines of configuration.
 */
public final class ClientLoggingConfigurator extends ContextAwareBase implements Configurator {
    static final String TEST_FILE = "logback-test.xml";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        return configure(context, getClass().getClassLoader().getResource(TEST_FILE) != null);
    }

    ExecutionStatus configure(LoggerContext context, boolean testFilePresent) {
        // A test class path brings its own file; let logback's XML configurator read it.
        if (testFilePresent) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("stderr");
        stderr.setTarget("System.err");
        stderr.setEncoder(LoggingSetup.encoder(context, LineLayout.Format.CLIENT));
        stderr.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
