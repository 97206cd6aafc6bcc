package dev.restfault.spring.reactive;

import dev.restfault.core.exception.ContractException;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.server.ErrorRequest;
import dev.restfault.server.ExceptionTranslator;
import dev.restfault.server.StatusErrors;
import dev.restfault.spring.web.HttpMethods;
import dev.restfault.spring.web.RequestElementErrors;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.validation.BindingResult;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsatisfiedRequestParameterException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * WebFlux's own failures, asked before the translations every Spring web stack shares (which would
 * otherwise take each of these {@code ErrorResponse}s for a generic one, with the catalog's text and
 * no detail): the same answers Spring MVC's equivalents get.
 *
 * <ul>
 *   <li>no handler and no static resource ({@link NoResourceFoundException}), or no handler at
 *       all ({@code DispatcherHandler}'s bare {@link ResponseStatusException} 404, when
 *       {@code spring.web.resources.add-mappings=false} leaves no resource handler to raise the
 *       other): the 404 of a path alone, as Spring MVC's "no handler" gets it. An application's
 *       own {@code ResponseStatusException(NOT_FOUND)} keeps its reason, or the catalog's text;</li>
 *   <li>wrong method ({@link MethodNotAllowedException}): 405 whose {@code Allow} lists what the
 *       path serves, HEAD and OPTIONS included;</li>
 *   <li>{@link NotAcceptableStatusException}: 406 listing the available types;
 *       {@link UnsupportedMediaTypeStatusException}: 415 naming the supported ones;</li>
 *   <li>{@link MissingRequestValueException}: 400 naming the missing header or parameter; a type
 *       mismatch ({@link ServerWebInputException} caused by a {@link TypeMismatchException}): 400
 *       naming the parameter, never its value; an unreadable or missing body (caused by a
 *       {@link DecodingException}, also raised bare by functional endpoints): 400 malformed body;
 *       any other {@code ServerWebInputException}: the catalog's 400 (Spring's reason can echo
 *       input); a {@code WebExchangeBindException} is left to the shared validation rule;</li>
 *   <li>an {@code Accept} of more than 50 types, which WebFlux refuses to sort while it looks for a
 *       handler ({@link InvalidMimeTypeException}): 406, as Spring MVC answers it;</li>
 *   <li>a body over the codec's limit ({@link DataBufferLimitException}, bare from functional
 *       endpoints; annotated controllers raise Spring's 413 {@code ContentTooLargeException}):
 *       413;</li>
 *   <li>a {@link TimeoutException} (Reactor's {@code timeout()} operator, the reactive way a
 *       handler bounds its time): 503, as Spring MVC answers an async request timeout, logged at
 *       WARN with its cause, not as an unexpected failure.</li>
 * </ul>
 */
final class WebFluxExceptionTranslator implements ExceptionTranslator {

    /** What raises WebFlux's 404 when no handler mapping matched. */
    private static final String DISPATCHER_HANDLER = "org.springframework.web.reactive.DispatcherHandler";
    /** The frames {@link #isDispatchersNoHandler} looks at: the throwing one, and a few for an agent's. */
    private static final int TOP_FRAMES = 3;

    private final ContractMessages messages;

    /** @param messages restfault's texts, for the errors about a parameter or header */
    WebFluxExceptionTranslator(ContractMessages messages) {
        this.messages = messages;
    }

    @Override
    public Optional<ContractException> translate(Throwable failure, ErrorRequest request) {
        return Optional.ofNullable(map(failure, request));
    }

    private ContractException map(Throwable t, ErrorRequest request) {
        if (t instanceof NoResourceFoundException || isDispatchersNoHandler(t)) {
            return StatusErrors.of(404);
        }
        if (t instanceof MethodNotAllowedException) {
            return HttpMethods.methodNotAllowed(((MethodNotAllowedException) t).getSupportedMethods(), request);
        }
        if (t instanceof NotAcceptableStatusException) {
            return RequestElementErrors.notAcceptable(((NotAcceptableStatusException) t).getSupportedMediaTypes());
        }
        if (t instanceof UnsupportedMediaTypeStatusException) {
            return RequestElementErrors.unsupportedMediaType(((UnsupportedMediaTypeStatusException) t).getSupportedMediaTypes());
        }
        if (t instanceof MissingRequestValueException) {
            MissingRequestValueException missing = (MissingRequestValueException) t;
            return "header".equals(missing.getLabel()) ? RequestElementErrors.missingHeader(messages, request, missing.getName())
                    : RequestElementErrors.missingParameter(messages, request, missing.getName());
        }
        if (t instanceof UnsatisfiedRequestParameterException) {
            return StatusErrors.of(400);
        }
        if (t instanceof ServerWebInputException && !(t instanceof BindingResult)) {
            return input((ServerWebInputException) t, request);
        }
        if (t instanceof InvalidMimeTypeException && request.header(HttpHeaders.ACCEPT) != null) {
            // WebFlux sorts the request's Accept while it looks for a handler, and refuses to sort
            // more than 50 types with this exception, which escapes as a 500 by default; Spring
            // MVC answers the same Accept with a 406.
            return RequestElementErrors.notAcceptable(List.of());
        }
        if (t instanceof DataBufferLimitException) {
            return ContractException.builder(413).build();
        }
        if (t instanceof DecodingException) {
            return RequestElementErrors.malformedBody();
        }
        if (t instanceof TimeoutException) {
            return ContractException.builder(503).cause(t).build();
        }
        return null;
    }

    /**
     * Whether {@code t} is {@code DispatcherHandler}'s "no handler": a {@link ResponseStatusException}
     * of 404 with no reason and no cause, raised by {@code DispatcherHandler} itself. Nothing else
     * tells it from an application's own bare {@code ResponseStatusException(NOT_FOUND)}, which
     * keeps the catalog's text, but where it was raised. The stack trace is read only for such a
     * bare 404, the cheap tests first.
     */
    private static boolean isDispatchersNoHandler(Throwable t) {
        if (t.getClass() != ResponseStatusException.class || t.getCause() != null) {
            return false;
        }
        ResponseStatusException e = (ResponseStatusException) t;
        if (e.getStatusCode().value() != 404 || e.getReason() != null) {
            return false;
        }
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(TOP_FRAMES, frames.length); i++) {
            if (DISPATCHER_HANDLER.equals(frames[i].getClassName())) {
                return true;
            }
        }
        return false;
    }

    private ContractException input(ServerWebInputException e, ErrorRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof TypeMismatchException) {
            MethodParameter parameter = e.getMethodParameter();
            String name = parameter != null ? RequestElementErrors.parameterName(parameter)
                    : ((TypeMismatchException) cause).getPropertyName();
            return RequestElementErrors.invalidParameter(messages, request, name);
        }
        if (cause instanceof DecodingException) {
            return RequestElementErrors.malformedBody();
        }
        return StatusErrors.of(400);
    }
}
