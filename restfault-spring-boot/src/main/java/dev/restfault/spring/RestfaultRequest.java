package dev.restfault.spring;

import dev.restfault.core.model.ErrorFormat;
import dev.restfault.server.CorrelationIds;
import dev.restfault.server.HeaderLookup;
import dev.restfault.server.RequestFacts;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;

/**
 * A servlet request as restfault sees it, for application code: its ids, the format its errors are
 * written in, and the facts the rendering core reads. {@link RestfaultExchange} is the same for a
 * WebFlux exchange.
 *
 * <p>Ids: a request that carried valid {@code MS-CorrelationId}/{@code MS-RequestId} GUIDs keeps
 * them; anything else (absent, malformed, hostile) is replaced by a fresh GUID and never echoed.
 * They are assigned once per request, kept as a request attribute, sent on every response
 * (success or error) and put in the SLF4J MDC under {@link #MDC_CORRELATION_ID} and
 * {@link #MDC_REQUEST_ID} while the request is processed.
 */
public final class RestfaultRequest {

    /** MDC key of the correlation id (on both web stacks). */
    public static final String MDC_CORRELATION_ID = "correlationId";
    /** MDC key of the request id (on both web stacks). */
    public static final String MDC_REQUEST_ID = "requestId";

    /**
     * A request attribute (a WebFlux exchange attribute too) through which application code chooses
     * the error format of one request (an {@link ErrorFormat}), over {@code Accept} and the
     * configured path formats: for a resource that lets its caller pick, such as a {@code ?format=}
     * parameter. A compile-time constant: reading it loads no servlet type.
     */
    public static final String FORMAT_ATTRIBUTE = "dev.restfault.spring.format";

    private static final String IDS_ATTRIBUTE = CorrelationIds.class.getName();

    private RestfaultRequest() {
    }

    /**
     * The ids of {@code request}: those assigned earlier in its processing, otherwise assigned now
     * from its headers (echoed when valid GUIDs, generated otherwise) and remembered.
     *
     * @throws NullPointerException if {@code request} is null
     */
    public static CorrelationIds ids(HttpServletRequest request) {
        Objects.requireNonNull(request, "request");
        Object existing = request.getAttribute(IDS_ATTRIBUTE);
        if (existing instanceof CorrelationIds) {
            return (CorrelationIds) existing;
        }
        CorrelationIds ids = CorrelationIds.of(request::getHeader);
        request.setAttribute(IDS_ATTRIBUTE, ids);
        return ids;
    }

    /**
     * The facts of {@code request} the rendering core reads, to complete and build: its method,
     * its path within the application (on the container's error dispatch, the path that failed),
     * its headers (read on demand), the format chosen through {@link #FORMAT_ATTRIBUTE} and its
     * {@link #ids}. For application code that renders an error itself with the
     * {@code ErrorRenderer} bean.
     *
     * @throws NullPointerException if {@code request} is null
     */
    public static RequestFacts.Builder facts(HttpServletRequest request) {
        Object chosen = request.getAttribute(FORMAT_ATTRIBUTE);
        return RequestFacts.builder(request.getMethod(), pathOf(request))
                .headers(HeaderLookup.of(request::getHeader, name -> lines(request.getHeaders(name))))
                .chosenFormat(chosen instanceof ErrorFormat ? (ErrorFormat) chosen : null)
                .ids(ids(request));
    }

    private static List<String> lines(Enumeration<String> values) {
        return values == null ? List.of() : Collections.list(values);
    }

    private static String pathOf(HttpServletRequest request) {
        Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = errorUri instanceof String ? (String) errorUri : request.getRequestURI();
        if (uri == null) {
            return "/";
        }
        String context = request.getContextPath();
        if (context != null && !context.isEmpty() && uri.startsWith(context)) {
            uri = uri.substring(context.length());
        }
        return uri.isEmpty() ? "/" : uri;
    }
}
