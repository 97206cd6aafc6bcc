package dev.restfault.feign;

import dev.restfault.core.catalog.StatusCatalog;
import feign.InvocationContext;
import feign.Response;
import feign.ResponseInterceptor;

/** Tells the contract's listener of a successful attempt and ends the call's state. */
final class ContractResponseInterceptor implements ResponseInterceptor {

    private final FeignContract owner;

    ContractResponseInterceptor(FeignContract owner) {
        this.owner = owner;
    }

    @Override
    public Object intercept(InvocationContext context, Chain chain) throws Exception {
        Response response = context.response();
        if (!StatusCatalog.isError(response.status()) && response.request() != null) {
            FeignCall call = owner.existing(response.request().requestTemplate());
            if (call != null) {
                call.succeeded(response.status());
                owner.ended(response.request().requestTemplate());
            }
        }
        return chain.next(context);
    }

    @Override
    public String toString() {
        return "restfault ResponseInterceptor";
    }
}
