package dev.restfault.spring.reactive;

import dev.restfault.server.CorrelationIds;
import dev.restfault.spring.RestfaultRequest;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;
import reactor.core.publisher.Hooks;
import reactor.util.context.Context;

/**
 * The request ids between the Reactor context and the SLF4J MDC. restfault's filter puts them in
 * the context of the exchange's reactive chain under {@link #CORRELATION_ID_KEY} and
 * {@link #REQUEST_ID_KEY}; a Micrometer context-propagation {@link ThreadLocalAccessor} for each
 * sets the matching MDC key ({@link RestfaultRequest#MDC_CORRELATION_ID},
 * {@link RestfaultRequest#MDC_REQUEST_ID}) on whatever thread runs the chain, and puts back what
 * was there after; with Reactor's automatic context propagation that includes a handler that hops
 * to another scheduler ({@code publishOn(Schedulers.boundedElastic())}).
 */
public final class MdcContext {

    /** The Reactor context key (and accessor key) of the correlation id. */
    public static final String CORRELATION_ID_KEY = "dev.restfault.correlationId";
    /** The Reactor context key (and accessor key) of the request id. */
    public static final String REQUEST_ID_KEY = "dev.restfault.requestId";

    private MdcContext() {
    }

    /** {@code context} with {@code ids} in it. */
    static Context with(Context context, CorrelationIds ids) {
        return context.put(CORRELATION_ID_KEY, ids.correlationId()).put(REQUEST_ID_KEY, ids.requestId());
    }

    /**
     * Registers the two MDC accessors with Micrometer's global context registry (once: a second
     * registration under the same key replaces the first) and, unless the application set
     * {@code spring.reactor.context-propagation} itself, turns on Reactor's automatic context
     * propagation, without which the MDC is set only inside {@code handle} and {@code tap}.
     *
     * @param automaticPropagation whether to turn on Reactor's automatic context propagation
     */
    public static void install(boolean automaticPropagation) {
        ContextRegistry registry = ContextRegistry.getInstance();
        registry.registerThreadLocalAccessor(new MdcAccessor(CORRELATION_ID_KEY, RestfaultRequest.MDC_CORRELATION_ID));
        registry.registerThreadLocalAccessor(new MdcAccessor(REQUEST_ID_KEY, RestfaultRequest.MDC_REQUEST_ID));
        if (automaticPropagation) {
            Hooks.enableAutomaticContextPropagation();
        }
    }

    /** One MDC key as a thread-local value the context-propagation library restores. */
    private static final class MdcAccessor implements ThreadLocalAccessor<String> {

        private final String contextKey;
        private final String mdcKey;

        MdcAccessor(String contextKey, String mdcKey) {
            this.contextKey = contextKey;
            this.mdcKey = mdcKey;
        }

        @Override
        public Object key() {
            return contextKey;
        }

        @Override
        public String getValue() {
            return MDC.get(mdcKey);
        }

        @Override
        public void setValue(String value) {
            MDC.put(mdcKey, value);
        }

        @Override
        public void setValue() {
            MDC.remove(mdcKey);
        }
    }
}
