package dev.restfault.spring.implementation;

import dev.restfault.core.exception.ContractException;
import dev.restfault.spring.ExceptionTranslator;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * What {@link JettyRequestErrors} and {@link TomcatRequestErrors} share: walking a failure's cause
 * chain for the server's own verdict on a malformed request. Kept free of any server type, so
 * loading it never loads Jetty or Tomcat.
 */
final class ServerRequestErrors {

    /** Deep enough for any wrapping a framework adds; bounded against a cyclic chain. */
    private static final int MAX_CHAIN = 16;

    private ServerRequestErrors() {
    }

    /**
     * A translator answering the first client error status {@code statusOf} finds in the cause
     * chain (a value outside 400..499 means "not a client error here"), with that status's
     * default text: the server's own reason is never sent. A {@link ContractException} met first
     * is the application's answer, which the renderer finds by itself.
     */
    static ExceptionTranslator translator(ToIntFunction<Throwable> statusOf) {
        return (failure, request) -> {
            Throwable t = failure;
            for (int i = 0; i < MAX_CHAIN && t != null; i++, t = t.getCause()) {
                if (t instanceof ContractException) {
                    return Optional.empty();
                }
                int status = statusOf.applyAsInt(t);
                if (status >= 400 && status <= 499) {
                    return Optional.of(ContractException.builder(status).build());
                }
            }
            return Optional.empty();
        };
    }
}
