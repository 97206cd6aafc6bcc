package dev.restfault.client;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * Reads a body into memory with a byte cap and a deadline, because {@code java.net.http}'s own
 * request timeout stops at the headers: a server that sends headers and then stalls would
 * otherwise hold the call (and the connection) forever.
 *
 * <p>For an error body ({@code keepPrefix}) hitting the cap or the deadline, or the connection
 * breaking, is not a failure: the bytes so far are the result, marked cut, because the status
 * already says what happened.
 * For any other body it is: {@link Failures.TooLarge} or {@link Failures.BodyTimeout}. Either
 * way the subscription is cancelled, which makes the client close the connection instead of
 * draining or reusing it.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<BoundedBodySubscriber.Body> {

    /** What was read. */
    static final class Body {
        final byte[] bytes;
        final boolean truncated;
        final boolean timedOut;

        Body(byte[] bytes, boolean truncated, boolean timedOut) {
            this.bytes = bytes;
            this.truncated = truncated;
            this.timedOut = timedOut;
        }
    }

    private final int status;
    private final HttpHeaders headers;
    private final int cap;
    private final boolean keepPrefix;
    private final Duration timeout;
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private Flow.Subscription subscription; // guarded by this
    private byte[] buffer = new byte[0]; // guarded by this
    private int size; // guarded by this

    BoundedBodySubscriber(HttpResponse.ResponseInfo info, int cap, boolean keepPrefix, Duration timeout) {
        this.status = info.statusCode();
        this.headers = info.headers();
        this.cap = cap;
        this.keepPrefix = keepPrefix;
        this.timeout = timeout;
        CompletableFuture<Void> timer = new CompletableFuture<>();
        timer.orTimeout(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)
                .whenComplete((v, expired) -> {
                    if (expired != null) {
                        onDeadline();
                    }
                });
        // Completing the timer normally cancels its scheduled task: nothing lingers per call.
        result.whenComplete((b, e) -> timer.complete(null));
    }

    @Override
    public CompletionStage<Body> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        synchronized (this) {
            if (subscription != null || result.isDone()) {
                s.cancel();
                return;
            }
            subscription = s;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        Flow.Subscription toCancel = null;
        synchronized (this) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                int n = item.remaining();
                int room = cap - size;
                int take = Math.min(n, room);
                ensureCapacity(size + take);
                item.get(buffer, size, take);
                size += take;
                if (take < n) {
                    toCancel = subscription;
                    if (keepPrefix) {
                        result.complete(new Body(Arrays.copyOf(buffer, size), true, false));
                    } else {
                        result.completeExceptionally(new Failures.TooLarge(status, cap));
                    }
                    buffer = null;
                    break;
                }
            }
        }
        if (toCancel != null) {
            toCancel.cancel();
        }
    }

    private void ensureCapacity(int needed) {
        if (needed > buffer.length) {
            int grown = Math.max(needed, Math.min(cap, Math.max(8192, buffer.length * 2)));
            buffer = Arrays.copyOf(buffer, grown);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        synchronized (this) {
            if (keepPrefix && !result.isDone()) {
                // An error body broken off by the connection: keep the bytes so far for
                // cutShort(), whichever of this and the exchange's own failure comes first.
                result.complete(new Body(Arrays.copyOf(buffer, size), true, false));
            }
            buffer = null;
        }
        result.completeExceptionally(throwable);
    }

    /**
     * For an error response whose exchange failed after its headers arrived (the connection
     * broke inside the body): the bytes read so far, marked cut; nothing more is read.
     * {@code java.net.http} may fail the response before it tells this subscriber, so the client
     * asks for the prefix itself. Only for an error body ({@code keepPrefix}).
     */
    Body cutShort() {
        Flow.Subscription toCancel;
        synchronized (this) {
            if (result.isDone()) {
                Body done = result.isCompletedExceptionally() ? null : result.getNow(null);
                return done != null ? done : new Body(new byte[0], true, false);
            }
            result.complete(new Body(Arrays.copyOf(buffer, size), true, false));
            buffer = null;
            toCancel = subscription;
        }
        if (toCancel != null) {
            toCancel.cancel();
        }
        return result.getNow(null);
    }

    /** The error response's headers, for {@link #cutShort()}. */
    HttpHeaders headers() {
        return headers;
    }

    /** The response's status. */
    int status() {
        return status;
    }

    @Override
    public void onComplete() {
        synchronized (this) {
            if (!result.isDone()) {
                result.complete(new Body(Arrays.copyOf(buffer, size), false, false));
            }
            buffer = null;
        }
    }

    private void onDeadline() {
        Flow.Subscription toCancel;
        synchronized (this) {
            if (result.isDone()) {
                return;
            }
            if (keepPrefix) {
                result.complete(new Body(Arrays.copyOf(buffer, size), true, true));
            } else {
                result.completeExceptionally(new Failures.BodyTimeout(timeout));
            }
            buffer = null;
            toCancel = subscription;
        }
        if (toCancel != null) {
            toCancel.cancel();
        }
    }
}
