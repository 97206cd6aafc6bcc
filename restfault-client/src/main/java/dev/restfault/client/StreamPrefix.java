package dev.restfault.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
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
 *
 * <p>The timer is armed before the first read of any stream but a {@link ByteArrayInputStream}:
 * {@code available()} cannot tell whether a read will block ({@code GZIPInputStream} and
 * {@code InflaterInputStream}, which Feign's default client and Spring's JDK request factory
 * wrap compressed bodies in, answer 1 until the end, however stalled the connection under them).
 * An expired timer closes the stream on a thread of its own (a shared pool of daemon threads
 * named {@code restfault-body-closer-N}), never on a pool the blocked reads may be occupying.
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
     * @param timeout positive; one too long to count in nanoseconds (~292 years) is as good as none
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
     * armed before the first read unless the stream is known to be in memory, whatever
     * {@code available()} says (see the class comment).
     */
    private static final class Reader {
        private final InputStream in;
        private final boolean inMemory;
        private final long start;
        private final long timeoutNanos;
        private CompletableFuture<Void> timer; // touched by the reading thread only
        private boolean done; // guarded by this
        private boolean expired; // guarded by this

        Reader(InputStream in, Duration timeout) {
            this.in = in;
            // The exact class: a subclass may read from anywhere.
            this.inMemory = in.getClass() == ByteArrayInputStream.class;
            this.start = System.nanoTime();
            this.timeoutNanos = Durations.saturatedNanos(timeout);
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
                    if (timer == null && !inMemory) {
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
            // Measured from the start, not as an instant: a huge timeout must not overflow.
            long left = Math.max(1, timeoutNanos - (System.nanoTime() - start));
            CompletableFuture<Void> t = new CompletableFuture<>();
            timer = t;
            t.orTimeout(left, TimeUnit.NANOSECONDS).whenComplete((v, e) -> {
                if (e != null) {
                    // The JDK's delay scheduler runs this, and that one thread fires every timer
                    // of the JVM, while closing a stream may block on some transports: the close
                    // goes to threads of its own. Not the common pool: the reads this close is
                    // to end may be the very tasks holding all its workers.
                    closeLater(this::expire);
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

    private static void closeLater(Runnable close) {
        try {
            Closer.EXECUTOR.execute(close);
        } catch (RejectedExecutionException noThread) {
            // No thread could be started for it: closing here beats never closing.
            close.run();
        }
    }

    /**
     * Threads that close timed-out streams, created when a timer expires and ended when idle: a
     * close that blocks (some transports drain or lock on close) holds up no other, and no
     * thread is kept while nothing expires. Daemons, so they never keep the JVM alive.
     */
    private static final class Closer {
        static final Executor EXECUTOR = DaemonThreads.cachedPool("restfault-body-closer-", 10);
    }
}
