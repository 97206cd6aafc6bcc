package dev.restfault.springdoc.implementation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * What Spring WebFlux raises by itself, built as its argument resolvers and handler mapping build
 * it: {@link ServerWebInputException} (an undecodable body, a value of the wrong type),
 * {@link MissingRequestValueException}, {@link MethodNotAllowedException},
 * {@link NotAcceptableStatusException} and {@link UnsupportedMediaTypeStatusException}. Loaded only
 * in a WebFlux application. Stateless.
 */
public final class WebFluxFailures implements StackFailures {

    @Override
    public Throwable malformedBody() {
        return new ServerWebInputException("Failed to read HTTP message", null, new DecodingException("JSON decoding error"));
    }

    @Override
    public Throwable badParameter(BoundParameter p) {
        String label = switch (p.source()) {
            case QUERY -> "query parameter";
            case HEADER -> "header";
            case COOKIE -> "cookie";
            default -> null;
        };
        if (p.required() && label != null) {
            return new MissingRequestValueException(p.name(), p.parameter().getNestedParameterType(), label, p.parameter());
        }
        TypeMismatchException mismatch = new TypeMismatchException((Object) null, p.parameter().getNestedParameterType());
        mismatch.initPropertyName(p.name());
        return new ServerWebInputException("Type mismatch.", p.parameter(), mismatch);
    }

    @Override
    public Throwable methodNotAllowed(String method, Collection<String> allowed) {
        List<HttpMethod> methods = new ArrayList<>();
        allowed.forEach(m -> methods.add(HttpMethod.valueOf(m)));
        return new MethodNotAllowedException(method, methods);
    }

    @Override
    public Throwable notAcceptable(List<String> producible) {
        return new NotAcceptableStatusException(MediaType.parseMediaTypes(producible));
    }

    @Override
    public Throwable unsupportedMediaType(List<String> consumable) {
        List<MediaType> types = MediaType.parseMediaTypes(consumable);
        return new UnsupportedMediaTypeStatusException(StackFailures.unsupported(types), types, (HttpMethod) null);
    }
}
