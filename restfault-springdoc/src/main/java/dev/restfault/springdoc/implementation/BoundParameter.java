package dev.restfault.springdoc.implementation;

import java.util.Objects;
import org.springframework.core.MethodParameter;

/**
 * A handler method's parameter that is bound from the request and whose binding can fail with a
 * 400: it is required, converted to something other than text, or validated. The same for Spring
 * MVC and WebFlux, which bind with the same annotations. Immutable.
 *
 * @param parameter the handler method's parameter
 * @param name the name the client uses (the annotation's name, else the parameter's)
 * @param source where the value comes from
 * @param required whether a request without it is refused (then "missing" is how it fails first;
 *     otherwise an invalid value is)
 */
public record BoundParameter(MethodParameter parameter, String name, Source source, boolean required) {

    /** Where a bound value comes from. */
    public enum Source {
        /** {@code @RequestParam}: the query or a form field. */
        QUERY,
        /** {@code @RequestHeader}. */
        HEADER,
        /** {@code @CookieValue}. */
        COOKIE,
        /** {@code @PathVariable}. */
        PATH,
        /** {@code @MatrixVariable}. */
        MATRIX,
        /** {@code @ModelAttribute}: several query parameters or form fields. */
        MODEL
    }

    /** @throws NullPointerException if an argument is null */
    public BoundParameter {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
    }
}
