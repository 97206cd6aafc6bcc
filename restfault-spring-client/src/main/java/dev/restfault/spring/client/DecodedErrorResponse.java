package dev.restfault.spring.client;

import dev.restfault.client.ContractErrorException;
import dev.restfault.client.ErrorDecoder;
import dev.restfault.client.RequestContext;
import dev.restfault.core.catalog.StatusCatalog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * An error response whose body was read (capped, within a time limit) and decoded: what
 * {@link ContractInterceptor} hands on when it gives up, and what {@link ContractErrorHandler}
 * throws the attached exception from. The original response is closed; this one serves the
 * status, the headers and the kept bytes, and has nothing to close.
 */
final class DecodedErrorResponse implements ClientHttpResponse {

    private final int status;
    private final HttpHeaders headers;
    private final ContractErrorException error;

    private DecodedErrorResponse(int status, HttpHeaders headers, ContractErrorException error) {
        this.status = status;
        this.headers = headers;
        this.error = error;
    }

    /**
     * Reads and decodes {@code response}'s body and closes {@code response}.
     *
     * @param status its status, 400..599
     */
    static DecodedErrorResponse read(int status, ClientHttpResponse response, ErrorDecoder decoder, Duration timeout,
            RequestContext request) {
        HttpHeaders headers;
        ContractErrorException error;
        try (response) {
            headers = HttpHeaders.readOnlyHttpHeaders(HttpHeaders.copyOf(response.getHeaders()));
            InputStream body;
            try {
                body = response.getBody();
            } catch (IOException broken) {
                // The status and headers arrived, the body did not: they still say what happened.
                return new DecodedErrorResponse(status, headers,
                        decoder.decode(status, headers.asMultiValueMap(), (byte[]) null, true, false, request));
            }
            error = decoder.decode(status, headers.asMultiValueMap(), body, timeout, request);
        }
        return new DecodedErrorResponse(status, headers, error);
    }

    ContractErrorException error() {
        return error;
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return HttpStatusCode.valueOf(status);
    }

    @Override
    public String getStatusText() {
        return StatusCatalog.entry(status).reasonPhrase();
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }

    /** The bytes kept of the body (at most the decoder's cap). */
    @Override
    public InputStream getBody() {
        return new ByteArrayInputStream(error.body().bytes());
    }

    @Override
    public void close() {
        // The original response was closed once its body was read.
    }

    @Override
    public String toString() {
        return "DecodedErrorResponse{" + status + ", " + error.body() + "}";
    }
}
