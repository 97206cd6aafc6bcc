package dev.restfault.spring.servlet;

import dev.restfault.server.ExceptionTranslator;
import org.apache.coyote.BadRequestException;
import org.apache.tomcat.util.http.InvalidParameterException;

/**
 * Tomcat's verdicts on a malformed request that it reaches only when the application reads it, in
 * the contract: {@link InvalidParameterException} (a query string or form body with invalid
 * percent-encoding, too many parameters), thrown from {@code getParameter}, answered with its
 * error code when that is a 4xx (else 400); {@link BadRequestException} (a malformed chunked
 * body), thrown from the input stream, answered with 400. Both are the client's fault: logged at
 * DEBUG, not as unexpected failures.
 *
 * <p>Loaded only when Tomcat is on the class path, like {@link TomcatContractErrorReportValve}.
 */
public final class TomcatRequestErrors {

    private TomcatRequestErrors() {
    }

    /** The translator: either exception anywhere in the cause chain. */
    public static ExceptionTranslator translator() {
        return ServerRequestErrors.translator(t -> {
            if (t instanceof InvalidParameterException invalid) {
                int code = invalid.getErrorCode();
                return code >= 400 && code <= 499 ? code : 400;
            }
            return t instanceof BadRequestException ? 400 : -1;
        });
    }
}
