package dev.restfault.spring.client;

import dev.restfault.client.ClientContract;
import dev.restfault.client.ContractErrorException;
import dev.restfault.client.ErrorDecoder;
import dev.restfault.client.RequestContext;
import dev.restfault.core.catalog.StatusCatalog;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResponseErrorHandler;

/**
 * The status handler of {@code RestClient} ({@code defaultStatusHandler}) and the error handler
 * of {@code RestTemplate}: every 4xx and 5xx response becomes a {@link ContractErrorException},
 * the same one {@code RestfaultClient} raises, instead of Spring's
 * {@code HttpClientErrorException} with an unread body.
 *
 * <p>Spring's {@code RestClient} always adds its own status handler after the ones configured,
 * and it cannot be switched off (spring-framework issue 36248); it only runs for a response that
 * no earlier handler claimed. This handler claims every error status and throws, so Spring's
 * never runs. Handlers added per request with {@code onStatus(...)} still run before it.
 *
 * <p>When {@link ContractInterceptor} already read and decoded the response (it does for every
 * error it gives up on), the exception it decoded is thrown, with its attempt number and
 * {@code retryStop()}. Otherwise the body is read here (at most the decoder's cap, within the
 * timeout) and decoded; the request context then has the method and URI but no ids (without the
 * interceptor none were set), and {@code requestId()} is the server's echo when it sent one.
 * Thread-safe.
 */
public final class ContractErrorHandler implements ResponseErrorHandler {

    private final ErrorDecoder decoder;
    private final Duration bodyTimeout;

    /**
     * @param decoder how error bodies are decoded
     * @param bodyTimeout the longest time to read an error body; positive
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code bodyTimeout} is not positive
     */
    public ContractErrorHandler(ErrorDecoder decoder, Duration bodyTimeout) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
            throw new IllegalArgumentException("bodyTimeout must be positive, was " + bodyTimeout);
        }
        this.bodyTimeout = bodyTimeout;
    }

    /** With the decoder and error-body timeout of {@code contract}. */
    public ContractErrorHandler(ClientContract contract) {
        this(contract.errorDecoder(), contract.errorBodyTimeout());
    }

    /** True for every 4xx and 5xx status. */
    @Override
    public boolean hasError(ClientHttpResponse response) throws IOException {
        return StatusCatalog.isError(response.getStatusCode().value());
    }

    /**
     * @throws ContractErrorException always, for an error status
     * @throws IllegalArgumentException if the status is not 4xx or 5xx ({@link #hasError} said no)
     */
    @Override
    public void handleError(URI url, HttpMethod method, ClientHttpResponse response) throws IOException {
        if (response instanceof DecodedErrorResponse) {
            throw ((DecodedErrorResponse) response).error();
        }
        int status = response.getStatusCode().value();
        RequestContext request = RequestContext.of(method.name(), url);
        throw DecodedErrorResponse.read(status, response, decoder, bodyTimeout, request).error();
    }
}
