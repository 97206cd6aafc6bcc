package dev.restfault.throttling;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** What the throttle logs, captured for assertions (Logback is the tests' SLF4J binding). */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level previous;

    private LogCapture(Class<?> source) {
        this.logger = (Logger) LoggerFactory.getLogger(source);
        this.previous = logger.getLevel();
        logger.setLevel(Level.INFO);
        appender.start();
        logger.addAppender(appender);
    }

    /** Captures the throttle's log. */
    public static LogCapture throttle() {
        return new LogCapture(Throttle.class);
    }

    /** The formatted messages at {@code level}. */
    public List<String> messages(Level level) {
        synchronized (appender) { // the appender's lock, which logback holds while it adds to the list
            return appender.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage)
                    .collect(Collectors.toList());
        }
    }

    /** Everything logged, messages and exception texts, for leak checks. */
    public String everything() {
        synchronized (appender) { // the appender's lock, which logback holds while it adds to the list
            return appender.list.stream()
                    .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage()))
                    .collect(Collectors.joining("\n"));
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previous);
    }
}
