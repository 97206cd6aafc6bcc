package dev.restfault.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.client.retry.Backoff;
import dev.restfault.client.retry.DefaultRetryPolicy;
import dev.restfault.client.retry.RetryBudget;
import dev.restfault.client.retry.RetryContext;
import dev.restfault.client.retry.RetryDecision;
import dev.restfault.client.retry.RetryListener;
import dev.restfault.client.retry.RetryOptions;
import dev.restfault.client.retry.RetryPolicy;
import dev.restfault.client.retry.StopReason;
import dev.restfault.client.testing.ErrorFacts;
import dev.restfault.client.testing.ErrorShapes;
import dev.restfault.client.testing.ErrorShapes.Shape;
import dev.restfault.client.testing.RecordingListener;
import dev.restfault.core.http.RetryAfter;
import dev.restfault.json.ErrorBodyException.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The transport-neutral core the Spring and OpenFeign integrations are built on: decoding from
 * a header map and bytes or a stream, transport failures from any library's exceptions, the
 * call headers and the retry driver. Same outcomes as {@link RestfaultClient}'s own path.
 */
class NeutralDecodingTest {

    private static final RequestContext GET = RequestContext.of("GET", URI.create("https://api.example.com/v1/orders"));

    static List<Shape> shapes() {
        return ErrorShapes.all();
    }

    /** A header map the way Feign or Spring hold one: names in any case, values in collections. */
    private static Map<String, Collection<String>> headersOf(Shape shape) {
        Map<String, Collection<String>> h = new LinkedHashMap<>();
        shape.reply().headers().forEach((n, v) -> h.put(n.toLowerCase(Locale.ROOT), Set.of(v)));
        return h;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void everyShapeDecodesFromBytesAsFromTheClient(Shape shape) {
        ContractErrorException e = ErrorDecoder.standard().decode(shape.reply().status(), headersOf(shape),
                shape.reply().body(), false, false, GET);
        assertThat(ErrorFacts.of(e)).isEqualTo(shape.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void everyShapeDecodesFromAStreamAsFromTheClient(Shape shape) {
        ContractErrorException e = ErrorDecoder.standard().decode(shape.reply().status(), headersOf(shape),
                new ByteArrayInputStream(shape.reply().body()), Duration.ofSeconds(5), GET);
        assertThat(ErrorFacts.of(e)).isEqualTo(shape.expected());
    }

    @Test
    void headersAreCopiedAndServedAsJavaNetHttpHeaders() {
        Map<String, List<String>> h = new HashMap<>();
        h.put("Retry-After", new ArrayList<>(List.of("5")));
        h.put("retry-after-ms", List.of("2500"));
        h.put("ETag", new ArrayList<>(List.of("\"v7\"")));
        h.put(null, List.of("ignored"));
        h.put("X-Empty", List.of());
        ContractErrorException e = ErrorDecoder.standard().decode(429, h, null, false, false, GET);
        h.get("ETag").set(0, "changed afterwards");
        assertThat(e.retryAfter()).contains(Duration.ofMillis(2500)); // retry-after-ms wins, as on the client
        assertThat(e.headers().firstValue("etag")).contains("\"v7\"");
        assertThat(e.headers().allValues("RETRY-AFTER")).containsExactly("5");
        assertThat(e.headers().map()).doesNotContainKey("X-Empty");
        assertThat(e.bodyFailure()).contains(Reason.EMPTY);

        // Two spellings of one name (a map that is not case-insensitive) become one header.
        Map<String, List<String>> twice = new LinkedHashMap<>();
        twice.put("Warning", List.of("a"));
        twice.put("warning", List.of("b"));
        assertThat(ErrorDecoder.standard().decode(500, twice, null, false, false, GET).headers().allValues("Warning"))
                .containsExactly("a", "b");
        assertThat(ErrorDecoder.standard().decode(500, (Map<String, List<String>>) null, null, false, false, GET)
                .headers().map()).isEmpty();
    }

    @Test
    void bytesOverTheCapAreCutAndFlagsAreKept() {
        ErrorDecoder small = ErrorDecoder.create(dev.restfault.json.ErrorReader.standard(), 16);
        ContractErrorException e = small.decode(500, Map.of(), "x".repeat(100).getBytes(StandardCharsets.US_ASCII),
                false, false, GET);
        assertThat(e.body().size()).isEqualTo(16);
        assertThat(e.body().truncated()).isTrue();

        ContractErrorException timedOut = ErrorDecoder.standard().decode(503, Map.of(), "{\"co".getBytes(StandardCharsets.US_ASCII),
                false, true, GET);
        assertThat(timedOut.body().timedOut()).isTrue();
        assertThat(timedOut.body().truncated()).isTrue();

        assertThatThrownBy(() -> ErrorDecoder.standard().decode(200, Map.of(), new byte[0], false, false, GET))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ErrorDecoder.standard().decode(500, Map.of(), new byte[0], false, false, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aStreamIsReadUpToTheCapThenClosed() {
        ErrorDecoder small = ErrorDecoder.create(dev.restfault.json.ErrorReader.standard(), 1024);
        CountingStream endless = new CountingStream(null);
        ContractErrorException e = small.decode(502, Map.of("Content-Type", List.of("text/html")), endless,
                Duration.ofSeconds(5), GET);
        assertThat(e.body().size()).isEqualTo(1024);
        assertThat(e.body().truncated()).isTrue();
        assertThat(e.body().timedOut()).isFalse();
        assertThat(e.bodyFailure()).contains(Reason.NOT_JSON);
        assertThat(endless.read).isLessThanOrEqualTo(1025 + 8192);
        assertThat(endless.closed).isTrue();
    }

    @Test
    void aStreamThatBreaksKeepsWhatArrived() {
        InputStream broken = new InputStream() {
            private final InputStream first = new ByteArrayInputStream("{\"code\":\"tooManyReq".getBytes(StandardCharsets.US_ASCII));

            @Override
            public int read() throws IOException {
                int b = first.read();
                if (b < 0) {
                    throw new IOException("Connection reset");
                }
                return b;
            }
        };
        ContractErrorException e = ErrorDecoder.standard().decode(429, Map.of("Retry-After", List.of("5")), broken,
                Duration.ofSeconds(5), GET);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
        assertThat(e.body().text()).isEqualTo("{\"code\":\"tooManyReq");
        assertThat(e.body().truncated()).isTrue();
        assertThat(e.body().timedOut()).isFalse();
        assertThat(e.bodyFailure()).contains(Reason.TRUNCATED);
    }

    @Test
    @Timeout(10)
    void aStreamThatStallsIsClosedByTheTimer() {
        CountDownLatch never = new CountDownLatch(1);
        CountingStream stalled = new CountingStream(never);
        ContractErrorException e = ErrorDecoder.standard().decode(503, Map.of("Retry-After", List.of("3")), stalled,
                Duration.ofMillis(200), GET);
        assertThat(e.body().timedOut()).isTrue();
        assertThat(e.body().truncated()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(stalled.closed).isTrue();

        assertThatThrownBy(() -> ErrorDecoder.standard().decode(503, Map.of(), stalled, Duration.ZERO, GET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout must be positive");
        assertThat(ErrorDecoder.standard().decode(503, Map.of(), (InputStream) null, Duration.ofSeconds(1), GET).body().isEmpty())
                .isTrue();
    }

    /**
     * Feign's default client inflates a gzip body but keeps the compressed {@code Content-Length}:
     * the stream's length is not that one, longer or shorter.
     */
    @Test
    void anEncodedBodysContentLengthIsNotTheStreamsLength() throws IOException {
        String big = "{\"code\":\"9999\",\"description\":\"" + "x".repeat(2000) + "\"}";
        byte[] gz = gzip(big);
        ContractErrorException e = ErrorDecoder.standard().decode(500,
                Map.of("Content-Length", List.of(String.valueOf(gz.length)), "Content-Encoding", List.of("gzip")),
                new GZIPInputStream(new ByteArrayInputStream(gz)), Duration.ofSeconds(1), GET);
        assertThat(e.code()).isEqualTo("9999");
        assertThat(e.body().text()).isEqualTo(big);
        assertThat(e.body().truncated()).isFalse();
        assertThat(e.bodyFailure()).isEmpty();

        // The reverse: a small body that grows when gzipped ends before "its" length, uncut.
        String small = "{\"code\":\"1\",\"description\":\"d\"}";
        byte[] gzSmall = gzip(small);
        assertThat(gzSmall.length).isGreaterThan(small.length());
        ContractErrorException s = ErrorDecoder.standard().decode(500,
                Map.of("content-length", List.of(String.valueOf(gzSmall.length)), "content-encoding", List.of("GZIP")),
                new GZIPInputStream(new ByteArrayInputStream(gzSmall)), Duration.ofSeconds(1), GET);
        assertThat(s.code()).isEqualTo("1");
        assertThat(s.body().truncated()).isFalse();
        assertThat(s.bodyFailure()).isEmpty();

        // identity is no encoding: the length still stops the read.
        byte[] plain = big.getBytes(StandardCharsets.US_ASCII);
        ContractErrorException id = ErrorDecoder.standard().decode(500,
                Map.of("Content-Length", List.of("10"), "Content-Encoding", List.of("identity")),
                new java.io.BufferedInputStream(new ByteArrayInputStream(plain)), Duration.ofSeconds(1), GET);
        assertThat(id.body().size()).isEqualTo(10);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** Endless 'a's; with a latch, the first read blocks until the stream is closed. */
    private static final class CountingStream extends InputStream {
        private final CountDownLatch stall;
        volatile int read;
        volatile boolean closed;

        CountingStream(CountDownLatch stall) {
            this.stall = stall;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (stall != null) {
                while (!closed) {
                    try {
                        stall.await(10, java.util.concurrent.TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                }
                throw new IOException("Stream closed");
            }
            if (closed) {
                throw new IOException("Stream closed");
            }
            java.util.Arrays.fill(b, off, off + len, (byte) 'a');
            read += len;
            return len;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void transportFailuresOfAnyLibrary() {
        assertThat(TransportException.from(new ConnectException("Connection refused"), GET))
                .containsInstanceOf(ConnectFailedException.class);
        assertThat(TransportException.from(new RuntimeException("wrapped", new UnknownHostException("nowhere")), GET))
                .containsInstanceOf(ConnectFailedException.class);
        assertThat(TransportException.from(new SocketTimeoutException("Connect timed out"), GET)).get()
                .isInstanceOfSatisfying(TransportTimeoutException.class,
                        t -> assertThat(t.phase()).isEqualTo(TransportTimeoutException.Phase.CONNECT));
        assertThat(TransportException.from(new SocketTimeoutException("Read timed out"), GET)).get()
                .isInstanceOfSatisfying(TransportTimeoutException.class,
                        t -> assertThat(t.phase()).isEqualTo(TransportTimeoutException.Phase.RESPONSE_HEADERS));
        assertThat(TransportException.from(new IllegalStateException("x", new TimeoutException()), GET)).get()
                .isInstanceOf(TransportTimeoutException.class);
        // Another library's timeout, known by its class name only (Reactor Netty's ReadTimeoutException).
        class ReadTimeoutException extends RuntimeException {
            private static final long serialVersionUID = 1L;
        }
        assertThat(TransportException.from(new ReadTimeoutException(), GET)).get()
                .isInstanceOf(TransportTimeoutException.class);
        assertThat(TransportException.from(new SSLHandshakeException("bad certificate"), GET))
                .containsInstanceOf(TlsException.class);
        assertThat(TransportException.from(new IOException("Premature close"), GET)).get()
                .isInstanceOfSatisfying(ConnectionResetException.class,
                        r -> assertThat(r.getMessage()).contains("Premature close").contains("GET https://api.example.com/v1/orders"));
        assertThat(TransportException.from(new IllegalArgumentException("a bug"), GET)).isEmpty();
        assertThat(TransportException.from(null, GET)).isEmpty();
        ContractErrorException notTransport = ErrorDecoder.standard().decode(500, Map.of(), null, false, false, GET);
        assertThat(TransportException.from(notTransport, GET)).isEmpty();
        assertThatThrownBy(() -> TransportException.from(new IOException(), null)).isInstanceOf(NullPointerException.class);

        TransportTimeoutException body = TransportTimeoutException.of(TransportTimeoutException.Phase.RESPONSE_BODY,
                Duration.ofMillis(400), null, GET);
        assertThat(body.getMessage()).startsWith("timed out reading the response body (limit 400ms)");
        assertThatThrownBy(() -> TransportTimeoutException.of(TransportTimeoutException.Phase.CONNECT, Duration.ofSeconds(-1), null, GET))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void callHeadersGenerateValidateAndNeverOverwrite() {
        Map<String, String> sent = new LinkedHashMap<>();
        CallHeaders headers = CallHeaders.builder().locale(Locale.JAPAN).contractVersion("v1").build();
        RequestContext ctx = headers.apply("post", URI.create("https://h/x"), sent::get, sent::put);
        assertThat(sent).containsKeys("MS-RequestId", "MS-CorrelationId").containsEntry("X-Locale", "ja-JP")
                .containsEntry("MS-Contract-Version", "v1");
        assertThat(ctx.method()).isEqualTo("POST");
        assertThat(ctx.requestId()).contains(sent.get("MS-RequestId"));
        assertThat(ctx.requestIdSuppliedByCaller()).isFalse();

        Map<String, String> own = new LinkedHashMap<>(Map.of("MS-RequestId", "16fd2706-8baf-433b-82eb-8c7fada847da",
                "X-Locale", "fr-FR"));
        RequestContext caller = headers.apply("POST", URI.create("https://h/x"), own::get, own::put);
        assertThat(caller.requestIdSuppliedByCaller()).isTrue();
        assertThat(own).containsEntry("X-Locale", "fr-FR");

        Map<String, String> bad = new LinkedHashMap<>(Map.of("MS-CorrelationId", "not-a-guid\r\nX: y"));
        assertThatThrownBy(() -> headers.apply("GET", URI.create("https://h/x"), bad::get, bad::put))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("MS-CorrelationId must be a GUID in 8-4-4-4-12 form");
        assertThat(bad).hasSize(1); // nothing set

        Map<String, String> none = new LinkedHashMap<>();
        CallHeaders.builder().generateRequestIds(false).build().apply("GET", URI.create("https://h/x"), none::get, none::put);
        assertThat(none).containsOnlyKeys("MS-CorrelationId");
        assertThatThrownBy(() -> CallHeaders.builder().contractVersion("v1\r\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallHeaders.builder().locale(Locale.ROOT)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Whatever Duration a policy returns, every transport gets a decision it can wait out. */
    @Test
    void retryingCallHoldsAnyDecisionToTheCallsBounds() {
        Duration tooLong = Duration.ofSeconds(Long.MAX_VALUE);
        RetryPolicy eternal = new RetryPolicy() {
            @Override
            public RetryDecision onFailure(RetryContext context) {
                return RetryDecision.retryAfter(tooLong);
            }

            @Override
            public Optional<Duration> deadline() {
                return Optional.of(tooLong); // too long to count in nanoseconds: as good as none
            }
        };
        RetryingCall call = RetryingCall.start(eternal, RetryListener.NONE, GET);
        assertThat(call.bounded(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        ContractErrorException first = ErrorDecoder.standard().decode(503, Map.of(), null, false, false, call.context());
        assertThat(call.failed(first, Duration.ZERO)).isEqualTo(RetryDecision.retryAfter(RetryAfter.MAX_DELAY));
        assertThat(first.retryStop()).isEmpty();

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> call.awaitDelay(RetryDecision.retryAfter(tooLong))).isInstanceOf(CallInterruptedException.class);
        assertThat(Thread.interrupted()).isTrue();

        // With a deadline, a wait that would end after it is not made.
        RetryPolicy patient = new RetryPolicy() {
            @Override
            public RetryDecision onFailure(RetryContext context) {
                return RetryDecision.retryAfter(Duration.ofSeconds(2));
            }

            @Override
            public Optional<Duration> deadline() {
                return Optional.of(Duration.ofSeconds(1));
            }
        };
        RetryingCall bounded = RetryingCall.start(patient, RetryListener.NONE, GET);
        ContractErrorException e = ErrorDecoder.standard().decode(503, Map.of(), null, false, false, bounded.context());
        assertThat(bounded.failed(e, Duration.ZERO)).isEqualTo(RetryDecision.stop(StopReason.DEADLINE_EXCEEDED));
        assertThat(e.retryStop()).contains(StopReason.DEADLINE_EXCEEDED);
        assertThat(bounded.context().attempt()).isEqualTo(1);
    }

    @Test
    void retryingCallAppliesThePolicyAndMovesToTheNextAttempt() {
        RecordingListener listener = new RecordingListener();
        RetryPolicy policy = DefaultRetryPolicy.create(RetryOptions.builder().maxAttempts(2)
                .backoff(Backoff.exponential(Duration.ofMillis(1), Duration.ofMillis(2))).budget(RetryBudget.unlimited()).build());
        RetryingCall call = RetryingCall.start(policy, listener, GET.withGeneratedRequestId("16fd2706-8baf-433b-82eb-8c7fada847da"));
        call.attemptStarting();
        ContractErrorException first = ErrorDecoder.standard().decode(500, Map.of(), null, false, false, call.context());
        RetryDecision d1 = call.failed(first, Duration.ofMillis(3));
        assertThat(d1.shouldRetry()).isTrue();
        assertThat(call.context().attempt()).isEqualTo(2);
        assertThat(call.context().requestId()).isEqualTo(GET.withGeneratedRequestId("16fd2706-8baf-433b-82eb-8c7fada847da").requestId());
        call.awaitDelay(d1);
        call.attemptStarting();
        ContractErrorException second = ErrorDecoder.standard().decode(500, Map.of(), null, false, false, call.context());
        RetryDecision d2 = call.failed(second, Duration.ofMillis(3));
        assertThat(d2.stopReason()).contains(StopReason.ATTEMPTS_EXHAUSTED);
        assertThat(second.retryStop()).contains(StopReason.ATTEMPTS_EXHAUSTED);
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(listener.kinds()).containsExactly("attempt", "failure", "attempt", "failure");

        // A POST with a generated id is not retried after a 500; the stop is recorded.
        RetryingCall post = RetryingCall.start(policy, listener, RequestContext.of("POST", URI.create("https://h/x")));
        ContractErrorException e = ErrorDecoder.standard().decode(500, Map.of(), null, false, false, post.context());
        assertThat(post.failed(e, Duration.ZERO).stopReason()).contains(StopReason.NOT_RETRYABLE);
        assertThat(e.retryStop()).contains(StopReason.NOT_RETRYABLE);

        assertThat(call.bounded(Duration.ofDays(1))).isLessThanOrEqualTo(Duration.ofSeconds(60));
        assertThatThrownBy(() -> RetryingCall.start(null, listener, GET)).isInstanceOf(NullPointerException.class);

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> call.awaitDelay(RetryDecision.retryAfter(Duration.ofSeconds(5))))
                .isInstanceOf(CallInterruptedException.class);
        assertThat(Thread.interrupted()).isTrue();
    }
}
