package dev.restfault.spring.client;

import dev.restfault.client.ClientContract;
import dev.restfault.client.ContractErrorException;
import dev.restfault.client.RequestContext;
import dev.restfault.client.RetryingCall;
import dev.restfault.client.TransportException;
import dev.restfault.client.retry.RetryDecision;
import dev.restfault.core.catalog.StatusCatalog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The exchange filter of Spring's {@code WebClient} (and of the {@code @HttpExchange} interfaces
 * built on one): the contract's headers, the contract's retries, and error responses decoded into
 * {@link ContractErrorException}s, all without blocking a thread.
 *
 * <p>Per call (each subscription to the exchange):
 * <ul>
 *   <li>{@code MS-RequestId}, {@code MS-CorrelationId}, {@code X-Locale} and
 *       {@code MS-Contract-Version} are set once, from {@link ClientContract#callHeaders()}: the
 *       same ids on every attempt (a caller's id that is not a GUID fails the call with an
 *       {@code IllegalArgumentException}; nothing is sent);</li>
 *   <li>an error response's body is read as data buffers, at most the decoder's cap (then the
 *       subscription is cancelled, which drops the connection), within the error-body timeout
 *       (a timer on the {@link Scheduler}), and decoded; a body that breaks off keeps what
 *       arrived;</li>
 *   <li>the {@link ClientContract}'s policy decides on each failure, as in
 *       {@code RestfaultClient}; a retry waits with {@code Mono.delay} on the scheduler (a timer:
 *       no thread sleeps or blocks) and subscribes to the exchange again;</li>
 *   <li>transport failures ({@code WebClientRequestException} and what it wraps) become
 *       {@link TransportException}s, retried by the same rules, the last one signalled as it
 *       is.</li>
 * </ul>
 * When the call gives up on an error status, the filter emits that response with the body it
 * read and the decoded exception attached; {@link #statusHandler(ClientResponse)}, installed as a
 * default status handler by {@link #configure(WebClient.Builder, ClientContract)}, signals that
 * exception from {@code retrieve()}; {@code exchangeToMono(...)} still sees the response.
 *
 * <p>The request body is written again on every attempt: use a body inserter that can be
 * subscribed more than once (values, {@code Mono.just}, resources), as any retry of a
 * {@code WebClient} requires. Thread-safe.
 */
public final class ContractExchangeFilter implements ExchangeFilterFunction {

    private final ClientContract contract;
    private final Scheduler scheduler;

    /**
     * @param scheduler where delays and the error-body timeout are timed
     * @throws NullPointerException if an argument is null
     */
    public ContractExchangeFilter(ClientContract contract, Scheduler scheduler) {
        this.contract = Objects.requireNonNull(contract, "contract");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** Timed on Reactor's parallel scheduler, as {@code Mono.delay} is by default. */
    public ContractExchangeFilter(ClientContract contract) {
        this(contract, Schedulers.parallel());
    }

    /**
     * Puts the contract on a {@code WebClient} builder: this filter first (the others run again
     * on each attempt) and {@link #statusHandler} as a default status handler, which
     * {@code retrieve()} consults before its built-in one.
     *
     * @return the builder
     * @throws NullPointerException if an argument is null
     */
    public static WebClient.Builder configure(WebClient.Builder builder, ClientContract contract) {
        Objects.requireNonNull(builder, "builder");
        ContractExchangeFilter filter = new ContractExchangeFilter(contract);
        return builder.filters(list -> list.add(0, filter))
                .defaultStatusHandler(HttpStatusCode::isError, filter::statusHandler);
    }

    /**
     * The exception for an error response: the one this filter decoded when it gave up, else
     * the response's body decoded now (capped and timed like the filter's). For
     * {@code WebClient.Builder.defaultStatusHandler} and {@code ResponseSpec.onStatus}.
     *
     * @throws NullPointerException if {@code response} is null
     */
    public Mono<ContractErrorException> statusHandler(ClientResponse response) {
        Objects.requireNonNull(response, "response");
        if (response instanceof DecodedClientResponse) {
            return Mono.just(((DecodedClientResponse) response).error());
        }
        RequestContext request = RequestContext.of(response.request().getMethod().name(), response.request().getURI());
        return ErrorBodies.read(response, contract.errorDecoder(), contract.errorBodyTimeout(), scheduler, request);
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        return Mono.defer(() -> {
            Map<String, String> added = new LinkedHashMap<>();
            RequestContext first = contract.callHeaders().apply(request.method().name(), request.url(),
                    request.headers()::getFirst, added::put);
            ClientRequest prepared = ClientRequest.from(request).headers(h -> added.forEach(h::set)).build();
            return attempt(prepared, next, contract.start(first));
        });
    }

    private Mono<ClientResponse> attempt(ClientRequest request, ExchangeFunction next, RetryingCall call) {
        RequestContext attempt = call.context();
        call.attemptStarting();
        long start = System.nanoTime();
        return next.exchange(request).materialize().flatMap(signal -> {
            if (signal.isOnError()) {
                Throwable error = signal.getThrowable();
                TransportException failure = TransportException.from(error, attempt).orElse(null);
                if (failure == null) {
                    return Mono.error(error);
                }
                return retryOrGiveUp(call.failed(failure, took(start)), Mono.error(failure), request, next, call);
            }
            ClientResponse response = signal.get();
            if (response == null) {
                return Mono.empty();
            }
            int status = response.statusCode().value();
            if (!StatusCatalog.isError(status)) {
                call.succeeded(status, took(start));
                return Mono.just(response);
            }
            return ErrorBodies.readKeeping(response, contract.errorDecoder(), call.bounded(contract.errorBodyTimeout()),
                    scheduler, attempt).flatMap(decoded -> retryOrGiveUp(call.failed(decoded.error(), took(start)),
                            Mono.just(decoded), request, next, call));
        });
    }

    private Mono<ClientResponse> retryOrGiveUp(RetryDecision decision, Mono<ClientResponse> giveUp, ClientRequest request,
            ExchangeFunction next, RetryingCall call) {
        if (!decision.shouldRetry()) {
            return giveUp;
        }
        return Mono.delay(decision.delay(), scheduler).then(Mono.defer(() -> attempt(request, next, call)));
    }

    private static Duration took(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public String toString() {
        return "ContractExchangeFilter{" + contract + "}";
    }
}
