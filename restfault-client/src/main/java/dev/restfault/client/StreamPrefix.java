package dev.restfault.client;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * The first bytes of an error body read from a blocking stream, within a byte cap and a time
 * limit: the stream counterpart of {@link BoundedBodySubscriber}'s error-body mode.
 *
 * <p>A blocking {@code read} cannot be interrupted, but closing its stream ends it (sockets,
 * {@code java.net.http}'s response stream and {@code HttpURLConnection}'s all do), so the time
 * limit is a timer that closes the stream. Whenever reading stops before the end (cap, timeout,
 * broken connection) the stream is closed, so the transport drops the connection rather than
 * draining a body nobody reads or handing a half-read connection back to its pool.
 */
final class StreamPrefix {

    static final StreamPrefix EMPTY = new StreamPrefix(new byte[0], false, false);

    private static final System.Logger LOG = System.getLogger(StreamPrefix.class.getName());

    final byte[] bytes;
    final boolean truncated;
    final boolean timedOut;

    private StreamPrefix(byte[] bytes, boolean truncated, boolean timedOut) {
        this.bytes = bytes;
        this.truncated = truncated;
        this.timedOut = timedOut;
    }

    /**
     * @param announced the body's length from {@code Content-Length}, or -1 when unknown: once
     *     that many bytes arrived, reading stops without waiting for the end of the stream
     */
    static StreamPrefix read(InputStream in, int cap, Duration timeout, long announced) {
        Reader reader = new Reader(in, timeout);
        try {
            return reader.readUpTo(cap, announced);
        } finally {
            reader.disarm();
        }
    }

    /**
     * Reads and, from the timer, expires; the outcome is decided under the lock. The timer is
     * armed only before a read that may block (nothing is {@code available()}): a body already
     * received, as error bodies nearly always are, is read without scheduling anything.
     */
    private static final class Reader {
        private final InputStream in;
        private final long deadline;
        private CompletableFuture<Void> timer; // touched by the reading thread only
        private boolean done; // guarded by this
        private boolean expired; // guarded by this

        Reader(InputStream in, Duration timeout) {
            this.in = in;
            this.deadline = System.nanoTime() + timeout.toNanos();
        }

        StreamPrefix readUpTo(int cap, long announced) {
            long expected = announced >= 0 ? Math.min(announced, (long) cap + 1) : -1;
            int initial = (int) Math.min(cap + 1L, expected >= 0 ? Math.max(expected, 1) : 8192);
            byte[] buffer = new byte[initial];
            int size = 0;
            boolean broken = false;
            try {
                while (size <= cap && (expected < 0 || size < expected)) {
                    if (size == buffer.length) {
                        buffer = Arrays.copyOf(buffer, (int) Math.min(cap + 1L, buffer.length * 2L));
                    }
                    if (timer == null && in.available() <= 0) {
                        arm();
                    }
                    int n = in.read(buffer, size, buffer.length - size);
                    if (n < 0) {
                        break;
                    }
                    size += n;
                }
            } catch (IOException | RuntimeException cut) {
                // A connection that broke, or a stream the timer closed: the bytes so far stand.
                broken = true;
            }
            boolean timedOut;
            synchronized (this) {
                done = true;
                timedOut = expired;
            }
            boolean overCap = size > cap;
            boolean early = overCap || broken || timedOut;
            if (early) {
                closeQuietly();
            }
            byte[] kept = size == buffer.length && size <= cap ? buffer : Arrays.copyOf(buffer, Math.min(size, cap));
            return new StreamPrefix(kept, early, timedOut);
        }

        private void arm() {
            long left = deadline - System.nanoTime();
            CompletableFuture<Void> t = new CompletableFuture<>();
            timer = t;
            t.orTimeout(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)), TimeUnit.MILLISECONDS).whenComplete((v, e) -> {
                if (e != null) {
                    // The JDK's delay scheduler runs this; closing a stream may block on some
                    // transports, and that one thread fires every timer of the JVM.
                    ForkJoinPool.commonPool().execute(this::expire);
                }
            });
        }

        /** Completing the timer cancels its scheduled task: nothing lingers per body. */
        void disarm() {
            if (timer != null) {
                timer.complete(null);
            }
        }

        void expire() {
            synchronized (this) {
                if (done) {
                    return;
                }
                expired = true;
            }
            closeQuietly();
        }

        private void closeQuietly() {
            try {
                in.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing an error body stream failed", e);
            }
        }
    }
}
