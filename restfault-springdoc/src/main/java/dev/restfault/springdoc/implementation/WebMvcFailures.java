package dev.restfault.springdoc.implementation;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestCookieException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What Spring MVC raises by itself: {@link HttpMessageNotReadableException},
 * {@link MissingServletRequestParameterException} and its header and cookie siblings,
 * {@link MethodArgumentTypeMismatchException}, {@link HttpRequestMethodNotSupportedException},
 * {@link HttpMediaTypeNotAcceptableException} and {@link HttpMediaTypeNotSupportedException},
 * built as its dispatcher builds them. Stateless.
 */
public final class WebMvcFailures implements StackFailures {

    /** The body of a request that was never sent. */
    private static final HttpInputMessage NO_INPUT = new HttpInputMessage() {
        @Override
        public InputStream getBody() {
            return InputStream.nullInputStream();
        }

        @Override
        public HttpHeaders getHeaders() {
            return HttpHeaders.EMPTY;
        }
    };

    @Override
    public Throwable malformedBody() {
        return new HttpMessageNotReadableException("JSON parse error", NO_INPUT);
    }

    @Override
    public Throwable badParameter(BoundParameter p) {
        if (p.required()) {
            switch (p.source()) {
                case QUERY:
                    return new MissingServletRequestParameterException(p.name(), p.parameter(), false);
                case HEADER:
                    return new MissingRequestHeaderException(p.name(), p.parameter());
                case COOKIE:
                    return new MissingRequestCookieException(p.name(), p.parameter());
                default:
                    break;
            }
        }
        return new MethodArgumentTypeMismatchException(null, p.parameter().getNestedParameterType(), p.name(), p.parameter(), null);
    }

    @Override
    public Throwable methodNotAllowed(String method, Collection<String> allowed) {
        return new HttpRequestMethodNotSupportedException(method, allowed);
    }

    @Override
    public Throwable notAcceptable(List<String> producible) {
        return new HttpMediaTypeNotAcceptableException(MediaType.parseMediaTypes(producible));
    }

    @Override
    public Throwable unsupportedMediaType(List<String> consumable) {
        List<MediaType> types = MediaType.parseMediaTypes(consumable);
        return new HttpMediaTypeNotSupportedException(StackFailures.unsupported(types), types);
    }
}
