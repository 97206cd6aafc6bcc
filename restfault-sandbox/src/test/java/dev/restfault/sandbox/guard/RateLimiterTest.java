package dev.restfault.sandbox.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(10), now::get);

    @Test
    void allowsTheLimitThenSaysHowLongUntilTheWindowEnds() {
        assertThat(limiter.tryAcquire("a")).isEmpty();
        now.addAndGet(Duration.ofMillis(2500).toNanos());
        assertThat(limiter.tryAcquire("a")).isEmpty();
        assertThat(limiter.tryAcquire("a")).isEmpty();
        // 7.5 s left in the window: rounded up, never zero.
        assertThat(limiter.tryAcquire("a")).contains(Duration.ofSeconds(8));
        now.addAndGet(Duration.ofMillis(7400).toNanos());
        assertThat(limiter.tryAcquire("a")).contains(Duration.ofSeconds(1));
    }

    @Test
    void aNewWindowStartsAfterTheOldOneEnds() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("a")).isEmpty();
        }
        assertThat(limiter.tryAcquire("a")).isPresent();
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(limiter.tryAcquire("a")).isEmpty();
    }

    @Test
    void budgetsArePerKey() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("a");
        }
        assertThat(limiter.tryAcquire("a")).isPresent();
        assertThat(limiter.tryAcquire("b")).isEmpty();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new RateLimiter(0, Duration.ofSeconds(1), System::nanoTime))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> new RateLimiter(1, Duration.ZERO, System::nanoTime))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
        assertThatThrownBy(() -> limiter.tryAcquire(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theConcurrencyBoundNeverWaitsAndCountsWhatIsInFlight() {
        ConcurrencyLimiter bound = new ConcurrencyLimiter(2);
        assertThat(bound.tryAcquire()).isTrue();
        assertThat(bound.tryAcquire()).isTrue();
        assertThat(bound.tryAcquire()).isFalse();
        assertThat(bound.inFlight()).isEqualTo(2);
        bound.release();
        assertThat(bound.tryAcquire()).isTrue();
        assertThatThrownBy(() -> new ConcurrencyLimiter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
