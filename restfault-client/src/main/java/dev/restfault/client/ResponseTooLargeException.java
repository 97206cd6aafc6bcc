package dev.restfault.client;

import dev.restfault.core.catalog.RetryRule;

/**
 * A successful (or informational, or redirect) response's body exceeded the client's
 * {@link RestfaultClient.Builder#maxResponseBytes(int) cap}. The client stopped reading and
 * closed the connection rather than buffer an unbounded body. Error responses never end here:
 * their bodies are cut to the decoder's cap and reported in a {@link ContractErrorException}.
 */
public final class ResponseTooLargeException extends RestfaultException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int maxBytes;

    ResponseTooLargeException(int status, int maxBytes, RequestContext request) {
        super("HTTP " + status + " response body exceeds the " + maxBytes + "-byte limit", null, request);
        this.status = status;
        this.maxBytes = maxBytes;
    }

    /** The response status. */
    public int status() {
        return status;
    }

    /** The cap that was exceeded, in bytes. */
    public int maxBytes() {
        return maxBytes;
    }

    /** {@link RetryRule#NEVER}: the same request brings the same body. */
    @Override
    public RetryRule retryRule() {
        return RetryRule.NEVER;
    }
}
