package dev.restfault.spring.servlet;

import dev.restfault.core.exception.ContractException;
import dev.restfault.server.ErrorRequest;
import dev.restfault.server.ExceptionTranslator;
import dev.restfault.server.StatusErrors;
import java.util.Optional;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Spring MVC's own "nothing serves this path" ({@link NoResourceFoundException},
 * {@link NoHandlerFoundException}) as the 404 of a path alone: asked before the spring-web
 * translations, which would otherwise take the first for any other {@code ErrorResponse}.
 */
final class MvcExceptionTranslator implements ExceptionTranslator {

    @Override
    public Optional<ContractException> translate(Throwable failure, ErrorRequest request) {
        return failure instanceof NoResourceFoundException || failure instanceof NoHandlerFoundException
                ? Optional.of(StatusErrors.of(404)) : Optional.empty();
    }
}
