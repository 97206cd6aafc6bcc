package dev.restfault.benchmarks.e2e.app;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The peers' setups: Spring's own {@link ResponseStatusException}, what Spring's reference
 * documentation offers for "this status, with this reason". It is an {@code ErrorResponse}, so
 * problem details render it as {@code application/problem+json}; Spring's default handling sends
 * it through {@code sendError} to Boot's error controller. It fills in its stack trace, as every
 * exception a user of these setups writes does.
 */
final class ResponseStatusFailures implements Failures {

    @Override
    public RuntimeException notFound(String description) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, description);
    }

    @Override
    public RuntimeException unauthorized() {
        return new ResponseStatusException(HttpStatus.UNAUTHORIZED);
    }
}
