package dev.restfault.spring.servlet;

import dev.restfault.core.exception.ContractException;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.server.ErrorRequest;
import dev.restfault.server.ExceptionTranslator;
import dev.restfault.server.StatusErrors;
import dev.restfault.spring.web.RequestElementErrors;
import java.util.Optional;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Spring MVC's own exceptions, asked before the spring-web translations: "nothing serves this
 * path" ({@link NoResourceFoundException}, {@link NoHandlerFoundException}) as the 404 of a path
 * alone, which the spring-web translations would otherwise take for any other
 * {@code ErrorResponse}; and the missing parameter, header and part, which Spring MVC raises as
 * servlet exceptions (their superclass is {@code ServletException}), so that the translations every
 * stack shares never load a servlet type.
 */
final class MvcExceptionTranslator implements ExceptionTranslator {

    private final ContractMessages messages;

    /** @param messages restfault's texts, for the errors about a parameter or header */
    MvcExceptionTranslator(ContractMessages messages) {
        this.messages = messages;
    }

    @Override
    public Optional<ContractException> translate(Throwable failure, ErrorRequest request) {
        if (failure instanceof NoResourceFoundException || failure instanceof NoHandlerFoundException) {
            return Optional.of(StatusErrors.of(404));
        }
        if (failure instanceof MissingServletRequestParameterException) {
            return Optional.of(RequestElementErrors.missingParameter(messages, request,
                    ((MissingServletRequestParameterException) failure).getParameterName()));
        }
        if (failure instanceof MissingRequestHeaderException) {
            return Optional.of(RequestElementErrors.missingHeader(messages, request,
                    ((MissingRequestHeaderException) failure).getHeaderName()));
        }
        if (failure instanceof MissingServletRequestPartException) {
            return Optional.of(RequestElementErrors.missingParameter(messages, request,
                    ((MissingServletRequestPartException) failure).getRequestPartName()));
        }
        return Optional.empty();
    }
}
