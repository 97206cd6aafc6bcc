package dev.restfault.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says that an operation may answer its errors in any of restfault's formats, whatever its path:
 * it picks the format per request (with the Spring Boot starter's
 * {@code RestfaultRequest.FORMAT_ATTRIBUTE}, from a {@code ?format=} parameter say).
 * Documentation tools then list every format's body for its errors (Partner Center and Partner
 * API under {@code application/json}, problem details under {@code application/problem+json})
 * instead of the one its path is configured with. No effect at run time.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AnyErrorFormat {
}
