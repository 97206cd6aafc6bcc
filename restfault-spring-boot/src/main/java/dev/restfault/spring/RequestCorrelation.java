package dev.restfault.spring;

import dev.restfault.core.http.HeaderNames;
import dev.restfault.core.http.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;

/**
 * The {@code MS-CorrelationId} and {@code MS-RequestId} of a request, as restfault assigned them.
 *
 * <p>A request that carried valid GUIDs keeps them; anything else (absent, malformed, hostile) is
 * replaced by a fresh GUID and never echoed. The ids are assigned once per request, stored as
 * request attributes, sent on every response (success or error) and put in the SLF4J MDC under
 * {@link #MDC_CORRELATION_ID} and {@link #MDC_REQUEST_ID} while the request is processed.
 * Immutable.
 *
 * @param correlationId the GUID of the logical operation
 * @param requestId the GUID of this request
 */
public record RequestCorrelation(String correlationId, String requestId) {

    /** MDC key of the correlation id. */
    public static final String MDC_CORRELATION_ID = "correlationId";
    /** MDC key of the request id. */
    public static final String MDC_REQUEST_ID = "requestId";

    private static final String ATTRIBUTE = RequestCorrelation.class.getName();

    /** @throws IllegalArgumentException if either id is not a GUID */
    public RequestCorrelation {
        if (!RequestIds.isValid(correlationId) || !RequestIds.isValid(requestId)) {
            throw new IllegalArgumentException("correlation and request ids must be GUIDs");
        }
    }

    /**
     * The ids of {@code request}: those assigned earlier in its processing, otherwise assigned now
     * from its headers (echoed when valid GUIDs, generated otherwise) and remembered.
     */
    public static RequestCorrelation of(HttpServletRequest request) {
        Objects.requireNonNull(request, "request");
        Object existing = request.getAttribute(ATTRIBUTE);
        if (existing instanceof RequestCorrelation) {
            return (RequestCorrelation) existing;
        }
        RequestCorrelation ids = new RequestCorrelation(
                RequestIds.validOrNew(request.getHeader(HeaderNames.MS_CORRELATION_ID)),
                RequestIds.validOrNew(request.getHeader(HeaderNames.MS_REQUEST_ID)));
        request.setAttribute(ATTRIBUTE, ids);
        return ids;
    }
}
