package dev.restfault.testkit.load;

import java.time.Duration;

/**
 * Latency percentiles of one kind of answer (errors or successes) in a load run: the 50th, 90th
 * and 99th percentiles and the maximum, from the first byte of the request written to the last
 * byte of the response read (connecting is not included). Percentiles are within 1 % of the
 * exact value (log-linear buckets); the maximum is exact. All zero when there was no such answer.
 * Immutable.
 */
public final class LatencySummary {

    private final long count;
    private final Duration p50;
    private final Duration p90;
    private final Duration p99;
    private final Duration max;

    LatencySummary(LatencyHistogram h) {
        this.count = h.count();
        this.p50 = Duration.ofNanos(h.percentile(0.50) * 1000);
        this.p90 = Duration.ofNanos(h.percentile(0.90) * 1000);
        this.p99 = Duration.ofNanos(h.percentile(0.99) * 1000);
        this.max = Duration.ofNanos(h.max() * 1000);
    }

    /** How many answers were measured. */
    public long count() {
        return count;
    }

    public Duration p50() {
        return p50;
    }

    public Duration p90() {
        return p90;
    }

    public Duration p99() {
        return p99;
    }

    public Duration max() {
        return max;
    }

    @Override
    public String toString() {
        return count + " answers, p50 " + millis(p50) + " ms, p90 " + millis(p90) + " ms, p99 " + millis(p99)
                + " ms, max " + millis(max) + " ms";
    }

    /** Milliseconds with two decimals, such as {@code "1.25"}. */
    static String millis(Duration d) {
        long micros = d.toNanos() / 1000;
        return String.format(java.util.Locale.ROOT, "%d.%02d", micros / 1000, (micros % 1000) / 10);
    }
}
