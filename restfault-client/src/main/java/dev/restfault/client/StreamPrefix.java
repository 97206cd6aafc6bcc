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

    static StreamPrefix read(InputStream in, int cap, Duration timeout) {
        Reader reader = new Reader(in);
        CompletableFuture<Void> timer = new CompletableFuture<>();
        timer.orTimeout(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS).whenComplete((v, expired) -> {
            if (expired != null) {
                // The JDK's delay scheduler runs this; closing a stream may block on some
                // transports, and that one thread fires every timer of the JVM.
                ForkJoinPool.commonPool().execute(reader::expire);
            }
        });
        try {
            return reader.readUpTo(cap);
        } finally {
            // Completing the timer cancels its scheduled task: nothing lingers per body.
            timer.complete(null);
        }
    }

    /** Reads and, from the timer, expires; the outcome is decided under the lock. */
    private static final class Reader {
        private final InputStream in;
        private boolean done; // guarded by this
        private boolean expired; // guarded by this

        Reader(InputStream in) {
            this.in = in;
        }

        StreamPrefix readUpTo(int cap) {
            byte[] buffer = new byte[Math.min(cap + 1, 8192)];
            int size = 0;
            boolean broken = false;
            try {
                while (size <= cap) {
                    if (size == buffer.length) {
                        buffer = Arrays.copyOf(buffer, Math.min(cap + 1, buffer.length * 2));
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
            byte[] kept = Arrays.copyOf(buffer, Math.min(size, cap));
            return new StreamPrefix(kept, early, timedOut);
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
