package dev.restfault.spring.client.autoconfigure;

import dev.restfault.client.ClientContract;
import dev.restfault.client.ErrorDecoder;
import dev.restfault.client.retry.Backoff;
import dev.restfault.client.retry.DefaultRetryPolicy;
import dev.restfault.client.retry.RetryBudget;
import dev.restfault.client.retry.RetryListener;
import dev.restfault.client.retry.RetryOptions;
import dev.restfault.client.retry.RetryPolicy;
import dev.restfault.json.ErrorReader;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code restfault.client.*} configuration of the client integrations (Spring's
 * {@code RestClient}, {@code RestTemplate}, {@code WebClient}, HTTP interfaces, and OpenFeign
 * with restfault-feign). Every property has the default {@code RestfaultClient} has; none is
 * required.
 *
 * <p>Values are checked when the application starts: an out-of-range value fails the start with
 * a message naming the property, never a broken call later. Immutable.
 *
 * @param enabled Whether restfault configures the application's HTTP clients at all
 * @param locale The language sent as X-Locale on every call that sets none, such as fr-FR; none
 *     by default
 * @param contractVersion The value sent as MS-Contract-Version on every call that sets none; none
 *     by default
 * @param generateRequestIds Whether a call without an MS-RequestId gets a new one (sent on every
 *     attempt; it never makes a POST retryable, only a caller's id does)
 * @param maxErrorBodyBytes The most bytes of an error body kept and parsed, 1..67108864; a longer
 *     body is cut and its connection dropped
 * @param errorBodyTimeout The longest time to read an error body once its headers arrived; a body
 *     still arriving then is cut (kept as far as it came)
 * @param retry How calls are retried
 * @param restClient The RestClient.Builder customization
 * @param restTemplate The RestTemplateBuilder customization
 * @param webClient The WebClient.Builder customization
 * @param feign The Spring Cloud OpenFeign clients' error decoder, retryer and interceptors (with
 *     restfault-feign)
 */
@ConfigurationProperties("restfault.client")
public record RestfaultClientProperties(
        @DefaultValue("true") boolean enabled,
        Locale locale,
        String contractVersion,
        @DefaultValue("true") boolean generateRequestIds,
        @DefaultValue("65536") int maxErrorBodyBytes,
        @DefaultValue("30s") Duration errorBodyTimeout,
        @DefaultValue Retry retry,
        @DefaultValue Toggle restClient,
        @DefaultValue Toggle restTemplate,
        @DefaultValue Toggle webClient,
        @DefaultValue Toggle feign) {

    /**
     * Checks every value by building the contract once.
     *
     * @throws IllegalArgumentException naming the property whose value is not valid
     */
    public RestfaultClientProperties {
        retry = retry == null ? new Retry(true, 3, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofSeconds(60), 10, 0.2) : retry;
        restClient = restClient == null ? new Toggle(true) : restClient;
        restTemplate = restTemplate == null ? new Toggle(true) : restTemplate;
        webClient = webClient == null ? new Toggle(true) : webClient;
        feign = feign == null ? new Toggle(true) : feign;
        try {
            build(locale, contractVersion, generateRequestIds, maxErrorBodyBytes, errorBodyTimeout, retry, RetryListener.NONE);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("restfault.client: " + e.getMessage(), e);
        }
    }

    /**
     * The contract these properties describe, with a new retry policy (and so a new budget).
     *
     * @param listener told of every attempt; not null
     */
    public ClientContract toContract(RetryListener listener) {
        return build(locale, contractVersion, generateRequestIds, maxErrorBodyBytes, errorBodyTimeout, retry, listener);
    }

    private static ClientContract build(Locale locale, String contractVersion, boolean generateRequestIds, int maxErrorBodyBytes,
            Duration errorBodyTimeout, Retry retry, RetryListener listener) {
        return ClientContract.builder()
                .locale(locale)
                .contractVersion(contractVersion)
                .generateRequestIds(generateRequestIds)
                .errorDecoder(ErrorDecoder.create(ErrorReader.standard(), maxErrorBodyBytes))
                .errorBodyTimeout(errorBodyTimeout)
                .retryPolicy(retry.toPolicy())
                .listener(listener)
                .build();
    }

    /**
     * @param enabled Whether calls are retried at all; false makes one attempt per call
     * @param maxAttempts Attempts per call, the first included, 1..100
     * @param backoffBase The ceiling of the first retry's random delay (full jitter)
     * @param backoffCap The largest ceiling of a retry's delay
     * @param maxRetryAfter The longest Retry-After waited for; a longer one ends the call at once
     * @param deadline The most time one call may take, attempts and waits included
     * @param budgetReserve Retries allowed in a burst, shared by every call of the application's
     *     clients; 0..1000000
     * @param budgetRatio Retry tokens each call adds, 0..1
     */
    public record Retry(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("200ms") Duration backoffBase,
            @DefaultValue("10s") Duration backoffCap,
            @DefaultValue("60s") Duration maxRetryAfter,
            @DefaultValue("60s") Duration deadline,
            @DefaultValue("10") int budgetReserve,
            @DefaultValue("0.2") double budgetRatio) {

        RetryPolicy toPolicy() {
            RetryOptions options = RetryOptions.builder().maxAttempts(maxAttempts)
                    .backoff(Backoff.exponential(backoffBase, backoffCap)).maxRetryAfter(maxRetryAfter)
                    .deadline(deadline).budget(RetryBudget.of(budgetReserve, budgetRatio)).build();
            return enabled ? DefaultRetryPolicy.create(options) : RetryPolicy.never();
        }
    }

    /** @param enabled Whether this kind of client is customized */
    public record Toggle(@DefaultValue("true") boolean enabled) {
    }
}
