package dev.restfault.client;

import dev.restfault.core.http.HeaderValues;
import dev.restfault.core.http.RequestIds;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The request an outcome belongs to: method, URI, the {@code MS-RequestId} and
 * {@code MS-CorrelationId} it carried, and which attempt of the logical call it was.
 *
 * <p>Every {@link RestfaultException} carries one, so an HTTP error and a transport failure of
 * the same call tell the same story. Guarantees: the method is an upper-case HTTP token, the URI is
 * non-null, the ids are GUIDs when present, the attempt is at least
 * 1. Immutable and thread-safe.
 */
public final class RequestContext {

    private final String method;
    private final URI uri;
    private final String requestId;
    private final String correlationId;
    private final int attempt;
    private final boolean requestIdSuppliedByCaller;

    private RequestContext(String method, URI uri, String requestId, boolean requestIdSuppliedByCaller,
            String correlationId, int attempt) {
        this.method = method;
        this.uri = uri;
        this.requestId = requestId;
        this.requestIdSuppliedByCaller = requestId != null && requestIdSuppliedByCaller;
        this.correlationId = correlationId;
        this.attempt = attempt;
    }

    /**
     * The context of a first attempt without ids.
     *
     * @param method the request method, such as {@code "GET"}; kept upper-cased
     * @param uri the request URI
     * @throws NullPointerException if {@code method} or {@code uri} is null
     * @throws IllegalArgumentException if {@code method} is not an HTTP token (empty, spaces,
     *     control characters...)
     */
    public static RequestContext of(String method, URI uri) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        if (!HeaderValues.isToken(method)) {
            throw new IllegalArgumentException("method must be an HTTP token");
        }
        return new RequestContext(method.toUpperCase(Locale.ROOT), uri, null, false, null, 1);
    }

    /**
     * A copy carrying {@code requestId} as an {@code MS-RequestId} the <em>caller</em> supplied:
     * the caller vouches that the server deduplicates on it, so it makes a retry of a
     * non-idempotent method safe ({@link #requestIdSuppliedByCaller()} is true).
     *
     * @param requestId a GUID (see {@link RequestIds#isValid(String)}), or null for none
     * @throws IllegalArgumentException if it is not a GUID; the value is not echoed
     */
    public RequestContext withRequestId(String requestId) {
        return new RequestContext(method, uri, requireId(requestId, "MS-RequestId"), true, correlationId, attempt);
    }

    /**
     * A copy carrying {@code requestId} as an {@code MS-RequestId} the client generated on its
     * own: it is sent (and kept the same across retries) for tracing, but it does not make a
     * non-idempotent request safe to retry ({@link #requestIdSuppliedByCaller()} is false),
     * because nobody vouched that the server deduplicates on it.
     *
     * @param requestId a GUID, or null for none
     * @throws IllegalArgumentException if it is not a GUID; the value is not echoed
     */
    public RequestContext withGeneratedRequestId(String requestId) {
        return new RequestContext(method, uri, requireId(requestId, "MS-RequestId"), false, correlationId, attempt);
    }

    /**
     * A copy carrying {@code correlationId} as its {@code MS-CorrelationId}.
     *
     * @param correlationId a GUID, or null for none
     * @throws IllegalArgumentException if it is not a GUID; the value is not echoed
     */
    public RequestContext withCorrelationId(String correlationId) {
        return new RequestContext(method, uri, requestId, requestIdSuppliedByCaller,
                requireId(correlationId, "MS-CorrelationId"), attempt);
    }

    /**
     * A copy for attempt number {@code attempt} of the same logical call.
     *
     * @throws IllegalArgumentException if {@code attempt} is less than 1
     */
    public RequestContext withAttempt(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
        }
        return new RequestContext(method, uri, requestId, requestIdSuppliedByCaller, correlationId, attempt);
    }

    private static String requireId(String id, String name) {
        if (id != null && !RequestIds.isValid(id)) {
            throw new IllegalArgumentException(name + " must be a GUID in 8-4-4-4-12 form");
        }
        return id;
    }

    /** The request method, upper case. */
    public String method() {
        return method;
    }

    /** The request URI, exactly as sent (query included: do not log it blindly). */
    public URI uri() {
        return uri;
    }

    /** The {@code MS-RequestId} the request carried, if any. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /**
     * Whether the {@code MS-RequestId} was supplied by the caller (docs/contract.md, section
     * Retry: only such an id makes a POST or PATCH retryable after a 500, 502 or transport
     * failure); false when the request carried none or the client generated it.
     */
    public boolean requestIdSuppliedByCaller() {
        return requestIdSuppliedByCaller;
    }

    /** The {@code MS-CorrelationId} the request carried, if any. */
    public Optional<String> correlationId() {
        return Optional.ofNullable(correlationId);
    }

    /** Which attempt of the logical call this was, from 1. */
    public int attempt() {
        return attempt;
    }

    /** Method, URI without its query, attempt and ids; safe to log. */
    @Override
    public String toString() {
        return method + " " + Safe.uri(uri) + ", attempt " + attempt
                + (requestId == null ? "" : ", MS-RequestId " + requestId + (requestIdSuppliedByCaller ? "" : " (generated)"))
                + (correlationId == null ? "" : ", MS-CorrelationId " + correlationId);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RequestContext)) {
            return false;
        }
        RequestContext c = (RequestContext) o;
        return method.equals(c.method) && uri.equals(c.uri) && Objects.equals(requestId, c.requestId)
                && requestIdSuppliedByCaller == c.requestIdSuppliedByCaller
                && Objects.equals(correlationId, c.correlationId) && attempt == c.attempt;
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, uri, requestId, requestIdSuppliedByCaller, correlationId, attempt);
    }
}
