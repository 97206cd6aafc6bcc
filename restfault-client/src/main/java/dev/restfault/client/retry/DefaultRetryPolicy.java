package dev.restfault.client.retry;

import dev.restfault.client.RestfaultException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The contract's retry policy (docs/contract.md, section Retry). After a failed attempt, in this
 * order:
 * <ol>
 *   <li>a {@code Retry-After} over a day ({@link RestfaultException#retryAfterBeyondMax()}):
 *       stop at once, whatever the method ({@link StopReason#RETRY_AFTER_TOO_LONG});</li>
 *   <li>whether a retry is <em>safe</em> is not decided here: it is
 *       {@link RestfaultException#retryPermitted()}, i.e. the catalog's
 *       {@code StatusEntry.retryRule().permits(method, hasRequestId, hasRetryAfter)} for HTTP
 *       errors (429 always; 503/504 with {@code Retry-After} or as 500; 500/502/408 only for
 *       idempotent methods or requests with an {@code MS-RequestId}; 400, 401, 403, 404, 405,
 *       406, 409, 412, 501 never) and the same idempotency rule for transport failures
 *       ({@link StopReason#NOT_RETRYABLE});</li>
 *   <li>the attempt limit ({@link StopReason#ATTEMPTS_EXHAUSTED});</li>
 *   <li>the delay: the server's {@code Retry-After} when it sent one, exactly, unless it is
 *       longer than {@link RetryOptions#maxRetryAfter()}, in which case the call fails at once
 *       with the exception carrying it ({@link StopReason#RETRY_AFTER_TOO_LONG}); otherwise
 *       {@link Backoff} with full jitter;</li>
 *   <li>the deadline: a retry whose delay would end after it is not made
 *       ({@link StopReason#DEADLINE_EXCEEDED});</li>
 *   <li>the budget: a retry spends a token of the bucket this policy shares among all the calls
 *       of its client ({@link StopReason#BUDGET_EXHAUSTED}).</li>
 * </ol>
 *
 * <p>Thread-safe. Give each client its own instance (as {@link RetryPolicy#defaults()} does);
 * clients that share one instance share its budget.
 */
public final class DefaultRetryPolicy implements RetryPolicy {

    private static final long TOKEN = 1_000_000L;

    private final RetryOptions options;
    private final Supplier<RandomGenerator> random;
    // Micro-tokens; unused when the budget is unlimited.
    private final AtomicLong tokens;
    private final long capacity;
    private final long deposit;

    private DefaultRetryPolicy(RetryOptions options, Supplier<RandomGenerator> random) {
        this.options = options;
        this.random = random;
        RetryBudget budget = options.budget();
        this.capacity = budget.isUnlimited() ? Long.MAX_VALUE : budget.reserve() * TOKEN;
        this.deposit = budget.isUnlimited() ? 0 : Math.round(budget.ratio() * TOKEN);
        this.tokens = new AtomicLong(capacity);
    }

    /**
     * A policy with these options and a fresh, full budget.
     *
     * @throws NullPointerException if {@code options} is null
     */
    public static DefaultRetryPolicy create(RetryOptions options) {
        return new DefaultRetryPolicy(Objects.requireNonNull(options, "options"), ThreadLocalRandom::current);
    }

    /** For tests: a seeded generator makes the jitter reproducible. */
    static DefaultRetryPolicy create(RetryOptions options, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        return new DefaultRetryPolicy(Objects.requireNonNull(options, "options"), () -> random);
    }

    /** The options this policy applies. */
    public RetryOptions options() {
        return options;
    }

    /** Retries the budget allows right now (whole tokens); {@code Long.MAX_VALUE} if unlimited. */
    public long budgetRemaining() {
        return options.budget().isUnlimited() ? Long.MAX_VALUE : tokens.get() / TOKEN;
    }

    @Override
    public void onCallStarted() {
        if (deposit > 0) {
            tokens.accumulateAndGet(deposit, (cur, add) -> Math.min(capacity, cur + add));
        }
    }

    @Override
    public RetryDecision onFailure(RetryContext context) {
        Objects.requireNonNull(context, "context");
        RestfaultException failure = context.failure();
        if (failure.retryAfter().isEmpty() && failure.retryAfterBeyondMax()) {
            // Asked to stay away for over a day: not trusted as a delay, and no reason to come
            // back early either, whatever the method.
            return RetryDecision.stop(StopReason.RETRY_AFTER_TOO_LONG);
        }
        if (!failure.retryPermitted()) {
            return RetryDecision.stop(StopReason.NOT_RETRYABLE);
        }
        if (context.attempt() >= options.maxAttempts()) {
            return RetryDecision.stop(StopReason.ATTEMPTS_EXHAUSTED);
        }
        Duration delay;
        Optional<Duration> retryAfter = failure.retryAfter();
        if (retryAfter.isPresent()) {
            if (retryAfter.get().compareTo(options.maxRetryAfter()) > 0) {
                return RetryDecision.stop(StopReason.RETRY_AFTER_TOO_LONG);
            }
            delay = retryAfter.get();
        } else {
            delay = options.backoff().delay(context.attempt(), random.get());
        }
        if (context.elapsed().plus(delay).compareTo(options.deadline()) >= 0) {
            return RetryDecision.stop(StopReason.DEADLINE_EXCEEDED);
        }
        if (!takeToken()) {
            return RetryDecision.stop(StopReason.BUDGET_EXHAUSTED);
        }
        return RetryDecision.retryAfter(delay);
    }

    private boolean takeToken() {
        if (options.budget().isUnlimited()) {
            return true;
        }
        while (true) {
            long cur = tokens.get();
            if (cur < TOKEN) {
                return false;
            }
            if (tokens.compareAndSet(cur, cur - TOKEN)) {
                return true;
            }
        }
    }

    @Override
    public Optional<Duration> deadline() {
        return Optional.of(options.deadline());
    }

    @Override
    public String toString() {
        return "DefaultRetryPolicy{" + options + "}";
    }
}
