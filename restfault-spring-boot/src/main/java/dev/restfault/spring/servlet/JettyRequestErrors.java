package dev.restfault.spring.servlet;

import dev.restfault.server.ExceptionTranslator;
import org.eclipse.jetty.http.HttpException;

/**
 * Jetty's verdicts on a malformed request that it reaches only when the application reads it, in
 * the contract: a query string with invalid percent-encoding ({@code 400: Bad query}, thrown from
 * {@code getParameter}), a malformed chunked body ({@code HttpEofException: Early EOF}, thrown from
 * the input stream). Jetty marks each with {@link HttpException} and the status it means; a 4xx
 * there is the client's fault, so it is answered with that status and logged at DEBUG, not as an
 * unexpected failure. A 5xx is left to the unexpected-failure path.
 *
 * <p>Loaded only when Jetty is on the class path, like {@link JettyContractErrorHandler}.
 */
public final class JettyRequestErrors {

    private JettyRequestErrors() {
    }

    /** The translator: a client error status found on an {@link HttpException} in the cause chain. */
    public static ExceptionTranslator translator() {
        // A 5xx HttpException is left to the unexpected-failure path.
        return ServerRequestErrors.translator(t -> t instanceof HttpException http ? http.getCode() : -1);
    }
}
