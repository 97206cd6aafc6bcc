package dev.restfault.feign;

import feign.RequestInterceptor;
import feign.RequestTemplate;

/** Sets the contract's headers on a call's first attempt and marks the start of each attempt. */
final class ContractRequestInterceptor implements RequestInterceptor {

    private final FeignContract owner;

    ContractRequestInterceptor(FeignContract owner) {
        this.owner = owner;
    }

    @Override
    public void apply(RequestTemplate template) {
        owner.startOrContinue(template).attemptStarting();
    }

    @Override
    public String toString() {
        return "restfault RequestInterceptor";
    }
}
