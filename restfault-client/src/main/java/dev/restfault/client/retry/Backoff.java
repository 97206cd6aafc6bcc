package dev.restfault.client.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with full jitter: before retry {@code n} (1 for the first retry),
 * wait a uniformly random time in {@code [0, min(cap, base × 2^(n-1))]}.
 *
 * <p>Full jitter spreads the retries of many clients that failed together, so they do not come
 * back in synchronized waves (AWS Architecture Blog, "Exponential Backoff and Jitter").
 * Immutable.
 */
public final class Backoff {

    /** The longest base or cap accepted. */
    public static final Duration MAX = Duration.ofHours(1);

    private final Duration base;
    private final Duration cap;

    private Backoff(Duration base, Duration cap) {
        this.base = base;
        this.cap = cap;
    }

    /**
     * @param base the ceiling of the first retry's delay; positive, at most {@link #MAX}
     * @param cap the largest ceiling; at least {@code base}, at most {@link #MAX}
     * @throws NullPointerException if either is null
     * @throws IllegalArgumentException if a bound is broken
     */
    public static Backoff exponential(Duration base, Duration cap) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("base delay must be positive, was " + base);
        }
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("cap " + cap + " must not be shorter than base delay " + base);
        }
        if (cap.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("cap must be at most " + MAX + ", was " + cap);
        }
        return new Backoff(base, cap);
    }

    /** The ceiling of the first retry's delay. */
    public Duration base() {
        return base;
    }

    /** The largest ceiling, however many retries. */
    public Duration cap() {
        return cap;
    }

    /**
     * The largest delay before retry {@code retry}: {@code min(cap, base × 2^(retry-1))}.
     *
     * @throws IllegalArgumentException if {@code retry} is less than 1
     */
    public Duration ceiling(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be at least 1, was " + retry);
        }
        long baseNanos = base.toNanos();
        int shift = Math.min(retry - 1, 62);
        long ceiling = baseNanos > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : baseNanos << shift;
        return Duration.ofNanos(Math.min(ceiling, cap.toNanos()));
    }

    /**
     * A delay before retry {@code retry}, uniformly drawn from {@code [0, ceiling(retry)]}.
     *
     * @throws IllegalArgumentException if {@code retry} is less than 1
     * @throws NullPointerException if {@code random} is null
     */
    public Duration delay(int retry, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        long ceiling = ceiling(retry).toNanos();
        return Duration.ofNanos(ceiling == Long.MAX_VALUE ? random.nextLong(ceiling) : random.nextLong(ceiling + 1));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Backoff && ((Backoff) o).base.equals(base) && ((Backoff) o).cap.equals(cap);
    }

    @Override
    public int hashCode() {
        return Objects.hash(base, cap);
    }

    @Override
    public String toString() {
        return "Backoff{base " + base + ", cap " + cap + ", full jitter}";
    }
}
