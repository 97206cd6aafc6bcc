package dev.restfault.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Leaves an operation's errors out of the generated documentation: documentation tools
 * (restfault-springdoc) add no error response to an operation whose method or class carries it,
 * and leave whatever the operation documents by itself untouched. For an operation that documents
 * its errors by hand, or that is not served through restfault. It changes nothing at run time:
 * the operation's errors are still contract errors.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface UndocumentedErrors {
}
