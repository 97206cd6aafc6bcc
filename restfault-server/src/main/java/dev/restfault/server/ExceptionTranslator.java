package dev.restfault.server;

import dev.restfault.core.exception.ContractException;
import java.util.Optional;

/**
 * Turns a failure into the contract error that answers it: the extension point for an
 * application's own exceptions ({@code CustomerNotFoundException} to a 404, say), and how each
 * adapter contributes the translation of its framework's exceptions.
 *
 * <p>Framework-neutral: it sees the failure and the {@link ErrorRequest}, never a servlet request
 * or a reactive exchange, so one translator works unchanged under every adapter (Spring MVC,
 * WebFlux, Jakarta REST).
 *
 * <pre>{@code
 * ExceptionTranslator itemLocked = (failure, request) -> failure instanceof ItemLockedException e
 *         ? Optional.of(ContractException.builder(423).code("itemLocked").description("Item " + e.itemId() + " is locked.").build())
 *         : Optional.empty();
 * }</pre>
 *
 * <p>Order (see {@link ErrorRenderer}): a {@link ContractException} thrown as it is wins over every
 * translator; then the application's translators, in order; then a {@code ContractException}
 * found in the failure's cause chain; then the adapters' built-in translators. What none claims is
 * an unexpected failure: a 500 with the generic text, the exception logged once and never sent.
 *
 * <p>Implementations must be thread-safe and should not throw: a translator that throws is
 * logged and counts as not knowing the failure. Returning null counts as empty.
 */
@FunctionalInterface
public interface ExceptionTranslator {

    /**
     * The contract error for {@code failure}, or empty when this translator does not know it.
     *
     * @param failure never null; already unwrapped from the adapter's own wrappers
     * @param request the request being answered, with its negotiated format and language; never null
     */
    Optional<ContractException> translate(Throwable failure, ErrorRequest request);
}
