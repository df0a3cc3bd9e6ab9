package org.ovsqos.daemon.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class ClientLoggingConfiguratorTest {
    @Test
    void logbackFindsItThroughTheServiceFile() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(ClientLoggingConfigurator.class);
    }

    @Test
    void warningsAndErrorsGoToStderrWithTheCommandsPrefix() {
        LoggerContext context = new LoggerContext();
        ExecutionStatus status = new ClientLoggingConfigurator().configure(context, false);

        assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        ConsoleAppender<ILoggingEvent> stderr = (ConsoleAppender<ILoggingEvent>) root.getAppender("stderr");
        assertThat(stderr.isStarted()).isTrue();
        assertThat(stderr.getTarget()).isEqualTo("System.err");
        Layout<ILoggingEvent> layout = ((LayoutWrappingEncoder<ILoggingEvent>) stderr.getEncoder()).getLayout();
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), context.getLogger("org.ovsqos.daemon.cli.ListCommand"),
                Level.WARN, "socket={} error={}", null, new Object[] {"/run/ovs-qos/admin.sock", "refused"});
        assertThat(layout.doLayout(event))
                .isEqualTo("ovs-qos: WARN  ListCommand: socket=/run/ovs-qos/admin.sock error=refused" + System.lineSeparator());
    }

    @Test
    void aTestClassPathsOwnFileWins() {
        LoggerContext context = new LoggerContext();
        assertThat(new ClientLoggingConfigurator().configure(context, true)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
    }
}
