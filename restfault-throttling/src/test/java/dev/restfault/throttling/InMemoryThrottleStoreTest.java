package dev.restfault.throttling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The in-memory store's bounds: memory stays bounded whatever keys callers send. */
class InMemoryThrottleStoreTest {

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void aBucketIdleUntilFullIsForgotten() {
        InMemoryThrottleStore store = InMemoryThrottleStore.builder().nanoClock(nanos::get).build();
        RateLimit limit = RateLimit.builder("l").capacity(10).refill(10, Duration.ofSeconds(10)).key(CallerKeyResolver.shared()).build();
        for (int i = 0; i < 1_000; i++) {
            store.tryConsume(limit, "k" + i);
        }
        assertThat(store.size(limit)).isEqualTo(1_000);
        nanos.addAndGet(Duration.ofSeconds(10).toNanos() + 1);
        store.tryConsume(limit, "fresh");
        assertThat(store.size(limit)).isEqualTo(1);
    }

    @Test
    void aForgottenBucketIsFull_soForgettingChangesNoDecision() {
        InMemoryThrottleStore store = InMemoryThrottleStore.builder().nanoClock(nanos::get).build();
        RateLimit limit = RateLimit.builder("l").capacity(3).refill(1, Duration.ofSeconds(1)).key(CallerKeyResolver.shared()).build();
        for (int i = 0; i < 3; i++) {
            assertThat(store.tryConsume(limit, "k").permitted()).isTrue();
        }
        assertThat(store.tryConsume(limit, "k").permitted()).isFalse();
        nanos.addAndGet(Duration.ofMillis(2_999).toNanos());
        assertThat(store.tryConsume(limit, "k").remaining()).as("not yet forgotten: 2 back, 1 taken").isEqualTo(1);
        nanos.addAndGet(Duration.ofSeconds(3).toNanos());
        BucketProbe probe = store.tryConsume(limit, "k");
        assertThat(probe.permitted()).isTrue();
        assertThat(probe.remaining()).isEqualTo(2);
    }

    @Test
    void theNumberOfBucketsIsBoundedPerLimit() {
        InMemoryThrottleStore store = InMemoryThrottleStore.builder().maxKeysPerLimit(100).build();
        RateLimit limit = RateLimit.builder("l").capacity(5).refill(5, Duration.ofHours(1)).key(CallerKeyResolver.shared()).build();
        // A flood of one-off keys (a caller rotating tenant values)...
        for (int i = 0; i < 20_000; i++) {
            store.tryConsume(limit, "flood-" + i);
        }
        assertThat(store.size(limit)).isLessThanOrEqualTo(100);
        assertThatThrownBy(() -> InMemoryThrottleStore.builder().maxKeysPerLimit(0)).hasMessage("maxKeysPerLimit must be within 1..100000000, was 0");
        assertThatThrownBy(() -> InMemoryThrottleStore.builder().maxKeysPerLimit(Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InMemoryThrottleStore.builder().nanoClock(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aFloodOfOneOffKeysDoesNotEvictAFrequentCallersBucket() {
        InMemoryThrottleStore store = InMemoryThrottleStore.builder().maxKeysPerLimit(100).build();
        RateLimit limit = RateLimit.builder("l").capacity(1_000).refill(1, Duration.ofDays(1)).key(CallerKeyResolver.shared()).build();
        int taken = 0;
        for (int i = 0; i < 20_000; i++) {
            store.tryConsume(limit, "one-off-" + i);
            if (i % 50 == 0) {
                store.tryConsume(limit, "frequent");
                taken++;
            }
        }
        // Evicted, it would have started again from a full bucket.
        assertThat(store.tryConsume(limit, "frequent").remaining()).isEqualTo(1_000 - taken - 1);
    }

    @Test
    void refundsNeverExceedCapacity() {
        InMemoryThrottleStore store = InMemoryThrottleStore.create();
        RateLimit limit = RateLimit.builder("l").capacity(2).refill(2, Duration.ofHours(1)).key(CallerKeyResolver.shared()).build();
        store.tryConsume(limit, "k");
        for (int i = 0; i < 10; i++) {
            store.refund(limit, "k");
        }
        assertThat(store.tryConsume(limit, "k").remaining()).isEqualTo(1);
        assertThat(store.description()).isEqualTo("in memory");
        assertThatThrownBy(() -> store.tryConsume(null, "k")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.tryConsume(limit, null)).isInstanceOf(NullPointerException.class);
    }
}
