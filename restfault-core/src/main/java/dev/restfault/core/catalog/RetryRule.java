package dev.restfault.core.catalog;

import java.util.Locale;
import java.util.Set;

/**
 * When a client may send a failed request again, as the contract and RFC 9110 allow.
 *
 * <p>The rule only says whether a retry is <em>safe</em>; how long to wait and how often to try
 * is a client's retry policy.
 */
public enum RetryRule {
    /** Repeating the same request cannot succeed (400, 401, 403, 404, 405, 406, 409, 412, 501...). */
    NEVER,
    /** Always safe after waiting: the server did not act (429). */
    AFTER_DELAY,
    /**
     * Safe when the server said when to come back with {@code Retry-After}; otherwise only as
     * {@link #IF_IDEMPOTENT} (503, 504).
     */
    IF_RETRY_AFTER_OR_IDEMPOTENT,
    /**
     * The server may have acted: safe only for an idempotent method, or a request that carries
     * an {@code MS-RequestId} the server deduplicates on (500, 502, 408, transport failures).
     */
    IF_IDEMPOTENT;

    /** The idempotent methods of RFC 9110 section 9.2.2 that the contract retries. */
    public static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

    /**
     * Whether a request may be retried under this rule.
     *
     * @param method the request method, any case; null counts as not idempotent
     * @param hasRequestId whether the request carries an {@code MS-RequestId}
     * @param hasRetryAfter whether the response said when to retry
     */
    public boolean permits(String method, boolean hasRequestId, boolean hasRetryAfter) {
        switch (this) {
            case NEVER:
                return false;
            case AFTER_DELAY:
                return true;
            case IF_RETRY_AFTER_OR_IDEMPOTENT:
                return hasRetryAfter || idempotentOrDeduplicated(method, hasRequestId);
            case IF_IDEMPOTENT:
                return idempotentOrDeduplicated(method, hasRequestId);
            default:
                throw new AssertionError(this);
        }
    }

    /** Whether {@code method} is one of {@link #IDEMPOTENT_METHODS}, ignoring case. */
    public static boolean isIdempotent(String method) {
        return method != null && IDEMPOTENT_METHODS.contains(method.toUpperCase(Locale.ROOT));
    }

    private static boolean idempotentOrDeduplicated(String method, boolean hasRequestId) {
        return hasRequestId || isIdempotent(method);
    }
}
