package org.ovsqos.daemon.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.ovsqos.daemon.logging.LineLayout.Format;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logging of {@code ovs-qos daemon}: a size-rotated file ({@value #MAX_FILE_MB} MB and
 * {@value #BACKUPS} backups {@code .1}..{@code .3}, as the old script's RotatingFileHandler kept)
 * plus stderr. Under systemd, whose journal takes stderr, every line goes to one place only: the
 * journal by default ({@link #defaultLogFile}), the file alone when one is given. Done in code rather than in {@code logback.xml}
 * because the file comes from a flag, and because the client commands must never open it: the
 * jar's default ({@link ClientLoggingConfigurator}) only writes warnings to stderr.
 *
 * <p>Lines are {@code key=value} messages after a fixed prefix, so {@code grep iface=kvm101.0}
 * and {@code awk} work on the file; every value is escaped and bounded ({@link LogValues}), so
 * whatever an interface name or a config file holds, one event is one line of bounded length. To journald the prefix is the {@code <N>} priority instead of
 * a timestamp, which the journal records itself.
 */
public final class LoggingSetup {
    public static final int MAX_FILE_MB = 10;
    public static final int BACKUPS = 3;
    /** How often the file's size is looked at (logback's default is a minute of unbounded growth). */
    static final Duration SIZE_CHECK_INTERVAL = Duration.buildBySeconds(1);

    /** What the daemon logs to; {@code fileError} says why the file is not used when it was asked for. */
    public record Outcome(Optional<Path> file, boolean journal, Optional<String> fileError) {}

    private LoggingSetup() {}

    /**
     * {@code --log-file}'s default: {@code -} (stderr only) where stderr is the journal, which
     * would otherwise get every line that the file gets; elsewhere the file, and stderr too.
     */
    public static String defaultLogFile(String file, String stderrOnly) {
        return JournalStream.stderrIsJournal(System.getenv()) ? stderrOnly : file;
    }

    /** The root level: one of error, warn, info, debug (anything else is info). */
    public static void level(String level) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(level, Level.INFO));
    }

    /** Configures the process's logging for the daemon from {@code --log-file} and the real environment. */
    public static Outcome configureDaemon(Optional<Path> logFile) {
        return configureDaemon(logFile, JournalStream.stderrIsJournal(System.getenv()));
    }

    static Outcome configureDaemon(Optional<Path> logFile, boolean journal) {
        return configureDaemon(logFile, journal, FileSize.valueOf(MAX_FILE_MB + "MB"), SIZE_CHECK_INTERVAL);
    }

    static Outcome configureDaemon(Optional<Path> logFile, boolean journal, FileSize maxFileSize, Duration sizeCheck) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);

        Optional<String> fileError = Optional.empty();
        if (logFile.isPresent()) {
            RollingFileAppender<ILoggingEvent> file = rollingFile(context, logFile.get(), maxFileSize, sizeCheck);
            if (file.isStarted()) {
                root.addAppender(file);
            } else {
                fileError = Optional.of("cannot open " + logFile.get() + " for appending");
            }
        }
        // Under systemd a file that works takes every line, and the journal none: each line once.
        boolean toStderr = !journal || logFile.isEmpty() || fileError.isPresent();
        if (toStderr) {
            ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
            stderr.setContext(context);
            stderr.setName("stderr");
            stderr.setTarget("System.err");
            stderr.setEncoder(encoder(context, journal ? Format.JOURNAL : Format.FILE));
            stderr.start();
            root.addAppender(stderr);
        }
        fileError.ifPresent(e -> root.warn("log_file={} error=\"{}\" logging to stderr only", logFile.get(), e));
        return new Outcome(fileError.isEmpty() ? logFile : Optional.empty(), journal && toStderr, fileError);
    }

    private static RollingFileAppender<ILoggingEvent> rollingFile(
            Context context, Path path, FileSize maxFileSize, Duration sizeCheck) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("file");
        appender.setFile(path.toString());
        appender.setAppend(true);

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(path + ".%i");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(BACKUPS);
        rolling.start();

        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(maxFileSize);
        trigger.setCheckIncrement(sizeCheck);
        trigger.start();

        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.setEncoder(encoder(context, Format.FILE));
        appender.start();
        return appender;
    }

    static LayoutWrappingEncoder<ILoggingEvent> encoder(Context context, Format format) {
        LineLayout layout = new LineLayout(format);
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }
}
