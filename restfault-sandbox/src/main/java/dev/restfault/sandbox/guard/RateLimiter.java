package dev.restfault.sandbox.guard;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A fixed-window request budget per key (the caller's token name): at most {@code limit}
 * requests per {@code window}; the next one learns how long until the window ends.
 *
 * <p>A fixed window is what most throttling front ends do and lets the sandbox tell the client
 * exactly when to come back, which is what {@code Retry-After} is for. Keys are the configured
 * token names, so the map is bounded by the configuration. Thread-safe.
 */
public final class RateLimiter {

    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /**
     * @param limit requests per window, at least 1
     * @param window the window's length, at least 1 ms
     * @param nanoClock a monotonic clock in nanoseconds, such as {@code System::nanoTime}
     * @throws IllegalArgumentException if {@code limit} or {@code window} is out of range
     */
    public RateLimiter(int limit, Duration window, LongSupplier nanoClock) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        if (window == null || window.toMillis() < 1) {
            throw new IllegalArgumentException("window must be at least 1 ms");
        }
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** Requests allowed per window. */
    public int limit() {
        return limit;
    }

    /** The window's length. */
    public Duration window() {
        return Duration.ofNanos(windowNanos);
    }

    /**
     * Counts one request for {@code key}.
     *
     * @return empty if the request is within the budget; otherwise how long until the current
     *     window ends, rounded up to whole seconds and at least one second
     */
    public Optional<Duration> tryAcquire(String key) {
        Objects.requireNonNull(key, "key");
        long now = nanoClock.getAsLong();
        Window w = windows.computeIfAbsent(key, k -> new Window(now));
        synchronized (w) {
            if (now - w.start >= windowNanos) {
                w.start = now;
                w.count = 0;
            }
            if (w.count < limit) {
                w.count++;
                return Optional.empty();
            }
            long remaining = windowNanos - (now - w.start);
            long seconds = Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
            return Optional.of(Duration.ofSeconds(seconds));
        }
    }

    private static final class Window {
        long start;
        int count;

        Window(long start) {
            this.start = start;
        }
    }
}
