package dev.restfault.feign;

import dev.restfault.client.ClientContract;
import feign.Feign;
import feign.Request;
import feign.RequestInterceptor;
import feign.RequestTemplate;
import feign.ResponseInterceptor;
import feign.Retryer;
import feign.codec.ErrorDecoder;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

/**
 * The contract's error decoding and retries for OpenFeign: a {@link RequestInterceptor} that
 * sends the contract's headers, an {@link ErrorDecoder} that turns every 4xx and 5xx into the
 * {@code ContractErrorException} {@code RestfaultClient} raises, a {@link Retryer} that retries
 * by the {@link ClientContract}'s policy, and a {@link ResponseInterceptor} that tells the
 * contract's listener of successes.
 *
 * <pre>{@code
 * FeignContract restfault = FeignContract.of(ClientContract.builder().locale(Locale.FRANCE).build());
 * Orders orders = restfault.configure(Feign.builder()).target(Orders.class, "https://api.example.com");
 * }</pre>
 *
 * <p>How the four work together, per call (one invocation of a client method):
 * <ul>
 *   <li>the interceptor sets {@code MS-RequestId}, {@code MS-CorrelationId}, {@code X-Locale}
 *       and {@code MS-Contract-Version} once (Feign runs interceptors again on every attempt,
 *       on the same {@code RequestTemplate}; the ids stay the same, and an id the caller set,
 *       with {@code @Headers} or {@code @RequestHeader}, is told apart from a generated one);</li>
 *   <li>the decoder reads the error body (at most the decoder's cap, within the error-body
 *       timeout), decodes it and asks the policy at once: a failure not to be retried is thrown
 *       as the {@code ContractErrorException} itself (with its {@code retryStop()}); one to be
 *       retried goes back to Feign as a {@code RetryableException} whose cause is the decoded
 *       exception and whose {@code retryAfter()} is when the policy's delay ends, the server's
 *       {@code Retry-After} when it sent one. A custom {@code ErrorDecoder} normally loses
 *       {@code Retry-After} unless it wraps Feign's default one (OpenFeign issue 405): this one
 *       reads it itself ({@code Retry-After} in seconds or as a date, {@code retry-after-ms},
 *       {@code x-ms-retry-after-ms}), so even Feign's own {@code Retryer.Default} waits for it;</li>
 *   <li>the retryer waits out that delay, or, for a transport failure (an {@code IOException}
 *       Feign wrapped), asks the policy and throws the {@code TransportException} when it stops.
 *       The waits block the calling thread, which a Feign call blocks anyway.</li>
 * </ul>
 * Statuses outside 400..599 that reach the decoder (a 3xx not followed) go to Feign's default
 * decoder. Thread-safe; per-call state is kept by {@code RequestTemplate} (weakly) and dropped
 * when the call ends.
 */
public final class FeignContract {

    private final ClientContract contract;
    private final Map<RequestTemplate, FeignCall> calls = Collections.synchronizedMap(new WeakHashMap<>());
    private final ContractRequestInterceptor requestInterceptor = new ContractRequestInterceptor(this);
    private final ContractErrorDecoder errorDecoder;
    private final ContractRetryer retryer = new ContractRetryer(this);
    private final ContractResponseInterceptor responseInterceptor = new ContractResponseInterceptor(this);

    private FeignContract(ClientContract contract, ErrorDecoder otherStatuses) {
        this.contract = contract;
        this.errorDecoder = new ContractErrorDecoder(this, otherStatuses);
    }

    /**
     * @throws NullPointerException if {@code contract} is null
     */
    public static FeignContract of(ClientContract contract) {
        return new FeignContract(Objects.requireNonNull(contract, "contract"), new ErrorDecoder.Default());
    }

    /**
     * As {@link #of(ClientContract)}, with the decoder for statuses outside 400..599.
     *
     * @throws NullPointerException if an argument is null
     */
    public static FeignContract of(ClientContract contract, ErrorDecoder otherStatuses) {
        return new FeignContract(Objects.requireNonNull(contract, "contract"), Objects.requireNonNull(otherStatuses, "otherStatuses"));
    }

    /** Adds the request interceptor and sets the error decoder, retryer and response interceptor. */
    public Feign.Builder configure(Feign.Builder builder) {
        Objects.requireNonNull(builder, "builder");
        builder.requestInterceptor(requestInterceptor).errorDecoder(errorDecoder).retryer(retryer)
                .responseInterceptor(responseInterceptor);
        return builder;
    }

    /** The contract: call headers, policy, listener, decoder, error-body timeout. */
    public ClientContract contract() {
        return contract;
    }

    /** Sets the contract's headers on a call's first attempt; marks the start of every attempt. */
    public RequestInterceptor requestInterceptor() {
        return requestInterceptor;
    }

    /** Decodes 4xx and 5xx into {@code ContractErrorException} and takes the retry decision. */
    public ErrorDecoder errorDecoder() {
        return errorDecoder;
    }

    /** Stateless: {@code clone()} returns the same instance; calls keep their state elsewhere. */
    public Retryer retryer() {
        return retryer;
    }

    /** Tells the listener of a successful attempt and ends the call's state. */
    public ResponseInterceptor responseInterceptor() {
        return responseInterceptor;
    }

    /** The call of {@code template}, made (without an interceptor) from {@code request} if needed. */
    FeignCall call(RequestTemplate template, Request request) {
        synchronized (calls) {
            FeignCall call = template == null ? null : calls.get(template);
            if (call == null) {
                call = FeignCall.fromRequest(contract, request);
                if (template != null) {
                    calls.put(template, call);
                }
            }
            return call;
        }
    }

    /** The call of {@code template}, started by the interceptor on its first attempt. */
    FeignCall startOrContinue(RequestTemplate template) {
        synchronized (calls) {
            FeignCall call = calls.get(template);
            if (call == null) {
                call = FeignCall.start(contract, template);
                calls.put(template, call);
            }
            return call;
        }
    }

    FeignCall existing(RequestTemplate template) {
        return template == null ? null : calls.get(template);
    }

    void ended(RequestTemplate template) {
        if (template != null) {
            calls.remove(template);
        }
    }

    @Override
    public String toString() {
        return "FeignContract{" + contract + "}";
    }
}
