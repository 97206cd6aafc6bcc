package dev.restfault.spring.reactive;

import dev.restfault.spring.web.ClientAborts;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every failure of a WebFlux application, rendered as a contract error: what annotated controllers
 * and functional endpoints throw or signal (also long after they returned, inside a {@code Mono}
 * or {@code Flux}, as long as nothing was written yet), what WebFlux itself raises (no route, wrong
 * method, 406, 415, unreadable or invalid input, a body over the codec's limit), what
 * {@code WebFilter}s throw, before or after restfault's, and timeouts.
 *
 * <p>An {@link ErrorWebExceptionHandler}, so that Spring Boot's own ({@code DefaultErrorWebExceptionHandler})
 * backs off, and ordered at {@value #ORDER}, before Boot's (-1) and Spring's
 * {@code WebFluxResponseStatusExceptionHandler} (0), should both be there. A client that went away
 * is logged at DEBUG and not answered: nobody is left to read it.
 */
public final class ContractWebExceptionHandler implements ErrorWebExceptionHandler, Ordered {

    /** This handler's order: before Spring Boot's error handler (-1). */
    public static final int ORDER = -2;

    private static final Logger LOG = LoggerFactory.getLogger(ContractWebExceptionHandler.class);

    private final ReactiveErrorResponder responder;

    /** @param responder renders and writes every error */
    public ContractWebExceptionHandler(ReactiveErrorResponder responder) {
        this.responder = Objects.requireNonNull(responder, "responder");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (ClientAborts.isClientAbort(failure)) {
            LOG.debug("Client went away during {} {}: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().pathWithinApplication(), failure.toString());
            return Mono.empty();
        }
        return responder.render(exchange, failure);
    }
}
