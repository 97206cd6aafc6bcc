package dev.restfault.feign;

import dev.restfault.client.ContractErrorException;
import dev.restfault.client.TransportException;
import dev.restfault.client.retry.RetryDecision;
import feign.Request;
import feign.RetryableException;
import feign.Retryer;

/** Carries out the policy's decisions; see {@link FeignContract}. Stateless. */
final class ContractRetryer implements Retryer {

    private final FeignContract owner;

    ContractRetryer(FeignContract owner) {
        this.owner = owner;
    }

    @Override
    public void continueOrPropagate(RetryableException e) {
        Request request = e.request();
        FeignCall call = owner.call(request == null ? null : request.requestTemplate(), request);
        Throwable cause = e.getCause();
        if (cause instanceof ContractErrorException) {
            RetryDecision decided = call.takePending();
            if (decided == null) {
                // Decoded by this contract's decoder for another call: nothing was decided here.
                throw (ContractErrorException) cause;
            }
            call.awaitDelay(decided);
            return;
        }
        TransportException failure = TransportException.from(cause, call.context()).orElse(null);
        if (failure == null) {
            // Not a transport failure and not decoded here (another decoder's RetryableException):
            // Feign's own exception goes on as it is.
            owner.ended(request == null ? null : request.requestTemplate());
            throw e;
        }
        RetryDecision decision = call.failed(failure, false);
        if (!decision.shouldRetry()) {
            owner.ended(request == null ? null : request.requestTemplate());
            throw failure;
        }
        call.awaitDelay(decision);
    }

    /** The same instance: the per-call state lives in {@link FeignContract}, by request template. */
    @Override
    public Retryer clone() {
        return this;
    }

    @Override
    public String toString() {
        return "restfault Retryer";
    }
}
