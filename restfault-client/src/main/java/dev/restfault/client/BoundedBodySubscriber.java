package dev.restfault.client;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * A {@code java.net.http} body subscriber that reads a body into memory within a byte cap and a
 * deadline: the one restfault uses wherever it reads a response (the client, the live-API
 * probe, the sandbox's upstream calls). {@code java.net.http}'s own request timeout stops at the
 * headers, and {@code BodyHandlers.ofByteArray()} has no cap, so a server that sends headers
 * and then stalls, or sends without end, would otherwise hold the call, its memory and its
 * connection.
 *
 * <pre>{@code
 * HttpResponse<BoundedBodySubscriber.Body> response = http.send(request,
 *         info -> BoundedBodySubscriber.prefix(info, 64 * 1024, Duration.ofSeconds(5)));
 * BoundedBodySubscriber.Body body = response.body();
 * body.bytes();       // at most 64 KiB
 * body.end();         // COMPLETE, or why the rest was not read (LIMIT, TIMEOUT, BROKEN, STOPPED)
 * }</pre>
 *
 * <p>Two modes, chosen by the factory:
 * <ul>
 *   <li>{@link #prefix}: for a body whose beginning is enough (an error body, a body to be
 *       checked). Reaching the cap, the deadline or {@link #stop()}, or the connection breaking,
 *       is not a failure: the bytes so far are the result, and {@link Body#end()} says why it
 *       ended there.</li>
 *   <li>{@link #whole}: for a body that is useless unless complete. Past the cap, or past the
 *       deadline, the body fails with an {@link java.io.IOException} saying which;
 *       {@link #stop()} fails it with a {@link CancellationException}; a broken connection
 *       fails it with the transport's exception.</li>
 * </ul>
 * Whenever reading stops early the subscription is cancelled, which makes {@code java.net.http}
 * close the connection instead of draining it or handing it back to its pool.
 *
 * <p>Guarantees: memory is at most the cap (plus the transport's own buffers); the deadline's
 * timer is cancelled as soon as the body ends, so nothing lingers per call; the deadline starts
 * when the subscriber is created, which a {@code BodyHandler} does when the headers have
 * arrived. One subscriber serves one response; it is thread-safe, as the {@code Flow} contract
 * requires. Arguments are checked when it is created ({@link IllegalArgumentException}).
 */
public final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<BoundedBodySubscriber.Body> {

    /** Why a body ended where it did. */
    public enum End {
        /** The whole body was read. */
        COMPLETE,
        /** The body was longer than the cap: the rest was not read. */
        LIMIT,
        /** The body did not arrive in time: the rest was not waited for. */
        TIMEOUT,
        /** The connection broke inside the body. */
        BROKEN,
        /** {@link BoundedBodySubscriber#stop()} stopped reading. */
        STOPPED
    }

    /** What was read: the bytes and why reading ended there. Immutable. */
    public static final class Body {
        // Package-private fields: the client reads them without a copy on its hot path.
        final byte[] bytes;
        final boolean truncated;
        final boolean timedOut;
        private final End end;

        Body(byte[] bytes, End end) {
            this.bytes = bytes;
            this.end = end;
            this.truncated = end != End.COMPLETE;
            this.timedOut = end == End.TIMEOUT;
        }

        /** A copy of the bytes read: the whole body, or its first bytes when it ended early. */
        public byte[] bytes() {
            return bytes.clone();
        }

        /** How many bytes were read. */
        public int length() {
            return bytes.length;
        }

        /** Why reading ended where it did. */
        public End end() {
            return end;
        }

        /** Whether the body ended before its end ({@link #end()} is not {@link End#COMPLETE}). */
        public boolean truncated() {
            return truncated;
        }

        /** Whether the body stopped arriving before the deadline ({@link End#TIMEOUT}). */
        public boolean timedOut() {
            return timedOut;
        }

        @Override
        public String toString() {
            return "Body{" + bytes.length + " bytes, " + end + "}";
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

    /**
     * A subscriber that keeps what it could read: past {@code maxBytes}, past {@code timeout},
     * on {@link #stop()} or when the connection breaks, the body completes with the bytes so far
     * and {@link Body#end()} says why.
     *
     * @param info the response's status and headers, as a {@code BodyHandler} receives them
     * @param maxBytes the most bytes kept, at least 1
     * @param timeout the longest wait for the whole body from now, positive
     * @throws IllegalArgumentException if {@code info} or {@code timeout} is null, {@code maxBytes}
     *     is below 1 or {@code timeout} is not positive
     */
    public static BoundedBodySubscriber prefix(HttpResponse.ResponseInfo info, int maxBytes, Duration timeout) {
        check(info, maxBytes, timeout);
        return new BoundedBodySubscriber(info, maxBytes, true, timeout);
    }

    /**
     * A subscriber for a body that is useless unless complete: past {@code maxBytes} or past
     * {@code timeout} the body fails with an {@link java.io.IOException} whose message says
     * which ({@code "body exceeds 1024 bytes"}, {@code "no complete body within 5 s"}).
     *
     * @param info the response's status and headers, as a {@code BodyHandler} receives them
     * @param maxBytes the longest body accepted, at least 1
     * @param timeout the longest wait for the whole body from now, positive
     * @throws IllegalArgumentException if {@code info} or {@code timeout} is null, {@code maxBytes}
     *     is below 1 or {@code timeout} is not positive
     */
    public static BoundedBodySubscriber whole(HttpResponse.ResponseInfo info, int maxBytes, Duration timeout) {
        check(info, maxBytes, timeout);
        return new BoundedBodySubscriber(info, maxBytes, false, timeout);
    }

    private static void check(HttpResponse.ResponseInfo info, int maxBytes, Duration timeout) {
        if (info == null) {
            throw new IllegalArgumentException("info must not be null");
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, was " + maxBytes);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    @Override
    public CompletionStage<Body> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        Objects.requireNonNull(s, "subscription");
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
                        result.complete(new Body(Arrays.copyOf(buffer, size), End.LIMIT));
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
                // A body broken off by the connection: keep the bytes so far (for cutShort()
                // too), whichever of this and the exchange's own failure comes first.
                result.complete(new Body(Arrays.copyOf(buffer, size), End.BROKEN));
            }
            buffer = null;
        }
        result.completeExceptionally(throwable);
    }

    /**
     * Stops reading now: the subscription is cancelled (so the connection is closed), or
     * refused if the body has not started. A {@link #prefix} body completes with the bytes so
     * far, ending {@link End#STOPPED}; a {@link #whole} body fails with a
     * {@link CancellationException}. No effect once the body has ended; safe from any thread.
     */
    public void stop() {
        finishEarly(End.STOPPED);
    }

    /**
     * For an error response whose exchange failed after its headers arrived (the connection
     * broke inside the body): the bytes read so far, ending {@link End#BROKEN} (or the body as it
     * ended, if it already had); nothing more is read. {@code java.net.http} may fail the
     * response before it tells this subscriber, so the client asks for the prefix itself. Only
     * for a {@link #prefix} body; an empty body ending {@code BROKEN} if this one failed.
     */
    Body cutShort() {
        finishEarly(End.BROKEN);
        Body done = result.isCompletedExceptionally() ? null : result.getNow(null);
        return done != null ? done : new Body(new byte[0], End.BROKEN);
    }

    private void finishEarly(End end) {
        Flow.Subscription toCancel;
        synchronized (this) {
            if (result.isDone()) {
                return;
            }
            if (keepPrefix) {
                result.complete(new Body(Arrays.copyOf(buffer, size), end));
            } else {
                result.completeExceptionally(new CancellationException("reading the body was stopped"));
            }
            buffer = null;
            toCancel = subscription;
        }
        if (toCancel != null) {
            toCancel.cancel();
        }
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
                result.complete(new Body(Arrays.copyOf(buffer, size), End.COMPLETE));
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
                result.complete(new Body(Arrays.copyOf(buffer, size), End.TIMEOUT));
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
