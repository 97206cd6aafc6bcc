package dev.restfault.client;

import dev.restfault.client.testing.Faults;
import dev.restfault.client.testing.RawServer;
import dev.restfault.client.testing.RecordingListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.restfault.client.retry.Backoff;
import dev.restfault.client.retry.DefaultRetryPolicy;
import dev.restfault.client.retry.RetryBudget;
import dev.restfault.client.retry.RetryOptions;
import dev.restfault.client.retry.RetryPolicy;
import dev.restfault.client.retry.StopReason;
import dev.restfault.core.catalog.RetryRule;
import dev.restfault.json.ErrorBodyException.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Transport faults from raw-socket servers on loopback: each ends in the right exception within
 * the configured time, the client closes the connection (the server sees it closed), and no
 * thread is left working (the HttpClient's pool drains back to zero threads).
 */
@Timeout(30)
class FaultTest {

    private static final Duration HEADERS_TIMEOUT = Duration.ofMillis(400);
    private static final Duration BODY_TIMEOUT = Duration.ofMillis(400);

    /** The HttpClient's own threads: idle ones die after 100 ms, so a stuck task shows as a live thread. */
    private static ThreadPoolExecutor pool;
    private static HttpClient http;
    private RestfaultClient client;
    private java.util.Set<String> threadsBefore;

    @BeforeAll
    static void createHttpClient() {
        pool = new ThreadPoolExecutor(0, 16, 100, TimeUnit.MILLISECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "fault-test-http");
            t.setDaemon(true);
            return t;
        });
        http = HttpClient.newBuilder().executor(pool).connectTimeout(Duration.ofSeconds(2)).build();
        // The JDK's delay scheduler thread is created once, lazily: create it before counting.
        CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS).execute(() -> { });
    }

    @AfterAll
    static void shutdown() {
        pool.shutdownNow();
    }

    @BeforeEach
    void newClient() throws InterruptedException {
        client = RestfaultClient.builder().httpClient(http).retryPolicy(RetryPolicy.never())
                .requestTimeout(HEADERS_TIMEOUT).bodyTimeout(BODY_TIMEOUT).build();
        assertThat(awaitPoolIdle()).isTrue();
        threadsBefore = liveThreads();
    }

    @AfterEach
    void noThreadLeft() throws InterruptedException {
        assertThat(awaitPoolIdle()).as("HttpClient pool threads still busy or alive").isTrue();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!threadsBefore.containsAll(liveThreads()) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(liveThreads()).as("threads started by the fault and still alive").isSubsetOf(threadsBefore);
    }

    private static boolean awaitPoolIdle() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            if (pool.getPoolSize() == 0) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Live threads by name and id, except JUnit's own timeout watcher (created lazily). */
    private static java.util.Set<String> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> !t.getName().startsWith("junit-"))
                .map(t -> t.getName() + "#" + t.getId()).collect(java.util.stream.Collectors.toSet());
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).GET().build();
    }

    @Test
    void connectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ConnectFailedException e = catchThrowableOfType(ConnectFailedException.class,
                () -> client.send(get(URI.create("http://127.0.0.1:" + port + "/x"))));
        assertThat(e).isInstanceOf(TransportException.class);
        assertThat(e.retryRule()).isEqualTo(RetryRule.IF_IDEMPOTENT);
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.requestId()).isPresent();
        assertThat(e.correlationId()).isPresent();
        assertThat(e.getCause()).isNotNull();
        assertThat(e.getMessage()).startsWith("connection failed").contains("127.0.0.1:" + port + "/x");
    }

    @Test
    void connectionRefusedIsRetriedForGetWithTheSameContext() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        RecordingListener listener = new RecordingListener();
        try (RestfaultClient retrying = RestfaultClient.builder().httpClient(http).listener(listener)
                .retryPolicy(DefaultRetryPolicy.create(RetryOptions.builder().maxAttempts(3)
                        .backoff(Backoff.exponential(Duration.ofMillis(5), Duration.ofMillis(10)))
                        .budget(RetryBudget.unlimited()).build())).build()) {
            ConnectFailedException e = catchThrowableOfType(ConnectFailedException.class,
                    () -> retrying.send(get(URI.create("http://127.0.0.1:" + port + "/x"))));
            assertThat(e.attempt()).isEqualTo(3);
            assertThat(e.retryStop()).contains(StopReason.ATTEMPTS_EXHAUSTED);
            assertThat(listener.events.stream().map(ev -> ev.request().requestId()).distinct()).hasSize(1);
        }
    }

    @Test
    void connectionReset() throws Exception {
        try (RawServer server = RawServer.start(Faults.resetAfterRequest());
                RestfaultClient noIds = RestfaultClient.builder().httpClient(http).retryPolicy(RetryPolicy.never())
                        .generateRequestIds(false).requestTimeout(HEADERS_TIMEOUT).build()) {
            // A POST: for an idempotent request java.net.http itself resends once on a connection
            // closed before the response, which would blur the count below.
            ConnectionResetException e = catchThrowableOfType(ConnectionResetException.class,
                    () -> noIds.send(HttpRequest.newBuilder(server.uri("/reset"))
                            .POST(HttpRequest.BodyPublishers.ofString("{}")).build()));
            assertThat(e.method()).isEqualTo("POST");
            assertThat(e.retryPermitted()).isFalse();
            assertThat(e).isInstanceOf(TransportException.class);
            assertThat(e.uri()).isEqualTo(server.uri("/reset"));
            assertThat(e.getMessage()).startsWith("connection reset or closed");
            assertThat(server.accepted.get()).isEqualTo(1);
        }
    }

    @Test
    void serverThatNeverAnswers() throws Exception {
        try (RawServer server = RawServer.start(Faults.neverAnswers())) {
            TransportTimeoutException e = catchThrowableOfType(TransportTimeoutException.class,
                    () -> client.send(get(server.uri("/silent"))));
            assertThat(e.phase()).isEqualTo(TransportTimeoutException.Phase.RESPONSE_HEADERS);
            assertThat(e.timeout()).contains(HEADERS_TIMEOUT);
            assertThat(e.getMessage()).contains("waiting for the response headers").contains("400ms");
            assertThat(server.awaitAllClosed(5000)).as("client closed the connection").isTrue();
        }
    }

    @Test
    void theCallDeadlineBoundsAnAttemptThatNeverAnswers() throws Exception {
        try (RawServer server = RawServer.start(Faults.neverAnswers());
                RestfaultClient bounded = RestfaultClient.builder().httpClient(http)
                        .retryPolicy(DefaultRetryPolicy.create(RetryOptions.builder().deadline(Duration.ofMillis(500)).build()))
                        .requestTimeout(Duration.ofSeconds(20)).build()) {
            TransportTimeoutException e = catchThrowableOfType(TransportTimeoutException.class,
                    () -> bounded.send(get(server.uri("/silent"))));
            assertThat(e.phase()).isEqualTo(TransportTimeoutException.Phase.RESPONSE_HEADERS);
            // The attempt got the time left before the deadline, not the 20 s request timeout.
            assertThat(e.timeout()).hasValueSatisfying(t -> assertThat(t).isLessThanOrEqualTo(Duration.ofMillis(500)));
            assertThat(e.retryStop()).contains(StopReason.DEADLINE_EXCEEDED);
            assertThat(server.awaitAllClosed(5000)).as("client closed the connection").isTrue();
        }
    }

    @Test
    void headersThenStalledBody() throws Exception {
        try (RawServer server = RawServer.start(Faults.successHeadersThenStall())) {
            TransportTimeoutException e = catchThrowableOfType(TransportTimeoutException.class,
                    () -> client.send(get(server.uri("/stall"))));
            assertThat(e.phase()).isEqualTo(TransportTimeoutException.Phase.RESPONSE_BODY);
            assertThat(e.timeout()).contains(BODY_TIMEOUT);
            assertThat(server.awaitAllClosed(5000)).as("client closed the connection").isTrue();
        }
    }

    @Test
    void errorHeadersThenStalledBodyStillDecodes() throws Exception {
        try (RawServer server = RawServer.start(Faults.errorHeadersThenStall())) {
            CompletableFuture<ClientResponse> f = client.sendAsync(get(server.uri("/stall-error")));
            Throwable t = catchThrowableOfType(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS)).getCause();
            assertThat(t).isInstanceOf(ContractErrorException.class);
            ContractErrorException e = (ContractErrorException) t;
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
            assertThat(e.body().timedOut()).isTrue();
            assertThat(e.body().truncated()).isTrue();
            assertThat(e.body().text()).isEqualTo("{\"code\":\"maint");
            assertThat(e.bodyFailure()).contains(Reason.TRUNCATED);
            assertThat(server.awaitAllClosed(5000)).as("client closed the connection").isTrue();
        }
    }

    /**
     * Whether java.net.http fails the exchange before or after it tells the body subscriber is a
     * race; both orders must keep the status and headers. A reset (RST) and a clean close (FIN)
     * are each tried a few times, so each order is met in practice.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"close", "reset", "close", "reset", "close", "reset"})
    void errorBodyCutByTheConnectionStillDecodesWithItsRetryAfter(String how) throws Exception {
        try (RawServer server = RawServer.start(Faults.errorBodyCutMidway(how.equals("reset")))) {
            ContractErrorException e = catchThrowableOfType(ContractErrorException.class,
                    () -> client.send(get(server.uri("/cut-error"))));
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
            assertThat(e.body().truncated()).isTrue();
            assertThat(e.body().timedOut()).isFalse();
            if (how.equals("close")) {
                assertThat(e.body().text()).isEqualTo("{\"code\":\"tooManyReq");
                assertThat(e.bodyFailure()).contains(Reason.TRUNCATED);
            } else {
                // A reset may discard what had arrived but was not read yet.
                assertThat("{\"code\":\"tooManyReq").startsWith(e.body().text());
            }
            assertThat(server.accepted.get()).isEqualTo(1);
        }
    }

    @Test
    void tenMegabytesOfHtml() throws Exception {
        try (RawServer server = RawServer.start(Faults.tenMegabytesOfHtml())) {
            ContractErrorException e = catchThrowableOfType(ContractErrorException.class,
                    () -> client.send(get(server.uri("/huge"))));
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.bodyFailure()).contains(Reason.NOT_JSON);
            assertThat(e.body().size()).isEqualTo(ErrorDecoder.DEFAULT_MAX_BODY_BYTES);
            assertThat(e.body().truncated()).isTrue();
            assertThat(e.body().timedOut()).isFalse();
            // No run of the body's a's: 13 of them, one more than the longest run a request id's hex
            // group can hold (the ids are in the message, and "3aaaabe3-…" is a valid one).
            assertThat(e.getMessage()).contains("body not understood").doesNotContain("<html>").doesNotContain("a".repeat(13));
            assertThat(server.awaitAllClosed(5000)).as("client closed the connection").isTrue();
        }
    }

    @Test
    void successBodyOverTheCap() throws Exception {
        try (RawServer server = RawServer.start((s, srv) -> {
            RawServer.readHead(s);
            OutputStream out = s.getOutputStream();
            int size = 2 * 1024 * 1024;
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + size + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(new byte[size]);
                out.flush();
            } catch (IOException clientClosed) {
                srv.closedByClient.incrementAndGet();
                return;
            }
            srv.awaitClientClose(s, 10_000);
        });
                RestfaultClient capped = RestfaultClient.builder().httpClient(http).retryPolicy(RetryPolicy.never())
                        .maxResponseBytes(1024 * 1024).build()) {
            ResponseTooLargeException e = catchThrowableOfType(ResponseTooLargeException.class,
                    () -> capped.send(get(server.uri("/download"))));
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.maxBytes()).isEqualTo(1024 * 1024);
            assertThat(e.retryRule()).isEqualTo(RetryRule.NEVER);
            assertThat(server.awaitAllClosed(5000)).as("client closed the connection").isTrue();
        }
    }

    @Test
    void tlsToAServerThatDoesNotSpeakTls() throws Exception {
        try (RawServer server = RawServer.start((s, srv) -> {
            s.getInputStream().read(new byte[512]);
            s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            srv.awaitClientClose(s, 10_000);
        });
                RestfaultClient retrying = RestfaultClient.builder().httpClient(http).retryPolicy(RetryPolicy.defaults())
                        .requestTimeout(Duration.ofSeconds(5)).build()) {
            TlsException e = catchThrowableOfType(TlsException.class,
                    () -> retrying.send(get(URI.create("https://127.0.0.1:" + server.port() + "/secure"))));
            assertThat(e).isInstanceOf(TransportException.class);
            assertThat(e.retryRule()).isEqualTo(RetryRule.NEVER);
            assertThat(e.attempt()).isEqualTo(1); // not retried even though GET is idempotent
            assertThat(e.retryStop()).contains(StopReason.NOT_RETRYABLE);
            assertThat(e.getMessage()).startsWith("TLS failed");
            assertThat(server.awaitAllClosed(5000)).as("client closed the connection").isTrue();
        }
    }

    @Test
    void interruptingTheSyncCallerCancelsTheCall() throws Exception {
        try (RawServer server = RawServer.start(Faults.neverAnswers());
                RestfaultClient slow = RestfaultClient.builder().httpClient(http).retryPolicy(RetryPolicy.never())
                        .requestTimeout(Duration.ofSeconds(20)).build()) {
            Thread caller = Thread.currentThread();
            Thread interrupter = new Thread(() -> {
                try {
                    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                    while (server.accepted.get() == 0 && System.nanoTime() < end) {
                        Thread.sleep(10);
                    }
                    Thread.sleep(50);
                } catch (InterruptedException ignored) {
                    return;
                }
                caller.interrupt();
            });
            interrupter.start();
            CallInterruptedException e = catchThrowableOfType(CallInterruptedException.class,
                    () -> slow.send(get(server.uri("/slow"))));
            assertThat(Thread.interrupted()).isTrue(); // flag restored (and cleared here)
            assertThat(e.getCause()).isInstanceOf(InterruptedException.class);
            interrupter.join(5000);
            assertThat(server.awaitAllClosed(5000)).as("cancel closed the connection").isTrue();
        }
    }
}
