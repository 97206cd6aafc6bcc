package dev.restfault.spring.client;

import dev.restfault.client.ClientContract;
import dev.restfault.client.ContractErrorException;
import dev.restfault.client.RequestContext;
import dev.restfault.client.RetryingCall;
import dev.restfault.client.TransportException;
import dev.restfault.client.retry.RetryDecision;
import dev.restfault.core.catalog.StatusCatalog;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * The retry interceptor of Spring's {@code RestClient} and {@code RestTemplate} (and of the
 * {@code @HttpExchange} interfaces built on a {@code RestClient}): sends the contract's headers
 * and retries each call by the {@link ClientContract}'s policy, exactly as
 * {@code RestfaultClient} does.
 *
 * <p>Per call (one {@code retrieve()}, {@code exchange()} or {@code exchange} of a template):
 * <ul>
 *   <li>{@code MS-RequestId}, {@code MS-CorrelationId}, {@code X-Locale} and
 *       {@code MS-Contract-Version} are set once, from {@link ClientContract#callHeaders()}: the
 *       same ids on every attempt; a caller's id that is not a GUID is an
 *       {@code IllegalArgumentException} and nothing is sent;</li>
 *   <li>an error response's body is read here (at most the decoder's cap, within the contract's
 *       error-body timeout; a longer, stalled or broken body is cut and its connection dropped)
 *       and decoded into a {@link ContractErrorException}, which the policy judges: 429 after
 *       {@code Retry-After}, only idempotent methods or a caller's {@code MS-RequestId} after a
 *       500, 502, 503/504 without {@code Retry-After}, never 400, 401, 403, 404, 405, 406, 409,
 *       412, 501; budget, deadline and jitter as configured;</li>
 *   <li>a transport failure ({@code IOException}) becomes a {@link TransportException} and is
 *       retried by the same rules; the last one is thrown as it is (not Spring's
 *       {@code ResourceAccessException});</li>
 *   <li>the waits between attempts block the calling thread, which the call blocks anyway.</li>
 * </ul>
 * When the call gives up on an error status, the interceptor returns that response with the body
 * it read and the decoded exception attached; {@link ContractErrorHandler} throws it. A call
 * through {@code exchange()}, where no status handler runs, therefore still sees the final error
 * response (status, headers and the body kept).
 *
 * <p>Place it first among the interceptors ({@link #configure(RestClient.Builder, ClientContract)}
 * does) so that the others (authentication, say) run again on each attempt. The request body is
 * Spring's buffered byte array, so every attempt sends it again. Thread-safe.
 */
public final class ContractInterceptor implements ClientHttpRequestInterceptor {

    private final ClientContract contract;

    /**
     * @throws NullPointerException if {@code contract} is null
     */
    public ContractInterceptor(ClientContract contract) {
        this.contract = Objects.requireNonNull(contract, "contract");
    }

    /**
     * Puts the contract on a {@code RestClient} builder: this interceptor first, and
     * {@link ContractErrorHandler} as a default status handler, which Spring consults before its
     * own built-in one (which cannot be switched off).
     *
     * @return the builder
     * @throws NullPointerException if an argument is null
     */
    public static RestClient.Builder configure(RestClient.Builder builder, ClientContract contract) {
        Objects.requireNonNull(builder, "builder");
        ContractInterceptor interceptor = new ContractInterceptor(contract);
        return builder.requestInterceptors(list -> list.add(0, interceptor))
                .defaultStatusHandler(new ContractErrorHandler(contract.errorDecoder(), contract.errorBodyTimeout()));
    }

    /**
     * Puts the contract on a {@code RestTemplate}: this interceptor first, and
     * {@link ContractErrorHandler} as its error handler unless the template has one of its own
     * (anything but Spring's {@code DefaultResponseErrorHandler} is kept).
     *
     * @return the template
     * @throws NullPointerException if an argument is null
     */
    public static RestTemplate configure(RestTemplate template, ClientContract contract) {
        Objects.requireNonNull(template, "template");
        template.getInterceptors().add(0, new ContractInterceptor(contract));
        if (template.getErrorHandler().getClass() == DefaultResponseErrorHandler.class) {
            template.setErrorHandler(new ContractErrorHandler(contract.errorDecoder(), contract.errorBodyTimeout()));
        }
        return template;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        HttpHeaders headers = request.getHeaders();
        RequestContext first = contract.callHeaders().apply(request.getMethod().name(), request.getURI(),
                headers::getFirst, headers::set);
        RetryingCall call = contract.start(first);
        while (true) {
            RequestContext attempt = call.context();
            call.attemptStarting();
            long start = System.nanoTime();
            ClientHttpResponse response = null;
            int status;
            try {
                response = execution.execute(request, body);
                // Inside the try: HttpURLConnection (the SIMPLE factory) sends a request body in
                // execute() but reads the response only here, so a reset or a read timeout on the
                // head surfaces from this call.
                status = response.getStatusCode().value();
            } catch (IOException e) {
                if (response != null) {
                    response.close();
                }
                TransportException failure = TransportException.from(e, attempt).orElseThrow(() -> e);
                RetryDecision decision = call.failed(failure, took(start));
                if (!decision.shouldRetry()) {
                    throw failure;
                }
                call.awaitDelay(decision);
                continue;
            }
            if (!StatusCatalog.isError(status)) {
                call.succeeded(status, took(start));
                return response;
            }
            DecodedErrorResponse error = DecodedErrorResponse.read(status, response, contract.errorDecoder(),
                    call.bounded(contract.errorBodyTimeout()), attempt);
            RetryDecision decision = call.failed(error.error(), took(start));
            if (!decision.shouldRetry()) {
                return error;
            }
            call.awaitDelay(decision);
        }
    }

    private static Duration took(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public String toString() {
        return "ContractInterceptor{" + contract + "}";
    }
}
