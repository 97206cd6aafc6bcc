package dev.restfault.client;

import dev.restfault.client.retry.RetryContext;
import dev.restfault.client.retry.RetryDecision;
import dev.restfault.client.retry.RetryListener;
import dev.restfault.client.retry.RetryPolicy;
import dev.restfault.client.retry.StopReason;
import dev.restfault.core.http.RetryAfter;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One logical call as a {@link RetryPolicy} sees it: its ids, its attempts, its clock. Every
 * transport drives its attempts through one of these ({@link RestfaultClient}, and the Spring and
 * OpenFeign integrations), so all retry by the same rules: the policy decides, this records the
 * decision on the failure ({@link RestfaultException#retryStop()}), tells the
 * {@link RetryListener}, and moves on to the next attempt's {@link RequestContext}.
 *
 * <pre>{@code
 * RetryingCall call = RetryingCall.start(policy, listener, callHeaders.apply(method, uri, get, set));
 * while (true) {
 *     call.attemptStarting();
 *     ... send, with call.context() as the attempt's context ...
 *     RetryDecision d = call.failed(failure, took);   // or call.succeeded(status, took)
 *     if (!d.shouldRetry()) throw failure;            // its retryStop() says why
 *     wait d.delay() (a timer; call.awaitDelay(d) on a thread that may block anyway)
 * }
 * }</pre>
 *
 * <p>Attempts are sequential; they may run on different threads (the context is published
 * safely). Whatever a listener throws ({@code AssertionError}s included; a
 * {@link VirtualMachineError} such as {@code OutOfMemoryError} excepted) is reported to
 * {@link System.Logger} and ignored; whatever a policy throws propagates (a bug in a policy is
 * not hidden).
 *
 * <p>The decision {@link #failed} returns (and the listener sees) is the policy's, held to the
 * call's bounds: a retry whose delay would end after the policy's {@link RetryPolicy#deadline()
 * deadline} is not made ({@link StopReason#DEADLINE_EXCEEDED}, as {@code DefaultRetryPolicy}
 * decides itself), and no delay is longer than a day ({@link RetryAfter#MAX_DELAY}, the longest
 * restfault trusts anywhere: a {@code Retry-After}, a timeout, a deadline). So every transport can wait
 * out any decision it gets, whatever {@code Duration} a policy returned.
 */
public final class RetryingCall {

    /** The longest retry delay of a call whose policy has no deadline (see the class comment). */
    private static final Duration MAX_DELAY = RetryAfter.MAX_DELAY;

    private static final System.Logger LOG = System.getLogger(RetryingCall.class.getName());
    private static final long NO_DEADLINE = Long.MAX_VALUE;

    private final RetryPolicy policy;
    private final RetryListener listener;
    private final long start;
    // The policy's deadline as nanoseconds since start, NO_DEADLINE for none (or one too long to
    // count in nanoseconds): kept as a length, never as an instant, so no sum can overflow.
    private final long deadlineNanos;
    private volatile RequestContext context;

    private RetryingCall(RetryPolicy policy, RetryListener listener, RequestContext context) {
        this.policy = policy;
        this.listener = listener;
        this.context = context;
        this.start = System.nanoTime();
        this.deadlineNanos = policy.deadline().map(d -> Math.max(0, Durations.saturatedNanos(d))).orElse(NO_DEADLINE);
    }

    /**
     * Starts a logical call: tells the policy ({@link RetryPolicy#onCallStarted()}, where a
     * budget counts calls) and starts its clock.
     *
     * @param context the first attempt's context (see {@link CallHeaders#apply})
     * @throws NullPointerException if an argument is null
     */
    public static RetryingCall start(RetryPolicy policy, RetryListener listener, RequestContext context) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(context, "context");
        RetryingCall call = new RetryingCall(policy, listener, context.withAttempt(1));
        policy.onCallStarted();
        return call;
    }

    /** The current attempt's context: ids of the call, attempt number. */
    public RequestContext context() {
        return context;
    }

    /** Time since the call started. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * {@code limit}, or the time left before the policy's deadline if that is shorter (at least
     * a millisecond): bound each attempt's timeouts with it, so the last attempt cannot overrun
     * the call's deadline.
     *
     * @throws NullPointerException if {@code limit} is null
     */
    public Duration bounded(Duration limit) {
        Objects.requireNonNull(limit, "limit");
        if (deadlineNanos == NO_DEADLINE) {
            return limit;
        }
        Duration remaining = Duration.ofNanos(Math.max(nanosLeft(), TimeUnit.MILLISECONDS.toNanos(1)));
        return remaining.compareTo(limit) < 0 ? remaining : limit;
    }

    /** Tells the listener the current attempt is about to be sent. */
    public void attemptStarting() {
        RequestContext ctx = context;
        notify(() -> listener.onAttempt(ctx));
    }

    /** Tells the listener the current attempt got a response below 400, which ends the call. */
    public void succeeded(int status, Duration took) {
        RequestContext ctx = context;
        notify(() -> listener.onSuccess(ctx, status, took));
    }

    /**
     * The current attempt failed: asks the policy, records a stop on {@code failure}, tells the
     * listener and, when the decision is to retry, moves to the next attempt's context.
     *
     * @param failure the attempt's failure, created with {@link #context()}
     * @param took how long the attempt took
     * @return the policy's decision held to the call's bounds (see the class comment): a delay
     *     past the deadline becomes a stop for {@link StopReason#DEADLINE_EXCEEDED}, one over a
     *     day is cut to a day; never null
     * @throws NullPointerException if an argument is null, or the policy returned null
     */
    public RetryDecision failed(RestfaultException failure, Duration took) {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(took, "took");
        RequestContext ctx = context;
        RetryDecision decision = withinBounds(Objects.requireNonNull(policy.onFailure(new RetryContext(failure, elapsed())),
                "retry decision"));
        decision.stopReason().ifPresent(failure::markStopped);
        notify(() -> listener.onFailure(ctx, failure, decision, took));
        if (decision.shouldRetry()) {
            context = ctx.withAttempt(ctx.attempt() + 1);
        }
        return decision;
    }

    /**
     * Records that the call ended without the retry {@code failure}'s decision asked for (the
     * client closed, an executor refused it): {@code failure.retryStop()} then says so.
     */
    public void abandoned(RestfaultException failure, StopReason reason) {
        Objects.requireNonNull(failure, "failure").markStopped(Objects.requireNonNull(reason, "reason"));
    }

    /**
     * Waits out a retry decision's delay on this thread, for transports whose calls block their
     * thread anyway (Spring's {@code RestClient}, OpenFeign). Reactive and asynchronous
     * transports must schedule the delay on a timer instead.
     *
     * @throws CallInterruptedException if the thread is interrupted while waiting; the
     *     interrupt flag is set again and no further attempt should be made
     */
    public void awaitDelay(RetryDecision decision) {
        long nanos = Durations.saturatedNanos(decision.delay());
        if (nanos <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallInterruptedException(e, context);
        }
    }

    /**
     * A policy's decision within the call's bounds: a policy may return any {@code Duration}, but
     * a wait past the deadline serves nothing (the next attempt would have no time left) and one
     * beyond a long's nanoseconds overflows every timer that takes it.
     */
    private RetryDecision withinBounds(RetryDecision decision) {
        if (!decision.shouldRetry()) {
            return decision;
        }
        if (deadlineNanos != NO_DEADLINE && Durations.saturatedNanos(decision.delay()) >= nanosLeft()) {
            return RetryDecision.stop(StopReason.DEADLINE_EXCEEDED);
        }
        return decision.delay().compareTo(MAX_DELAY) > 0 ? RetryDecision.retryAfter(MAX_DELAY) : decision;
    }

    /** Nanoseconds before the deadline; negative once it passed. Only with a deadline. */
    private long nanosLeft() {
        return deadlineNanos - (System.nanoTime() - start);
    }

    private static void notify(Runnable callback) {
        try {
            callback.run();
        } catch (VirtualMachineError fatal) {
            // Out of memory or stack: the JVM's trouble, not this listener's; not swallowed.
            throw fatal;
        } catch (Throwable listenerBug) {
            // An AssertionError from a test's listener included: the listener's contract is that
            // it never changes the call's outcome.
            LOG.log(System.Logger.Level.WARNING, "a RetryListener threw; the call goes on", listenerBug);
        }
    }

    /** The current attempt; safe to log. */
    @Override
    public String toString() {
        return "RetryingCall{" + context + ", elapsed " + elapsed() + "}";
    }
}
