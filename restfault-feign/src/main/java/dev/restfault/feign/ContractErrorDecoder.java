package dev.restfault.feign;

import dev.restfault.client.ContractErrorException;
import dev.restfault.client.RequestContext;
import dev.restfault.client.retry.RetryDecision;
import dev.restfault.core.catalog.StatusCatalog;
import feign.Request;
import feign.Response;
import feign.RetryableException;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;

/** Decodes 4xx/5xx into ContractErrorException and asks the policy; see {@link FeignContract}. */
final class ContractErrorDecoder implements ErrorDecoder {

    private final FeignContract owner;
    private final ErrorDecoder otherStatuses;

    ContractErrorDecoder(FeignContract owner, ErrorDecoder otherStatuses) {
        this.owner = owner;
        this.otherStatuses = otherStatuses;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        int status = response.status();
        if (!StatusCatalog.isError(status)) {
            return otherStatuses.decode(methodKey, response);
        }
        Request request = response.request();
        FeignCall call = owner.call(request.requestTemplate(), request);
        RequestContext context = call.context();
        ContractErrorException error;
        InputStream body = null;
        boolean broken = false;
        try {
            body = response.body() == null ? null : response.body().asInputStream();
        } catch (IOException e) {
            broken = true;
        }
        if (broken) {
            error = owner.contract().errorDecoder().decode(status, response.headers(), null, true, false, context);
        } else {
            error = owner.contract().errorDecoder().decode(status, response.headers(), body,
                    call.bounded(owner.contract().errorBodyTimeout()), context);
        }
        RetryDecision decision = call.failed(error, true);
        if (!decision.shouldRetry()) {
            owner.ended(request.requestTemplate());
            return error;
        }
        // Any Retryer (Feign's own included) waits until then: the server's Retry-After, or the
        // policy's backoff.
        long retryAt = System.currentTimeMillis() + decision.delay().toMillis();
        return new RetryableException(status, error.getMessage(), request.httpMethod(), error, retryAt, request);
    }

    @Override
    public String toString() {
        return "restfault ErrorDecoder";
    }
}
