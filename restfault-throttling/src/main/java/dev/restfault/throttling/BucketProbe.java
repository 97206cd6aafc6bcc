package dev.restfault.throttling;

/**
 * What a {@link ThrottleStore} answers when a request takes a token: whether it got one, how many
 * are left, and the waits a client is told about. Immutable.
 */
public final class BucketProbe {

    private final boolean permitted;
    private final long remaining;
    private final long nanosToNextPermit;
    private final long nanosToFull;

    private BucketProbe(boolean permitted, long remaining, long nanosToNextPermit, long nanosToFull) {
        this.permitted = permitted;
        this.remaining = remaining;
        this.nanosToNextPermit = nanosToNextPermit;
        this.nanosToFull = nanosToFull;
    }

    /**
     * The request took a token.
     *
     * @param remaining tokens left, not negative
     * @param nanosToFull time until the bucket is full again, not negative (0: it is full)
     * @throws IllegalArgumentException if either is negative
     */
    public static BucketProbe permitted(long remaining, long nanosToFull) {
        if (remaining < 0 || nanosToFull < 0) {
            throw new IllegalArgumentException("remaining and nanosToFull must not be negative");
        }
        return new BucketProbe(true, remaining, 0, nanosToFull);
    }

    /**
     * The bucket was empty.
     *
     * @param nanosToNextPermit time until a request would get a token, positive
     * @param nanosToFull time until the bucket is full again, not negative
     * @throws IllegalArgumentException if {@code nanosToNextPermit} is not positive or
     *     {@code nanosToFull} negative
     */
    public static BucketProbe rejected(long nanosToNextPermit, long nanosToFull) {
        if (nanosToNextPermit <= 0 || nanosToFull < 0) {
            throw new IllegalArgumentException("nanosToNextPermit must be positive and nanosToFull not negative");
        }
        return new BucketProbe(false, 0, nanosToNextPermit, nanosToFull);
    }

    public boolean permitted() {
        return permitted;
    }

    /** Tokens left after this request; 0 when rejected. */
    public long remaining() {
        return remaining;
    }

    /** When rejected: nanoseconds until a request would get a token; 0 when permitted. */
    public long nanosToNextPermit() {
        return nanosToNextPermit;
    }

    /** Nanoseconds until the bucket is full again; 0 when it is full. */
    public long nanosToFull() {
        return nanosToFull;
    }

    @Override
    public String toString() {
        return permitted
                ? "BucketProbe[permitted, remaining " + remaining + ", full in " + nanosToFull + " ns]"
                : "BucketProbe[rejected, next permit in " + nanosToNextPermit + " ns]";
    }
}
