package dev.restfault.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.restfault.core.exception.ContractException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The failure policy, on a store that fails on command (the real outage, a Redis server killed
 * and restarted, is in {@code RedisThrottlingTest}).
 */
class StoreFailureTest {

    /** The in-memory store, which can be made to fail like an unreachable one. */
    static final class FlakyStore implements ThrottleStore {
        final InMemoryThrottleStore delegate = InMemoryThrottleStore.create();
        volatile boolean down;
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public BucketProbe tryConsume(RateLimit limit, String key) {
            asked.incrementAndGet();
            if (down) {
                throw new IllegalStateException("connection refused: store at 10.0.0.1 with password hunter2");
            }
            return delegate.tryConsume(limit, key);
        }

        @Override
        public CompletionStage<BucketProbe> tryConsumeAsync(RateLimit limit, String key) {
            asked.incrementAndGet();
            if (down) {
                CompletableFuture<BucketProbe> failed = new CompletableFuture<>();
                CompletableFuture.runAsync(() -> failed.completeExceptionally(new java.util.concurrent.TimeoutException("slow")));
                return failed;
            }
            return CompletableFuture.completedFuture(delegate.tryConsume(limit, key));
        }

        @Override
        public void refund(RateLimit limit, String key) {
            if (down) {
                throw new IllegalStateException("down");
            }
            delegate.refund(limit, key);
        }

        @Override
        public String description() {
            return "flaky";
        }
    }

    private final FlakyStore store = new FlakyStore();
    private final AtomicLong nanos = new AtomicLong();
    private final List<String> failures = new ArrayList<>();
    private final RateLimit limit = RateLimit.builder("l").capacity(2).refill(2, Duration.ofHours(1)).key(CallerKeyResolver.subject()).build();

    private Throttle throttle(FailureMode mode) {
        return Throttle.builder().limit(limit).store(store).failureMode(mode).failClosedRetryAfter(Duration.ofSeconds(7))
                .storeRetryInterval(Duration.ofSeconds(1)).nanoClock(nanos::get)
                .listener(new ThrottleListener() {
                    @Override
                    public void storeFailed(RateLimit l, FailureMode m, Exception cause) {
                        synchronized (failures) {
                            failures.add(l.name() + " " + m + " " + cause.getClass().getSimpleName());
                        }
                    }
                })
                .build();
    }

    @Test
    void failOpenLetsRequestsThroughLogsTheOutageOnceAndCountsEveryCheck() {
        Throttle throttle = throttle(FailureMode.FAIL_OPEN);
        try (LogCapture log = LogCapture.throttle()) {
            store.down = true;
            for (int i = 0; i < 50; i++) {
                ThrottleDecision d = throttle.check(Requests.bySubject("a"));
                assertThat(d.permitted()).isTrue();
                assertThat(d.headers()).isEmpty();
            }
            assertThat(throttle.storeDown()).isTrue();
            assertThat(failures).hasSize(50).allMatch(f -> f.equals("l FAIL_OPEN IllegalStateException"));
            assertThat(store.asked).as("asked once, then not again within the retry interval").hasValue(1);
            List<String> warnings = log.messages(Level.WARN);
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).startsWith("Throttling store flaky does not answer: requests are let through unlimited (fail-open)");

            nanos.addAndGet(Duration.ofSeconds(1).toNanos());
            throttle.check(Requests.bySubject("a"));
            assertThat(store.asked).as("probed again after the interval").hasValue(2);
            assertThat(log.messages(Level.WARN)).as("still the same outage").hasSize(1);

            store.down = false;
            nanos.addAndGet(Duration.ofSeconds(1).toNanos());
            assertThat(throttle.check(Requests.bySubject("a")).permitted()).isTrue();
            assertThat(throttle.check(Requests.bySubject("a")).permitted()).isTrue();
            assertThat(throttle.check(Requests.bySubject("a")).permitted()).as("limited again").isFalse();
            assertThat(throttle.storeDown()).isFalse();
            assertThat(log.messages(Level.INFO)).singleElement().asString()
                    .startsWith("Throttling store flaky answers again after 2 s; 51 checks failed meanwhile and were let through unlimited");

            store.down = true;
            throttle.check(Requests.bySubject("b"));
            assertThat(log.messages(Level.WARN)).as("a new outage is logged again").hasSize(2);
            assertThat(log.everything()).doesNotContain("\"a\"");
        }
    }

    @Test
    void failClosedRefusesWith503AndItsRetryAfter_never500() {
        Throttle throttle = throttle(FailureMode.FAIL_CLOSED);
        store.down = true;
        for (int i = 0; i < 5; i++) {
            ThrottleDecision d = throttle.check(Requests.bySubject("a"));
            ContractException e = d.rejection().orElseThrow();
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.headers()).containsExactly(org.assertj.core.api.Assertions.entry("Retry-After", "7"));
            assertThat(e.getMessage()).doesNotContain("hunter2", "10.0.0.1");
            assertThat(d.limit()).contains(limit);
        }
        assertThat(failures).hasSize(5).allMatch(f -> f.startsWith("l FAIL_CLOSED"));
        ThrottleDecision async = throttle.checkAsync(Requests.bySubject("a")).toCompletableFuture().join();
        assertThat(async.rejection().orElseThrow().status()).isEqualTo(503);
    }

    @Test
    void theAsynchronousPathAppliesTheSamePolicy() {
        Throttle open = throttle(FailureMode.FAIL_OPEN);
        store.down = true;
        try (LogCapture log = LogCapture.throttle()) {
            ThrottleDecision d = open.checkAsync(Requests.bySubject("a")).toCompletableFuture().join();
            assertThat(d.permitted()).isTrue();
            assertThat(failures).containsExactly("l FAIL_OPEN TimeoutException");
            assertThat(log.messages(Level.WARN)).hasSize(1);
        }
        store.down = false;
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(open.checkAsync(Requests.bySubject("a")).toCompletableFuture().join().permitted()).isTrue();
        assertThat(open.storeDown()).isFalse();
    }

    @Test
    void aFailClosedRefusalGivesBackWhatEarlierLimitsTook() {
        RateLimit first = RateLimit.builder("first").capacity(1).refill(1, Duration.ofHours(1)).key(CallerKeyResolver.shared()).build();
        InMemoryThrottleStore healthy = InMemoryThrottleStore.create();
        ThrottleStore halfDown = new DownForL(healthy);
        Throttle throttle = Throttle.builder().limit(first).limit(limit).store(halfDown).failureMode(FailureMode.FAIL_CLOSED)
                .storeRetryInterval(Duration.ofMillis(1)).nanoClock(nanos::get).build();
        for (int i = 0; i < 3; i++) {
            nanos.addAndGet(Duration.ofSeconds(1).toNanos());
            assertThat(throttle.check(Requests.bySubject("a")).rejection().orElseThrow().status()).isEqualTo(503);
        }
        assertThat(healthy.tryConsume(first, "shared").permitted()).as("first's only token was given back each time").isTrue();
    }

    /**
     * The store failed on the second limit: the first's token goes back without the check waiting
     * for it (a store that just failed would make a blocking refund wait out its timeout too), on
     * both paths; the refund completes after the answer.
     */
    @Test
    void afterAStoreFailureTheRefundIsNotWaitedFor() {
        RateLimit first = RateLimit.builder("first").capacity(1).refill(1, Duration.ofHours(1)).key(CallerKeyResolver.shared()).build();
        InMemoryThrottleStore healthy = InMemoryThrottleStore.create();
        List<CompletableFuture<Void>> refunds = new ArrayList<>();
        ThrottleStore slowWhenDown = new DownForL(healthy) {
            @Override
            public void refund(RateLimit l, String key) {
                throw new AssertionError("a blocking refund after the store failed");
            }

            @Override
            public CompletionStage<Void> refundAsync(RateLimit l, String key) {
                // Completed by the test once the check has answered, as Redis would answer later.
                CompletableFuture<Void> refund = new CompletableFuture<>();
                refunds.add(refund);
                return refund.thenRun(() -> healthy.refund(l, key));
            }
        };
        Throttle throttle = Throttle.builder().limit(first).limit(limit).store(slowWhenDown).failureMode(FailureMode.FAIL_CLOSED)
                .storeRetryInterval(Duration.ofMillis(1)).nanoClock(nanos::get).build();

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(throttle.check(Requests.bySubject("a")).rejection().orElseThrow().status()).isEqualTo(503);
        assertThat(refunds).hasSize(1);
        assertThat(healthy.tryConsume(first, "shared").permitted()).as("not given back yet").isFalse();
        refunds.get(0).complete(null);
        assertThat(healthy.tryConsume(first, "shared").permitted()).as("given back once the store answered").isTrue();
        healthy.refund(first, "shared"); // what the assertion took

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        CompletionStage<ThrottleDecision> async = throttle.checkAsync(Requests.bySubject("a"));
        assertThat(async.toCompletableFuture()).as("answered before the refund").isDone();
        assertThat(async.toCompletableFuture().join().rejection().orElseThrow().status()).isEqualTo(503);
        assertThat(refunds).hasSize(2);
        refunds.get(1).complete(null);
        assertThat(healthy.tryConsume(first, "shared").permitted()).isTrue();
    }

    /** A store whose limit {@code l} always fails and whose other limits are {@code healthy}'s. */
    private static class DownForL implements ThrottleStore {
        final InMemoryThrottleStore healthy;

        DownForL(InMemoryThrottleStore healthy) {
            this.healthy = healthy;
        }

        @Override
        public BucketProbe tryConsume(RateLimit l, String key) {
            if (l.name().equals("l")) {
                throw new IllegalStateException("down");
            }
            return healthy.tryConsume(l, key);
        }

        @Override
        public void refund(RateLimit l, String key) {
            healthy.refund(l, key);
        }

        @Override
        public String description() {
            return "down for l";
        }
    }
}
