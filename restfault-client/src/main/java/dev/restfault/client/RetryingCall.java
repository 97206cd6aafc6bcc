package dev.restfault.client;

import dev.restfault.client.retry.RetryContext;
import dev.restfault.client.retry.RetryDecision;
import dev.restfault.client.retry.RetryListener;
import dev.restfault.client.retry.RetryPolicy;
import dev.restfault.client.retry.StopReason;
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
 * safely). Listener exceptions are reported to {@link System.Logger} and ignored; a policy
 * exception propagates (a bug in a policy is not hidden).
 */
public final class RetryingCall {

    private static final System.Logger LOG = System.getLogger(RetryingCall.class.getName());

    private final RetryPolicy policy;
    private final RetryListener listener;
    private final long start;
    private final long deadline;
    private volatile RequestContext context;

    private RetryingCall(RetryPolicy policy, RetryListener listener, RequestContext context) {
        this.policy = policy;
        this.listener = listener;
        this.context = context;
        this.start = System.nanoTime();
        this.deadline = policy.deadline().map(d -> start + d.toNanos()).orElse(Long.MAX_VALUE);
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
        if (deadline == Long.MAX_VALUE) {
            return limit;
        }
        long left = deadline - System.nanoTime();
        Duration remaining = Duration.ofNanos(Math.max(left, TimeUnit.MILLISECONDS.toNanos(1)));
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
     * @return the policy's decision; never null
     * @throws NullPointerException if an argument is null, or the policy returned null
     */
    public RetryDecision failed(RestfaultException failure, Duration took) {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(took, "took");
        RequestContext ctx = context;
        RetryDecision decision = Objects.requireNonNull(policy.onFailure(new RetryContext(failure, elapsed())),
                "retry decision");
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
        long nanos = decision.delay().toNanos();
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

    private static void notify(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException listenerBug) {
            LOG.log(System.Logger.Level.WARNING, "a RetryListener threw; the call goes on", listenerBug);
        }
    }

    /** The current attempt; safe to log. */
    @Override
    public String toString() {
        return "RetryingCall{" + context + ", elapsed " + elapsed() + "}";
    }
}
