package dev.restfault.spring.web;

import java.text.MessageFormat;
import java.util.Objects;
import java.util.ResourceBundle;
import org.slf4j.Logger;

/**
 * An SLF4J logger seen as the {@link System.Logger} the rendering core logs through, so that its
 * lines reach the application's logging (Logback under Spring Boot) with the MDC of the request
 * (the ids) intact. TRACE and ALL map to TRACE, OFF to nothing.
 */
public final class Slf4jSystemLogger implements System.Logger {

    private final Logger delegate;

    /** @param delegate the SLF4J logger; not null */
    public Slf4jSystemLogger(Logger delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public String getName() {
        return delegate.getName();
    }

    @Override
    public boolean isLoggable(Level level) {
        switch (level) {
            case ALL:
            case TRACE:
                return delegate.isTraceEnabled();
            case DEBUG:
                return delegate.isDebugEnabled();
            case INFO:
                return delegate.isInfoEnabled();
            case WARNING:
                return delegate.isWarnEnabled();
            case ERROR:
                return delegate.isErrorEnabled();
            case OFF:
            default:
                return false;
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        switch (level) {
            case ALL:
            case TRACE:
                delegate.trace(message, thrown);
                break;
            case DEBUG:
                delegate.debug(message, thrown);
                break;
            case INFO:
                delegate.info(message, thrown);
                break;
            case WARNING:
                delegate.warn(message, thrown);
                break;
            case ERROR:
                delegate.error(message, thrown);
                break;
            case OFF:
            default:
                break;
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(level)) {
            log(level, bundle, params == null || params.length == 0 ? format : MessageFormat.format(format, params),
                    (Throwable) null);
        }
    }
}
