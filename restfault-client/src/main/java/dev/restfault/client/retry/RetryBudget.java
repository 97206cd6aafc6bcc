package dev.restfault.client.retry;

import java.util.Objects;

/**
 * How many retries a client may make relative to its calls, so that a failing dependency is not
 * hammered by every caller retrying every call: a token bucket that starts with
 * {@link #reserve()} tokens, gains {@link #ratio()} of a token per logical call (up to the
 * reserve), and spends one per retry. With the default (10, 0.2), retries add at most 20 % to
 * the load once a burst of ten is spent.
 *
 * <p>This class is the option (immutable); each {@link DefaultRetryPolicy} keeps its own bucket,
 * shared by all the calls of the client using it.
 */
public final class RetryBudget {

    /** The largest reserve accepted. */
    public static final int MAX_RESERVE = 1_000_000;

    private static final RetryBudget UNLIMITED = new RetryBudget(-1, 0);

    private final int reserve;
    private final double ratio;

    private RetryBudget(int reserve, double ratio) {
        this.reserve = reserve;
        this.ratio = ratio;
    }

    /**
     * @param reserve tokens at start and at most: retries allowed in a burst; 0..{@link #MAX_RESERVE}
     * @param ratio tokens each call adds: 0 (the reserve only) to 1 (a retry per call)
     * @throws IllegalArgumentException if a value is out of range (or not a number)
     */
    public static RetryBudget of(int reserve, double ratio) {
        if (reserve < 0 || reserve > MAX_RESERVE) {
            throw new IllegalArgumentException("reserve must be within 0.." + MAX_RESERVE + ", was " + reserve);
        }
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new IllegalArgumentException("ratio must be within 0..1, was " + ratio);
        }
        return new RetryBudget(reserve, ratio);
    }

    /** No budget: only the attempt limit and the deadline bound retries. */
    public static RetryBudget unlimited() {
        return UNLIMITED;
    }

    public boolean isUnlimited() {
        return reserve < 0;
    }

    /** Tokens at start and at most; -1 when unlimited. */
    public int reserve() {
        return reserve;
    }

    /** Tokens added per logical call. */
    public double ratio() {
        return ratio;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetryBudget && ((RetryBudget) o).reserve == reserve
                && Double.compare(((RetryBudget) o).ratio, ratio) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(reserve, ratio);
    }

    @Override
    public String toString() {
        return isUnlimited() ? "RetryBudget{unlimited}" : "RetryBudget{reserve " + reserve + ", ratio " + ratio + "}";
    }
}
