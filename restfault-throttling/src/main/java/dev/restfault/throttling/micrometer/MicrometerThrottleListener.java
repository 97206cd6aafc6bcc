package dev.restfault.throttling.micrometer;

import dev.restfault.throttling.FailureMode;
import dev.restfault.throttling.RateLimit;
import dev.restfault.throttling.ThrottleListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts a {@code Throttle}'s decisions in Micrometer, tagged with the limit's name:
 *
 * <ul>
 *   <li>{@code restfault.throttling.requests} with {@code limit} and {@code outcome}
 *       ({@code permitted} or {@code rejected}): each request a limit counted;</li>
 *   <li>{@code restfault.throttling.store.failures} with {@code limit} and {@code mode}
 *       ({@code fail-open} or {@code fail-closed}): each check the store could not answer, and
 *       so each request let through unlimited or refused with 503.</li>
 * </ul>
 *
 * <p>Never tagged with the caller's key: its values are unbounded. The counters of a limit are
 * created on its first decision and looked up in a map after that. Thread-safe.
 */
public final class MicrometerThrottleListener implements ThrottleListener {

    /** Requests counted by a limit. */
    public static final String REQUESTS = "restfault.throttling.requests";
    /** Checks the store could not answer. */
    public static final String STORE_FAILURES = "restfault.throttling.store.failures";

    private final MeterRegistry registry;
    private final Map<String, Counters> counters = new ConcurrentHashMap<>();

    /**
     * @throws NullPointerException if {@code registry} is null
     */
    public MicrometerThrottleListener(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void permitted(RateLimit limit) {
        counters(limit).permitted.increment();
    }

    @Override
    public void rejected(RateLimit limit, Duration retryAfter) {
        counters(limit).rejected.increment();
    }

    @Override
    public void storeFailed(RateLimit limit, FailureMode mode, Exception cause) {
        Counters c = counters(limit);
        (mode == FailureMode.FAIL_CLOSED ? c.failedClosed : c.failedOpen).increment();
    }

    private Counters counters(RateLimit limit) {
        Counters c = counters.get(limit.name());
        return c != null ? c : counters.computeIfAbsent(limit.name(), this::register);
    }

    private Counters register(String limit) {
        return new Counters(
                request(limit, "permitted"),
                request(limit, "rejected"),
                failure(limit, FailureMode.FAIL_OPEN),
                failure(limit, FailureMode.FAIL_CLOSED));
    }

    private Counter request(String limit, String outcome) {
        return Counter.builder(REQUESTS)
                .description("Requests counted by a rate limit, by outcome")
                .tag("limit", limit)
                .tag("outcome", outcome)
                .register(registry);
    }

    private Counter failure(String limit, FailureMode mode) {
        return Counter.builder(STORE_FAILURES)
                .description("Rate limit checks the store could not answer, by what the throttle did instead")
                .tag("limit", limit)
                .tag("mode", mode.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .register(registry);
    }

    private record Counters(Counter permitted, Counter rejected, Counter failedOpen, Counter failedClosed) {
    }
}
