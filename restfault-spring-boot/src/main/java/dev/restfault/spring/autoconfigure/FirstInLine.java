package dev.restfault.spring.autoconfigure;

import dev.restfault.spring.reactive.ContractWebExceptionHandler;
import dev.restfault.spring.reactive.ContractWebFilter;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebFilter;

/**
 * restfault's exception handler, when restfault's filter is the first WebFlux filter and that
 * handler the first exception handler, in the order WebFlux builds its chain from the beans; null
 * otherwise (an application filter before restfault's would no longer see failures go by, an
 * application handler before restfault's would no longer get them). Decided at the first request,
 * when every bean exists, and kept: the chain is built once. The providers must come from the
 * context ({@code getBeanProvider}), not be injected into the filter's own bean method, where
 * Spring leaves the filter being created out of what they see.
 */
final class FirstInLine implements Supplier<WebExceptionHandler> {

    private final ObjectProvider<WebFilter> filters;
    private final ObjectProvider<WebExceptionHandler> handlers;
    private volatile Optional<WebExceptionHandler> decided;

    FirstInLine(ObjectProvider<WebFilter> filters, ObjectProvider<WebExceptionHandler> handlers) {
        this.filters = filters;
        this.handlers = handlers;
    }

    @Override
    public WebExceptionHandler get() {
        Optional<WebExceptionHandler> first = decided;
        if (first == null) {
            WebFilter firstFilter = filters.orderedStream().findFirst().orElse(null);
            WebExceptionHandler firstHandler = handlers.orderedStream().findFirst().orElse(null);
            first = firstFilter instanceof ContractWebFilter && firstHandler instanceof ContractWebExceptionHandler
                    ? Optional.of(firstHandler) : Optional.empty();
            decided = first;
        }
        return first.orElse(null);
    }
}
