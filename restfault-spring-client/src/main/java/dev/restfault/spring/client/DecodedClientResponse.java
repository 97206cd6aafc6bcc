package dev.restfault.spring.client;

import dev.restfault.client.ContractErrorException;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.support.ClientResponseWrapper;

/**
 * An error response whose body {@link ContractExchangeFilter} read (capped, timed) and decoded:
 * it serves the status, headers, cookies and the kept bytes of the original, and carries the
 * decoded exception for {@link ContractExchangeFilter#statusHandler}.
 */
final class DecodedClientResponse extends ClientResponseWrapper {

    private final ContractErrorException error;

    DecodedClientResponse(ClientResponse buffered, ContractErrorException error) {
        super(buffered);
        this.error = error;
    }

    ContractErrorException error() {
        return error;
    }

    @Override
    public String toString() {
        return "DecodedClientResponse{" + error.status() + ", " + error.body() + "}";
    }
}
