package dev.restfault.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The error-body timer of {@link ErrorDecoder#decode(int, Map, InputStream, Duration, RequestContext)}
 * on the streams other libraries hand over: a decompressing stream, whose {@code available()}
 * cannot tell a stall; reads that hold every worker of the common pool; a timeout too long to
 * count in nanoseconds.
 */
class ErrorBodyStreamTest {

    private static final RequestContext GET = RequestContext.of("GET", URI.create("https://api.example.com/v1/orders"));

    @Test
    @Timeout(5)
    void aStalledGzipBodyIsClosedByTheTimer() throws IOException {
        String first = "{\"code\":\"maintenance\",\"description\":\"Back ";
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        GZIPOutputStream gzip = new GZIPOutputStream(wire, true);
        gzip.write(first.getBytes(StandardCharsets.US_ASCII));
        gzip.flush(); // a sync flush: everything so far can be inflated; the rest never comes
        StallingStream connection = new StallingStream(wire.toByteArray());

        ContractErrorException e = ErrorDecoder.standard().decode(503, Map.of(), new GZIPInputStream(connection),
                Duration.ofMillis(200), GET);

        assertThat(e.body().timedOut()).isTrue();
        assertThat(e.body().truncated()).isTrue();
        assertThat(e.body().text()).isEqualTo(first);
        assertThat(connection.closed).isTrue();
        assertThat(connection.closedBy).startsWith("restfault-body-closer-");
    }

    /**
     * Every worker of the common pool blocked in such a read: the close that ends them must come
     * from elsewhere, or it waits behind them for ever.
     */
    @Test
    @Timeout(30)
    void readsHoldingEveryCommonPoolWorkerAreStillClosed() throws Exception {
        int workers = Math.max(1, ForkJoinPool.getCommonPoolParallelism());
        CountDownLatch running = new CountDownLatch(workers);
        List<StallingStream> streams = new ArrayList<>();
        List<ForkJoinTask<ContractErrorException>> reads = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                StallingStream stalled = new StallingStream(new byte[0]);
                streams.add(stalled);
                // The pool itself, not CompletableFuture.supplyAsync: with a parallelism of 1
                // that runs each task on a new thread of its own.
                reads.add(ForkJoinPool.commonPool().submit(() -> {
                    if (Thread.currentThread() instanceof ForkJoinWorkerThread) {
                        running.countDown();
                    }
                    return ErrorDecoder.standard().decode(503, Map.of(), stalled, Duration.ofMillis(200), GET);
                }));
            }
            // Every read on a worker before anyone waits: a thread waiting on a task still queued
            // may run it itself, and then holds no worker.
            assertThat(running.await(10, TimeUnit.SECONDS)).as("every common-pool worker reading").isTrue();
            for (ForkJoinTask<ContractErrorException> read : reads) {
                assertThat(read.get(10, TimeUnit.SECONDS).body().timedOut()).isTrue();
            }
        } finally {
            // Whatever happened, give the common pool its workers back.
            streams.forEach(StallingStream::close);
        }
    }

    @Test
    @Timeout(5)
    void aTimeoutTooLongForNanosecondsNeverExpires() {
        byte[] body = "{\"code\":\"9999\",\"description\":\"failed\"}".getBytes(StandardCharsets.US_ASCII);
        for (Duration forever : List.of(Duration.ofMillis(Long.MAX_VALUE), Duration.ofSeconds(Long.MAX_VALUE))) {
            // Not a ByteArrayInputStream, so the timer is armed with it.
            ContractErrorException e = ErrorDecoder.standard().decode(500, Map.of(),
                    new BufferedInputStream(new ByteArrayInputStream(body)), forever, GET);
            assertThat(e.code()).isEqualTo("9999");
            assertThat(e.body().truncated()).isFalse();
            assertThat(e.bodyFailure()).isEmpty();
        }
    }

    /**
     * Hands over {@code prefix}, then blocks in {@code read} until closed, as a socket whose peer
     * went quiet: {@code available()} says 0 then, as a socket's does. Records who closed it.
     */
    private static final class StallingStream extends InputStream {
        private final ByteArrayInputStream prefix;
        volatile boolean closed;
        volatile String closedBy;

        StallingStream(byte[] prefix) {
            this.prefix = new ByteArrayInputStream(prefix);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (prefix.available() > 0) {
                return prefix.read(b, off, len);
            }
            // A plain sleep, not a ForkJoinPool.ManagedBlocker: the common pool starts no
            // compensating worker for it, as for a read blocked in a socket.
            while (!closed) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            throw new IOException("Stream closed");
        }

        @Override
        public int available() {
            return prefix.available();
        }

        @Override
        public void close() {
            if (!closed) {
                closedBy = Thread.currentThread().getName();
                closed = true;
            }
        }
    }
}
