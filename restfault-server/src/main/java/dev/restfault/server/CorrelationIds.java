package dev.restfault.server;

import dev.restfault.core.http.HeaderNames;
import dev.restfault.core.http.RequestIds;

/**
 * The {@code MS-CorrelationId} and {@code MS-RequestId} of a request, as the server assigned them:
 * a request that carried valid GUIDs keeps them; anything else (absent, malformed, hostile) is
 * replaced by a fresh GUID and never echoed. Every error carries them, and the 500's description
 * quotes the request id. Immutable.
 *
 * @param correlationId the GUID of the logical operation
 * @param requestId the GUID of this request
 */
public record CorrelationIds(String correlationId, String requestId) {

    /** @throws IllegalArgumentException if either id is not a GUID */
    public CorrelationIds {
        if (!RequestIds.isValid(correlationId) || !RequestIds.isValid(requestId)) {
            throw new IllegalArgumentException("correlation and request ids must be GUIDs");
        }
    }

    /**
     * The ids for a request that sent these header values: each echoed when it is a GUID, a fresh
     * GUID otherwise.
     *
     * @param correlationHeader the request's {@code MS-CorrelationId}, or null
     * @param requestHeader the request's {@code MS-RequestId}, or null
     */
    public static CorrelationIds of(String correlationHeader, String requestHeader) {
        return new CorrelationIds(RequestIds.validOrNew(correlationHeader), RequestIds.validOrNew(requestHeader));
    }

    /**
     * The ids for a request whose headers are read through {@code headers}; a lookup that throws
     * counts as no header.
     *
     * @throws NullPointerException if {@code headers} is null
     */
    public static CorrelationIds of(HeaderLookup headers) {
        return of(RequestFacts.safeFirst(headers, HeaderNames.MS_CORRELATION_ID),
                RequestFacts.safeFirst(headers, HeaderNames.MS_REQUEST_ID));
    }

    /** Two fresh GUIDs: for a request whose headers cannot be trusted to be its own. */
    public static CorrelationIds generate() {
        return new CorrelationIds(RequestIds.generate(), RequestIds.generate());
    }
}
