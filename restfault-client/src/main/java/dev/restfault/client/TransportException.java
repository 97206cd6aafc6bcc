package dev.restfault.client;

import dev.restfault.core.catalog.RetryRule;

/**
 * No complete HTTP response arrived: the connection could not be made, broke, timed out, or TLS
 * failed. Distinct from {@link ContractErrorException}, where the server did answer, and with the
 * same {@link #request() request context}.
 *
 * <p>The server may or may not have acted on the request, so the contract retries these only
 * for idempotent methods or requests that carry an {@code MS-RequestId}
 * ({@link RetryRule#IF_IDEMPOTENT}); {@link TlsException} overrides that. The I/O exception
 * that {@code java.net.http} reported is the {@link #getCause() cause}.
 */
public abstract class TransportException extends RestfaultException {

    private static final long serialVersionUID = 1L;

    TransportException(String detail, Throwable cause, RequestContext request) {
        super(detail, cause, request);
    }

    /** {@link RetryRule#IF_IDEMPOTENT}: the contract's rule for transport failures. */
    @Override
    public RetryRule retryRule() {
        return RetryRule.IF_IDEMPOTENT;
    }
}
