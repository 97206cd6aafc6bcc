package dev.restfault.spring.servlet;

import dev.restfault.core.exception.ContractException;
import dev.restfault.server.ExceptionTranslator;
import dev.restfault.server.StatusErrors;
import jakarta.servlet.ServletException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.multipart.MultipartException;

/**
 * What {@link JettyRequestErrors} and {@link TomcatRequestErrors} share: finding the server's own
 * verdict on a malformed request in a failure, either the failure itself or under the wrappers
 * that reading a request adds, never deeper. Kept free of any server type, so loading it never
 * loads Jetty or Tomcat.
 */
final class ServerRequestErrors {

    /** Deep enough for any wrapping a framework adds; bounded against a cyclic chain. */
    private static final int MAX_CHAIN = 16;

    private ServerRequestErrors() {
    }

    /**
     * A translator answering the client error status {@code statusOf} finds on the failure or
     * under its request-reading wrappers (a value outside 400..499 means "not a client error
     * here"), with that status's default text: the server's own reason is never sent. A {@link ContractException} met first
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
                    return Optional.of(StatusErrors.of(status));
                }
                if (!wrapsThisRequest(t)) {
                    // Below any other exception the server type may be someone else's verdict:
                    // Jetty's HTTP client reports a malformed upstream response with the same
                    // HttpException, under the application's own wrapper (a ResourceAccessException,
                    // say). That is this service's failure, a 500, not the caller's 400.
                    return Optional.empty();
                }
            }
            return Optional.empty();
        };
    }

    /**
     * The wrappers between reading this request and the failure that reaches restfault: the
     * servlet layer's, Spring's message conversion and multipart parsing, an unchecked I/O error.
     */
    private static boolean wrapsThisRequest(Throwable t) {
        return t instanceof ServletException || t instanceof HttpMessageNotReadableException
                || t instanceof MultipartException || t instanceof UncheckedIOException;
    }
}
