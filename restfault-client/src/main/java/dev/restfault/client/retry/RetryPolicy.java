package dev.restfault.client.retry;

import java.time.Duration;
import java.util.Optional;

/**
 * Decides, after each failed attempt of a logical call, whether to send the request again and
 * when. The client asks; the policy never sleeps or schedules anything itself.
 *
 * <p>Implementations must be thread-safe: one policy serves all the calls of a client at once.
 * {@link DefaultRetryPolicy} implements the contract's rules; {@link #never()} turns retries off.
 * Whatever a policy throws, an {@code Error} too, fails the call with it (a bug in the policy is
 * not hidden).
 *
 * <p>The client holds each decision to the call's bounds, whatever the policy returned: a retry
 * whose delay would end after the {@link #deadline()} is not made (the call stops with
 * {@link StopReason#DEADLINE_EXCEEDED}), and without a deadline no delay is longer than a day
 * (a longer one, up to {@code Duration}'s own limit, is cut to a day).
 */
public interface RetryPolicy {

    /** A new {@link DefaultRetryPolicy} with {@link RetryOptions#defaults()}, its own budget. */
    static RetryPolicy defaults() {
        return DefaultRetryPolicy.create(RetryOptions.defaults());
    }

    /** One attempt per call, whatever happens. */
    static RetryPolicy never() {
        return context -> RetryDecision.stop(context.failure().retryPermitted()
                ? StopReason.ATTEMPTS_EXHAUSTED : StopReason.NOT_RETRYABLE);
    }

    /** Told once per logical call, before its first attempt (a budget counts calls here). */
    default void onCallStarted() {
    }

    /**
     * What to do after a failed attempt.
     *
     * @param context the failure and the call's progress; never null
     * @return the decision; never null
     */
    RetryDecision onFailure(RetryContext context);

    /**
     * The overall deadline of a logical call, if the policy has one: the client also bounds each
     * attempt's timeouts by the time left, so the last attempt cannot overrun it, and makes no
     * retry whose delay would end after it.
     */
    default Optional<Duration> deadline() {
        return Optional.empty();
    }
}
