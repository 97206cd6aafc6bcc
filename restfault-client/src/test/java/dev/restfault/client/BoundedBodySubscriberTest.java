package dev.restfault.client;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public body subscriber against a raw socket server on 127.0.0.1 that sends exactly what a
 * test scripts: a complete body, a body longer than the cap, headers then a stall, a connection
 * cut inside the body. Each mode's outcome, and that the connection is closed when reading
 * stops early.
 */
class BoundedBodySubscriberTest {

    private HttpClient http;
    private ScriptedServer server;

    @BeforeEach
    void start() {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theReadmeExampleReadsACompleteBody() throws Exception {
        server = ScriptedServer.start(out -> respond(out, 200, "{\"ok\":true}", true));
        HttpRequest request = HttpRequest.newBuilder(server.uri()).build();
        // README-BEGIN subscriber
        HttpResponse<BoundedBodySubscriber.Body> response = http.send(request,
                info -> BoundedBodySubscriber.prefix(info, 64 * 1024, Duration.ofSeconds(5)));
        BoundedBodySubscriber.Body body = response.body();
        byte[] bytes = body.bytes();                 // at most 64 KiB
        BoundedBodySubscriber.End end = body.end();  // COMPLETE, or LIMIT, TIMEOUT, BROKEN, STOPPED
        // README-END subscriber
        assertThat(new String(bytes, US_ASCII)).isEqualTo("{\"ok\":true}");
        assertThat(end).isEqualTo(BoundedBodySubscriber.End.COMPLETE);
        assertThat(body.truncated()).isFalse();
        assertThat(body.timedOut()).isFalse();
        assertThat(body.length()).isEqualTo(11);
        assertThat(body).hasToString("Body{11 bytes, COMPLETE}");
    }

    @Test
    void theReadmeShowsTheExampleVerbatim() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/restfault/client/BoundedBodySubscriberTest.java"),
                StandardCharsets.UTF_8);
        int from = source.indexOf("// README-BEGIN subscriber\n") + "// README-BEGIN subscriber\n".length();
        int to = source.indexOf("        // README-END subscriber");
        String example = source.substring(from, to).stripTrailing().replace("\n        ", "\n").strip();
        assertThat(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8)).contains(example);
    }

    @Test
    void prefixKeepsTheFirstBytesOfALongerBodyAndClosesTheConnection() throws Exception {
        String big = "x".repeat(200_000);
        server = ScriptedServer.start(out -> respond(out, 500, big, true));
        HttpResponse<BoundedBodySubscriber.Body> r = http.send(HttpRequest.newBuilder(server.uri()).build(),
                info -> BoundedBodySubscriber.prefix(info, 1000, Duration.ofSeconds(5)));
        assertThat(r.body().length()).isEqualTo(1000);
        assertThat(r.body().end()).isEqualTo(BoundedBodySubscriber.End.LIMIT);
        assertThat(r.body().truncated()).isTrue();
        assertThat(server.awaitClosedByClient()).as("the connection is closed, not drained").isTrue();
    }

    @Test
    void prefixGivesUpOnAStalledBodyAtTheDeadline() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server = ScriptedServer.start(out -> {
            respond(out, 503, "{\"code\":\"late\",", false); // Content-Length promises more
            await(release);
        });
        long start = System.nanoTime();
        HttpResponse<BoundedBodySubscriber.Body> r = http.send(HttpRequest.newBuilder(server.uri()).build(),
                info -> BoundedBodySubscriber.prefix(info, 1000, Duration.ofMillis(300)));
        release.countDown();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).as("not held until the server gives up")
                .isLessThan(10);
        assertThat(new String(r.body().bytes(), US_ASCII)).isEqualTo("{\"code\":\"late\",");
        assertThat(r.body().end()).isEqualTo(BoundedBodySubscriber.End.TIMEOUT);
        assertThat(r.body().timedOut()).isTrue();
    }

    @Test
    void prefixKeepsWhatArrivedBeforeTheConnectionBroke() throws Exception {
        server = ScriptedServer.start(out -> {
            respond(out, 502, "{\"code\":\"cut", false);
            out.close(); // closes the connection 100 bytes short of its Content-Length
        });
        AtomicReference<BoundedBodySubscriber> subscriber = new AtomicReference<>();
        CompletableFuture<HttpResponse<BoundedBodySubscriber.Body>> f = http.sendAsync(
                HttpRequest.newBuilder(server.uri()).build(), info -> {
                    BoundedBodySubscriber s = BoundedBodySubscriber.prefix(info, 1000, Duration.ofSeconds(5));
                    subscriber.set(s);
                    return s;
                });
        BoundedBodySubscriber.Body body;
        try {
            body = f.get(10, TimeUnit.SECONDS).body();
        } catch (ExecutionException exchangeFailedFirst) {
            // java.net.http may fail the exchange before it tells the subscriber: the prefix is
            // still there, as the client asks for it.
            body = subscriber.get().cutShort();
        }
        assertThat(body.end()).isEqualTo(BoundedBodySubscriber.End.BROKEN);
        assertThat(new String(body.bytes(), US_ASCII)).isIn("{\"code\":\"cut", "");
    }

    @Test
    void stopEndsAPrefixBodyWithWhatArrivedAndClosesTheConnection() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch sent = new CountDownLatch(1);
        server = ScriptedServer.start(out -> {
            respond(out, 404, "{\"code\":", false);
            sent.countDown();
            await(release);
        });
        AtomicReference<BoundedBodySubscriber> subscriber = new AtomicReference<>();
        CompletableFuture<HttpResponse<BoundedBodySubscriber.Body>> f = http.sendAsync(
                HttpRequest.newBuilder(server.uri()).build(), info -> {
                    BoundedBodySubscriber s = BoundedBodySubscriber.prefix(info, 1000, Duration.ofMinutes(1));
                    subscriber.set(s);
                    return s;
                });
        assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
        awaitSubscriber(subscriber);
        subscriber.get().stop();
        subscriber.get().stop(); // idempotent
        HttpResponse<BoundedBodySubscriber.Body> r = f.get(10, TimeUnit.SECONDS);
        release.countDown();
        assertThat(r.body().end()).isEqualTo(BoundedBodySubscriber.End.STOPPED);
        assertThat(new String(r.body().bytes(), US_ASCII)).isIn("{\"code\":", "");
        assertThat(server.awaitClosedByClient()).isTrue();
    }

    @Test
    void wholeFailsPastTheCap() throws Exception {
        server = ScriptedServer.start(out -> respond(out, 200, "y".repeat(5000), true));
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(server.uri()).build(),
                info -> BoundedBodySubscriber.whole(info, 100, Duration.ofSeconds(5))))
                .isInstanceOf(IOException.class).hasMessageContaining("body exceeds 100 bytes");
        assertThat(server.awaitClosedByClient()).isTrue();
    }

    @Test
    void wholeFailsPastTheDeadline() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server = ScriptedServer.start(out -> {
            respond(out, 200, "{", false);
            await(release);
        });
        try {
            assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(server.uri()).build(),
                    info -> BoundedBodySubscriber.whole(info, 100, Duration.ofMillis(200))))
                    .isInstanceOf(IOException.class).hasMessageContaining("no complete body within");
        } finally {
            release.countDown();
        }
    }

    @Test
    void wholeReadsACompleteBodyAndFailsWhenStopped() throws Exception {
        server = ScriptedServer.start(out -> respond(out, 200, "complete", true));
        HttpResponse<BoundedBodySubscriber.Body> r = http.send(HttpRequest.newBuilder(server.uri()).build(),
                info -> BoundedBodySubscriber.whole(info, 8, Duration.ofSeconds(5)));
        assertThat(new String(r.body().bytes(), US_ASCII)).isEqualTo("complete");
        assertThat(r.body().end()).isEqualTo(BoundedBodySubscriber.End.COMPLETE);

        BoundedBodySubscriber stopped = BoundedBodySubscriber.whole(info(200), 8, Duration.ofSeconds(5));
        stopped.stop();
        assertThat(stopped.getBody().toCompletableFuture()).isCompletedExceptionally();
        assertThatThrownBy(() -> stopped.getBody().toCompletableFuture().join()).isInstanceOf(CancellationException.class)
                .hasMessage("reading the body was stopped");
    }

    @Test
    void aBodyStoppedBeforeItStartsRefusesItsSubscription() {
        BoundedBodySubscriber s = BoundedBodySubscriber.prefix(info(500), 8, Duration.ofSeconds(5));
        s.stop();
        boolean[] cancelled = {false};
        s.onSubscribe(new java.util.concurrent.Flow.Subscription() {
            @Override
            public void request(long n) {
                throw new AssertionError("a stopped subscriber asks for nothing");
            }

            @Override
            public void cancel() {
                cancelled[0] = true;
            }
        });
        assertThat(cancelled[0]).isTrue();
        BoundedBodySubscriber.Body body = s.getBody().toCompletableFuture().join();
        assertThat(body.end()).isEqualTo(BoundedBodySubscriber.End.STOPPED);
        assertThat(body.length()).isZero();
    }

    @Test
    void theBytesAreTheCallersCopy() {
        BoundedBodySubscriber s = BoundedBodySubscriber.prefix(info(200), 8, Duration.ofSeconds(5));
        s.onSubscribe(new java.util.concurrent.Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
            }
        });
        s.onNext(java.util.List.of(java.nio.ByteBuffer.wrap("abc".getBytes(US_ASCII))));
        s.onComplete();
        BoundedBodySubscriber.Body body = s.getBody().toCompletableFuture().join();
        body.bytes()[0] = 'z';
        assertThat(new String(body.bytes(), US_ASCII)).isEqualTo("abc");
    }

    @Test
    void badArgumentsAreRejectedPrecisely() {
        Duration t = Duration.ofSeconds(1);
        assertThatThrownBy(() -> BoundedBodySubscriber.prefix(null, 1, t)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("info must not be null");
        assertThatThrownBy(() -> BoundedBodySubscriber.whole(info(200), 0, t)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBytes must be at least 1, was 0");
        assertThatThrownBy(() -> BoundedBodySubscriber.prefix(info(200), 1, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout must be positive");
        assertThatThrownBy(() -> BoundedBodySubscriber.prefix(info(200), 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BoundedBodySubscriber.whole(info(200), 1, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static HttpResponse.ResponseInfo info(int status) {
        return new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpHeaders headers() {
                return HttpHeaders.of(Map.of(), (a, b) -> true);
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }

    private static void awaitSubscriber(AtomicReference<BoundedBodySubscriber> s) throws InterruptedException {
        for (int i = 0; i < 500 && s.get() == null; i++) {
            Thread.sleep(10);
        }
        assertThat(s.get()).as("the headers arrived").isNotNull();
    }

    /** Writes a response; {@code complete} false announces 100 more bytes than it sends. */
    private static void respond(OutputStream out, int status, String body, boolean complete) throws IOException {
        byte[] b = body.getBytes(US_ASCII);
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: "
                + (complete ? b.length : b.length + 100) + "\r\n\r\n").getBytes(US_ASCII));
        out.write(b);
        out.flush();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One connection at a time on 127.0.0.1: reads the request head, runs the script, then watches for the client's close. */
    private static final class ScriptedServer implements AutoCloseable {
        interface Script {
            void run(OutputStream out) throws IOException;
        }

        private final ServerSocket socket;
        private final CountDownLatch closedByClient = new CountDownLatch(1);

        private ScriptedServer(Script script) throws IOException {
            socket = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                try (Socket s = socket.accept()) {
                    InputStream in = s.getInputStream();
                    readHead(in);
                    script.run(s.getOutputStream());
                    // Nothing more is sent: the next read ends when the client closes.
                    s.setSoTimeout(20_000);
                    if (in.read() < 0) {
                        closedByClient.countDown();
                    }
                } catch (IOException closedOrReset) {
                    closedByClient.countDown();
                }
            }, "scripted-server");
            t.setDaemon(true);
            t.start();
        }

        static ScriptedServer start(Script script) throws IOException {
            return new ScriptedServer(script);
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }

        boolean awaitClosedByClient() throws InterruptedException {
            return closedByClient.await(10, TimeUnit.SECONDS);
        }

        private static void readHead(InputStream in) throws IOException {
            int matched = 0;
            byte[] end = "\r\n\r\n".getBytes(US_ASCII);
            for (int c = in.read(); c >= 0; c = in.read()) {
                matched = c == end[matched] ? matched + 1 : (c == end[0] ? 1 : 0);
                if (matched == end.length) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
