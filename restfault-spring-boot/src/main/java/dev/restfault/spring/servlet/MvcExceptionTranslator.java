package dev.restfault.spring.servlet;

import dev.restfault.core.exception.ContractException;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.server.ErrorRequest;
import dev.restfault.server.ExceptionTranslator;
import dev.restfault.server.StatusErrors;
import dev.restfault.spring.web.HttpMethods;
import dev.restfault.spring.web.RequestElementErrors;
import java.util.Optional;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Spring MVC's own exceptions, asked before the spring-web translations: "nothing serves this
 * path" ({@link NoResourceFoundException}, {@link NoHandlerFoundException}) as the 404 of a path
 * alone, which the spring-web translations would otherwise take for any other
 * {@code ErrorResponse}; and the wrong method (405 whose {@code Allow} lists what the path serves),
 * 406, 415 and the missing parameter, header and part, which Spring MVC raises as servlet
 * exceptions (their superclass is {@code ServletException}), so that the translations every stack
 * shares never load a servlet type. WebFlux's equivalents answer the same.
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
        if (failure instanceof HttpRequestMethodNotSupportedException) {
            return Optional.of(HttpMethods.methodNotAllowed(
                    ((HttpRequestMethodNotSupportedException) failure).getSupportedHttpMethods(), request));
        }
        if (failure instanceof HttpMediaTypeNotAcceptableException) {
            return Optional.of(RequestElementErrors.notAcceptable(
                    ((HttpMediaTypeNotAcceptableException) failure).getSupportedMediaTypes()));
        }
        if (failure instanceof HttpMediaTypeNotSupportedException) {
            return Optional.of(RequestElementErrors.unsupportedMediaType(
                    ((HttpMediaTypeNotSupportedException) failure).getSupportedMediaTypes()));
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
