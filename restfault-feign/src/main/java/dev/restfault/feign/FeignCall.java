package dev.restfault.feign;

import dev.restfault.client.ClientContract;
import dev.restfault.client.RequestContext;
import dev.restfault.client.RestfaultException;
import dev.restfault.client.RetryingCall;
import dev.restfault.client.retry.RetryDecision;
import feign.Request;
import feign.RequestTemplate;
import feign.Target;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Feign call as the policy sees it: its {@link RetryingCall}, when the current attempt
 * started, and the decision the error decoder took for the retryer to carry out.
 */
final class FeignCall {

    private final RetryingCall call;
    private volatile long attemptStart = System.nanoTime();
    private RetryDecision pending; // guarded by this

    private FeignCall(RetryingCall call) {
        this.call = call;
    }

    /** From the interceptor: sets the contract's headers on the template and starts the call. */
    static FeignCall start(ClientContract contract, RequestTemplate template) {
        Map<String, String> set = new LinkedHashMap<>();
        RequestContext first = contract.callHeaders().apply(template.method(), uriOf(template),
                name -> first(template.headers().get(name)), set::put);
        set.forEach((name, value) -> {
            template.removeHeader(name);
            template.header(name, value);
        });
        return new FeignCall(contract.start(first));
    }

    /** Without the interceptor: the request's own ids, an id present counted as the caller's. */
    static FeignCall fromRequest(ClientContract contract, Request request) {
        RequestContext base = RequestContext.of(request.httpMethod().name(), uriOf(request.url()));
        String requestId = first(request.headers().get("MS-RequestId"));
        String correlationId = first(request.headers().get("MS-CorrelationId"));
        RequestContext context = base;
        try {
            context = base.withRequestId(requestId).withCorrelationId(correlationId);
        } catch (IllegalArgumentException notGuids) {
            // Ids that are not GUIDs are not quoted; the status still decodes.
        }
        return new FeignCall(contract.start(context));
    }

    private static URI uriOf(RequestTemplate template) {
        Target<?> target = template.feignTarget();
        String base = target == null ? "" : target.url();
        return uriOf(base + template.url());
    }

    private static URI uriOf(String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException notAUri) {
            return URI.create("/");
        }
    }

    private static String first(Collection<String> values) {
        return values == null || values.isEmpty() ? null : values.iterator().next();
    }

    RequestContext context() {
        return call.context();
    }

    void attemptStarting() {
        attemptStart = System.nanoTime();
        call.attemptStarting();
    }

    Duration bounded(Duration limit) {
        return call.bounded(limit);
    }

    void succeeded(int status) {
        call.succeeded(status, took());
    }

    /** Asks the policy; a decision to retry is kept for the retryer. */
    RetryDecision failed(RestfaultException failure, boolean keepForRetryer) {
        RetryDecision decision = call.failed(failure, took());
        if (keepForRetryer && decision.shouldRetry()) {
            synchronized (this) {
                pending = decision;
            }
        }
        return decision;
    }

    /** The decoder's decision to retry, once; null if there is none. */
    synchronized RetryDecision takePending() {
        RetryDecision d = pending;
        pending = null;
        return d;
    }

    void awaitDelay(RetryDecision decision) {
        call.awaitDelay(decision);
    }

    private Duration took() {
        return Duration.ofNanos(System.nanoTime() - attemptStart);
    }
}
