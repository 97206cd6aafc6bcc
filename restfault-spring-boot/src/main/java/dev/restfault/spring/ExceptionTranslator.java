package dev.restfault.spring;

import dev.restfault.core.exception.ContractException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Turns a failure into the contract error that answers it.
 *
 * <p>Applications register beans of this type to map their own exceptions (a
 * {@code CustomerNotFoundException} to a 404, say); they are asked in their {@code @Order}, before
 * restfault's built-in translation of Spring MVC, Spring Security and Bean Validation failures.
 * What no translator claims is an unexpected failure: a 500 with the generic description, the
 * exception logged once and never sent.
 *
 * <p>Implementations must be thread-safe and should not throw: an exception thrown here is
 * treated as an unexpected failure of its own.
 */
@FunctionalInterface
public interface ExceptionTranslator {

    /**
     * The contract error for {@code failure}, or empty when this translator does not know it.
     *
     * @param failure never null; already unwrapped from servlet wrappers
     * @param request the request that failed
     */
    Optional<ContractException> translate(Throwable failure, HttpServletRequest request);
}
