package dev.restfault.spring;

import dev.restfault.core.model.ErrorFormat;
import dev.restfault.server.CorrelationIds;
import dev.restfault.server.HeaderLookup;
import dev.restfault.server.RequestFacts;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * A WebFlux exchange as restfault sees it, for application code: its ids and the facts the
 * rendering core reads. The reactive counterpart of {@link RestfaultRequest}, whose constants it
 * shares: the exchange attribute {@link RestfaultRequest#FORMAT_ATTRIBUTE} chooses the error format
 * of one exchange, and the ids are in the SLF4J MDC under {@link RestfaultRequest#MDC_CORRELATION_ID}
 * and {@link RestfaultRequest#MDC_REQUEST_ID} wherever the exchange's reactive chain runs.
 *
 * <p>Ids: an exchange whose request carried valid {@code MS-CorrelationId}/{@code MS-RequestId}
 * GUIDs keeps them; anything else (absent, malformed, hostile) is replaced by a fresh GUID and
 * never echoed. They are assigned once per exchange, kept as an exchange attribute and sent on
 * every response, success or error.
 *
 * <p>Loads no servlet type: a WebFlux application without the servlet API uses it as it is.
 */
public final class RestfaultExchange {

    private static final String IDS_ATTRIBUTE = CorrelationIds.class.getName();

    private RestfaultExchange() {
    }

    /**
     * The ids of {@code exchange}: those assigned earlier in its processing, otherwise assigned now
     * from its request's headers (echoed when valid GUIDs, generated otherwise) and remembered.
     *
     * @throws NullPointerException if {@code exchange} is null
     */
    public static CorrelationIds ids(ServerWebExchange exchange) {
        Objects.requireNonNull(exchange, "exchange");
        Object existing = exchange.getAttribute(IDS_ATTRIBUTE);
        if (existing instanceof CorrelationIds) {
            return (CorrelationIds) existing;
        }
        CorrelationIds ids = CorrelationIds.of(exchange.getRequest().getHeaders()::getFirst);
        exchange.getAttributes().put(IDS_ATTRIBUTE, ids);
        return ids;
    }

    /**
     * The facts of {@code exchange} the rendering core reads, to complete and build: its method,
     * its path within the application, its request headers (read on demand), the format chosen
     * through {@link RestfaultRequest#FORMAT_ATTRIBUTE} and its {@link #ids}. For application code
     * that renders an error itself with the {@code ErrorRenderer} bean.
     *
     * @throws NullPointerException if {@code exchange} is null
     */
    public static RequestFacts.Builder facts(ServerWebExchange exchange) {
        Objects.requireNonNull(exchange, "exchange");
        HttpHeaders headers = exchange.getRequest().getHeaders();
        Object chosen = exchange.getAttribute(RestfaultRequest.FORMAT_ATTRIBUTE);
        return RequestFacts.builder(exchange.getRequest().getMethod().name(),
                        exchange.getRequest().getPath().pathWithinApplication().value())
                .headers(HeaderLookup.of(headers::getFirst, headers::get))
                .chosenFormat(chosen instanceof ErrorFormat ? (ErrorFormat) chosen : null)
                .ids(ids(exchange));
    }
}
