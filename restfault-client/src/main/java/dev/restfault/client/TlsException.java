package dev.restfault.client;

import dev.restfault.core.catalog.RetryRule;

/**
 * The TLS handshake or session failed: untrusted certificate, host name mismatch, no common
 * protocol, or a peer that does not speak TLS at all.
 *
 * <p>Never retried ({@link RetryRule#NEVER}): these failures come from configuration on one side
 * or the other and repeat identically, so retrying only delays the report. (The contract names
 * transport failures in general as retryable-if-idempotent; restfault makes this one exception.)
 */
public final class TlsException extends TransportException {

    private static final long serialVersionUID = 1L;

    TlsException(Throwable cause, RequestContext request) {
        super("TLS failed: " + Failures.describe(cause), cause, request);
    }

    @Override
    public RetryRule retryRule() {
        return RetryRule.NEVER;
    }
}
