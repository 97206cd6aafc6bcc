package dev.restfault.client.retry;

import dev.restfault.client.RequestContext;
import dev.restfault.client.RestfaultException;
import java.time.Duration;

/**
 * Told of each attempt of a client's calls, its outcome and the retry decision, so applications
 * can log or count with whatever they use; restfault forces no logging framework.
 *
 * <p>Called on the client's executor ({@code RestfaultClient.Builder.executor}), except
 * {@link #onAttempt} for a call's first attempt, which runs on the thread that started the call
 * (or on that thread as well if the executor refuses a task); never on the JDK's shared
 * delay-scheduler thread. Keep it quick and non-blocking. Every method has
 * an empty default. Whatever a listener throws, an {@code Error} such as a test's
 * {@code AssertionError} too, is caught and reported to {@link System.Logger} at WARNING; it
 * never changes the call's outcome. Only a {@link VirtualMachineError} (out of memory, stack
 * overflow) is not swallowed: it fails the call.
 */
public interface RetryListener {

    /** A listener that does nothing. */
    RetryListener NONE = new RetryListener() {
    };

    /** An attempt is about to be sent; {@code request.attempt()} says which. */
    default void onAttempt(RequestContext request) {
    }

    /**
     * The attempt got a response below 400 and the call succeeds with it.
     *
     * @param duration time the attempt took, body included
     */
    default void onSuccess(RequestContext request, int status, Duration duration) {
    }

    /**
     * The attempt failed; {@code decision} says whether the call retries (and after which
     * delay) or stops (and why, in which case {@code failure} is what the caller gets).
     *
     * @param duration time the attempt took
     */
    default void onFailure(RequestContext request, RestfaultException failure, RetryDecision decision, Duration duration) {
    }
}
