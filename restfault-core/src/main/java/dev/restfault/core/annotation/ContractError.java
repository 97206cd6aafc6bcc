package dev.restfault.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an error status that an operation answers because the application decides so (it
 * throws a {@code ContractException} with that status): a 409 for a taken name, a 412 for a stale
 * {@code If-Match}, a 501, and so on. Documentation tools (restfault-springdoc) add it, with its
 * codes, to the operation's responses; what the framework answers on its own (a malformed body,
 * an unknown id in the path, a wrong method) they derive without it.
 *
 * <pre>{@code
 * @ContractError(status = 409, codes = "domainTaken", when = "Another customer has the domain.")
 * @ContractError(status = 412, when = "If-Match names an older version.")
 * @PutMapping("/customers/{id}")
 * Customer update(...) { ... }
 * }</pre>
 *
 * <p>On a method it applies to that operation; on a class, to every operation the class
 * declares. It lives in restfault-core, which the code that throws {@code ContractException}
 * already depends on, so that declaring errors needs no documentation library on the
 * application's class path. Read at startup, never per request.
 *
 * <p>Values are checked when the document is built: a {@link #status} that is not 400..599 (nor
 * {@link #ANY_CLIENT_ERROR} or {@link #ANY_SERVER_ERROR}) or a blank code fails the build of the
 * document with an {@code IllegalArgumentException} naming the operation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(ContractErrors.class)
public @interface ContractError {

    /**
     * {@link #status} for "any 4xx status": the operation answers client errors it cannot list
     * (OpenAPI's {@code 4XX} response), such as a simulation that answers the status it is asked for.
     */
    int ANY_CLIENT_ERROR = 4;

    /** {@link #status} for "any 5xx status" (OpenAPI's {@code 5XX} response). */
    int ANY_SERVER_ERROR = 5;

    /** The status, 400..599, or {@link #ANY_CLIENT_ERROR} / {@link #ANY_SERVER_ERROR}. */
    int status();

    /**
     * The error codes the operation sends with this status (the body's {@code code}); empty means
     * the status's default code from the catalog ({@code conflict} for 409).
     */
    String[] codes() default {};

    /** When it happens, in a sentence, for the reader of the documentation; empty for the catalog's description. */
    String when() default "";
}
