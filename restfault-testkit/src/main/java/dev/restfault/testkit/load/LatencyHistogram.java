package dev.restfault.testkit.load;

/**
 * Latencies in microseconds, in log-linear buckets: exact below 256 µs, then 128 buckets per
 * power of two, so a percentile is within 1/128 (0.8 %) of the true value, with a fixed 36 KB per
 * histogram whatever the number of requests. The maximum is kept exactly. One per worker and kind
 * (no sharing, no locking); merged at the end. Not thread-safe.
 */
final class LatencyHistogram {

    private static final int EXACT = 256;
    private static final int SUB_BITS = 7;
    private static final int SUB = 1 << SUB_BITS;
    /** Powers of two from 2^8 to 2^40 µs (about 12 days): any latency a run can see. */
    private static final int MAX_EXPONENT = 40;
    private static final int BUCKETS = EXACT + (MAX_EXPONENT - 8 + 1) * SUB;

    private final long[] counts = new long[BUCKETS];
    private long count;
    private long max;

    void record(long micros) {
        long v = Math.max(0, micros);
        counts[index(v)]++;
        count++;
        max = Math.max(max, v);
    }

    private static int index(long v) {
        if (v < EXACT) {
            return (int) v;
        }
        int exponent = Math.min(63 - Long.numberOfLeadingZeros(v), MAX_EXPONENT);
        if (exponent == MAX_EXPONENT && v >= 1L << (MAX_EXPONENT + 1)) {
            return BUCKETS - 1;
        }
        int sub = (int) (v >> (exponent - SUB_BITS)) & (SUB - 1);
        return EXACT + (exponent - 8) * SUB + sub;
    }

    /** The smallest value of bucket {@code i}, and its width. */
    private static long lowest(int i) {
        if (i < EXACT) {
            return i;
        }
        int exponent = (i - EXACT) / SUB + 8;
        int sub = (i - EXACT) % SUB;
        return (1L << exponent) + ((long) sub << (exponent - SUB_BITS));
    }

    private static long width(int i) {
        return i < EXACT ? 1 : 1L << ((i - EXACT) / SUB + 8 - SUB_BITS);
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        count += other.count;
        max = Math.max(max, other.max);
    }

    long count() {
        return count;
    }

    long max() {
        return max;
    }

    /**
     * The value at {@code fraction} (0 < fraction <= 1) by nearest rank: the middle of its bucket,
     * never above the maximum; 0 when empty.
     */
    long percentile(double fraction) {
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * count));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(max, lowest(i) + (width(i) - 1) / 2);
            }
        }
        return max;
    }
}
