package dev.restfault.client.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * The options of {@link DefaultRetryPolicy}: attempt limit, {@link Backoff}, the longest
 * {@code Retry-After} honoured, the overall deadline of a call, and the {@link RetryBudget}.
 * Immutable; built with {@link #builder()}.
 *
 * <p>Defaults: 3 attempts, backoff from 200 ms capped at 10 s, {@code Retry-After} honoured up
 * to 60 s, a 60 s deadline, budget (10, 0.2).
 */
public final class RetryOptions {

    /** The most attempts a call may make. */
    public static final int MAX_ATTEMPTS = 100;

    private static final RetryOptions DEFAULTS = builder().build();

    private final int maxAttempts;
    private final Backoff backoff;
    private final Duration maxRetryAfter;
    private final Duration deadline;
    private final RetryBudget budget;

    private RetryOptions(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.backoff = b.backoff;
        this.maxRetryAfter = b.maxRetryAfter;
        this.deadline = b.deadline;
        this.budget = b.budget;
    }

    public static RetryOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().maxAttempts(maxAttempts).backoff(backoff).maxRetryAfter(maxRetryAfter)
                .deadline(deadline).budget(budget);
    }

    /** Attempts per logical call, the first included: 1 means no retry. */
    public int maxAttempts() {
        return maxAttempts;
    }

    public Backoff backoff() {
        return backoff;
    }

    /** The longest {@code Retry-After} waited for; a longer one stops the call at once. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** The most time a logical call may take, attempts and delays included. */
    public Duration deadline() {
        return deadline;
    }

    public RetryBudget budget() {
        return budget;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RetryOptions)) {
            return false;
        }
        RetryOptions r = (RetryOptions) o;
        return maxAttempts == r.maxAttempts && backoff.equals(r.backoff) && maxRetryAfter.equals(r.maxRetryAfter)
                && deadline.equals(r.deadline) && budget.equals(r.budget);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, backoff, maxRetryAfter, deadline, budget);
    }

    @Override
    public String toString() {
        return "RetryOptions{maxAttempts " + maxAttempts + ", " + backoff + ", maxRetryAfter " + maxRetryAfter
                + ", deadline " + deadline + ", " + budget + "}";
    }

    /** Builds {@link RetryOptions}; each setter validates at once. Not thread-safe. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Backoff backoff = Backoff.exponential(Duration.ofMillis(200), Duration.ofSeconds(10));
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private Duration deadline = Duration.ofSeconds(60);
        private RetryBudget budget = RetryBudget.of(10, 0.2);

        private Builder() {
        }

        /**
         * @param maxAttempts attempts per call including the first, 1..{@value RetryOptions#MAX_ATTEMPTS}
         * @throws IllegalArgumentException if out of range
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
                throw new IllegalArgumentException("maxAttempts must be within 1.." + MAX_ATTEMPTS + ", was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** @throws NullPointerException if {@code backoff} is null */
        public Builder backoff(Backoff backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /**
         * @param maxRetryAfter the longest server-requested delay to wait for; zero or more, at
         *     most one day (what the core's {@code RetryAfter} accepts at all)
         * @throws NullPointerException if null
         * @throws IllegalArgumentException if negative or over a day
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
            if (maxRetryAfter.isNegative() || maxRetryAfter.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("maxRetryAfter must be within 0..1 day, was " + maxRetryAfter);
            }
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        /**
         * @param deadline the most time a logical call may take; positive, at most one day
         * @throws NullPointerException if null
         * @throws IllegalArgumentException if zero, negative or over a day
         */
        public Builder deadline(Duration deadline) {
            Objects.requireNonNull(deadline, "deadline");
            if (deadline.isNegative() || deadline.isZero() || deadline.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("deadline must be positive and at most 1 day, was " + deadline);
            }
            this.deadline = deadline;
            return this;
        }

        /** @throws NullPointerException if {@code budget} is null */
        public Builder budget(RetryBudget budget) {
            this.budget = Objects.requireNonNull(budget, "budget");
            return this;
        }

        public RetryOptions build() {
            return new RetryOptions(this);
        }
    }
}
