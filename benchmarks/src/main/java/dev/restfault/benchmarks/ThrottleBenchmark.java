package dev.restfault.benchmarks;

import dev.restfault.throttling.CallerKeyResolver;
import dev.restfault.throttling.InMemoryThrottleStore;
import dev.restfault.throttling.RateLimit;
import dev.restfault.throttling.RefillStyle;
import dev.restfault.throttling.Throttle;
import dev.restfault.throttling.ThrottleDecision;
import dev.restfault.throttling.ThrottledRequest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the in-memory throttle costs one request, on the caller's thread: {@link Throttle#check}
 * of a request by one of 1,000 callers (a lookup in the bounded table and a token taken), with a
 * limit on every path, with a limit on routes (the path normalized and matched too), and for a
 * refused request (the 429 built, its headers validated). The in-memory limiter's target is at
 * most 2 µs per request over no limiter, measured end to end in {@code benchmarks/end-to-end};
 * this is its hot path alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ThrottleBenchmark {

    private static final int CALLERS = 1_000;

    private Throttle everyPath;
    private Throttle onRoutes;
    private Throttle refusing;
    private ThrottledRequest[] requests;
    private ThrottledRequest refused;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        // Never refuses: a billion tokens, refilled a million per millisecond.
        RateLimit generous = RateLimit.builder("per-subject").capacity(RateLimit.MAX_TOKENS).refill(1_000_000, Duration.ofMillis(1))
                .key(CallerKeyResolver.subject()).build();
        everyPath = Throttle.builder().limit(generous).store(InMemoryThrottleStore.create()).build();
        RateLimit routed = RateLimit.builder("per-subject").capacity(RateLimit.MAX_TOKENS).refill(1_000_000, Duration.ofMillis(1))
                .key(CallerKeyResolver.subject()).route("/v1/customers/**").route("/v1/orders/{id}").excludeRoute("/v1/customers/admin/**")
                .method("GET").build();
        onRoutes = Throttle.builder().limit(routed).store(InMemoryThrottleStore.create()).build();
        RateLimit daily = RateLimit.builder("daily").capacity(1).refill(1, Duration.ofDays(1), RefillStyle.INTERVAL)
                .key(CallerKeyResolver.subject()).build();
        refusing = Throttle.builder().limit(daily).store(InMemoryThrottleStore.create()).rateLimitHeaders(true).build();
        requests = new ThrottledRequest[CALLERS];
        for (int i = 0; i < CALLERS; i++) {
            requests[i] = ThrottledRequest.builder("GET", "/v1/customers/c0000000-0000-4000-8000-00000000000" + (i % 10))
                    .subject("caller-" + i).build();
        }
        refused = ThrottledRequest.builder("GET", "/v1/customers").subject("over").build();
        refusing.check(refused);
    }

    private ThrottledRequest nextRequest() {
        int i = next + 1;
        next = i == CALLERS ? 0 : i;
        return requests[next];
    }

    @Benchmark
    public ThrottleDecision permittedOnEveryPath() {
        return everyPath.check(nextRequest());
    }

    @Benchmark
    public ThrottleDecision permittedOnRoutes() {
        return onRoutes.check(nextRequest());
    }

    @Benchmark
    public ThrottleDecision refusedWith429() {
        return refusing.check(refused);
    }
}
