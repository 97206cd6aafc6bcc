package dev.restfault.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.restfault.client.ClientContract;
import dev.restfault.client.ConnectFailedException;
import dev.restfault.client.ConnectionResetException;
import dev.restfault.client.ContractErrorException;
import dev.restfault.client.ErrorDecoder;
import dev.restfault.client.TransportTimeoutException;
import dev.restfault.client.retry.RetryDecision;
import dev.restfault.client.retry.RetryPolicy;
import dev.restfault.client.retry.StopReason;
import dev.restfault.client.testing.ErrorShapes;
import dev.restfault.client.testing.ErrorShapes.Shape;
import dev.restfault.client.testing.Faults;
import dev.restfault.client.testing.RawServer;
import dev.restfault.client.testing.RecordingListener;
import dev.restfault.client.testing.StubServer;
import dev.restfault.client.testing.StubServer.Received;
import dev.restfault.client.testing.StubServer.Reply;
import dev.restfault.client.retry.Backoff;
import dev.restfault.client.retry.DefaultRetryPolicy;
import dev.restfault.client.retry.RetryBudget;
import dev.restfault.client.retry.RetryOptions;
import dev.restfault.core.http.RequestIds;
import dev.restfault.json.ErrorBodyException.Reason;
import feign.Feign;
import feign.FeignException;
import feign.Retryer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OpenFeign (its default client, on HttpURLConnection) with restfault's decoder, retryer and
 * interceptors, through restfault-client's scenario matrix, retry scenarios and raw-socket
 * faults: the same exceptions and the same retries as {@code RestfaultClient}.
 */
@Timeout(60)
class FeignScenarioTest {

    private static final String JSON = "application/json; charset=utf-8";

    static RetryPolicy fast(int maxAttempts) {
        return DefaultRetryPolicy.create(RetryOptions.builder().maxAttempts(maxAttempts)
                .backoff(Backoff.exponential(Duration.ofMillis(5), Duration.ofMillis(20))).budget(RetryBudget.unlimited()).build());
    }

    private static Reply error(int status, String code) {
        return Reply.text(status, JSON, "{\"code\":\"" + code + "\",\"description\":\"failure " + code + "\"}");
    }

    static List<Shape> shapes() {
        return ErrorShapes.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void everyBodyShapeDecodesAsWithRestfaultClient(Shape shape) throws Exception {
        Map<String, Reply> replies = ErrorShapes.all().stream().collect(Collectors.toMap(s -> "/shape/" + s.name(), Shape::reply));
        try (StubServer server = StubServer.start(r -> replies.get(r.uri().getPath()))) {
            Feigns.Raw raw = Feigns.client(Feigns.Raw.class, server.uri(""), Feigns.contract(RetryPolicy.never()));
            ContractErrorException e = catchThrowableOfType(ContractErrorException.class,
                    () -> raw.get(server.uri("/shape/" + shape.name() + "?token=secret"), Map.of()));
            shape.assertDecoded(e);
            assertThat(e.getMessage()).doesNotContain("token=secret");
            assertThat(e.request().requestId()).contains(server.received().get(0).header("MS-RequestId"));
        }
    }

    @Test
    void tooManyRequestsWithRetryAfterIsRetriedOnceAndNotBefore() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (StubServer server = StubServer.start(r -> r.index() == 0 ? error(429, "throttled").with("Retry-After", "1")
                : Reply.text(200, JSON, "{\"ok\":true}"))) {
            Feigns.Orders orders = Feigns.client(Feigns.Orders.class, server.uri(""), Feigns.contract(fast(5), listener));
            assertThat(orders.create("{\"sku\":1}")).isEqualTo("{\"ok\":true}");
            List<Received> received = server.received();
            assertThat(received).hasSize(2);
            assertThat(received.get(1).nanoTime() - received.get(0).nanoTime()).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
            assertThat(new String(received.get(1).body())).isEqualTo("{\"sku\":1}");
            assertThat(received.get(1).header("MS-RequestId")).isEqualTo(received.get(0).header("MS-RequestId"));
            assertThat(listener.kinds()).containsExactly("attempt", "failure", "attempt", "success");
            assertThat(listener.decisions()).containsExactly(RetryDecision.retryAfter(Duration.ofSeconds(1)));
        }
    }

    /**
     * OpenFeign issue 405: a custom decoder loses Retry-After. This one carries it to any Retryer
     * (Feign's own caps the wait at its maximum period, 5 s here).
     */
    @Test
    void feignsOwnRetryerWaitsForTheRetryAfterTheDecoderRead() throws Exception {
        try (StubServer server = StubServer.start(r -> r.index() == 0
                ? Reply.text(429, JSON, "{\"statusCode\":429,\"message\":\"Slow down\"}").with("retry-after-ms", "1200")
                : Reply.text(200, JSON, "{\"id\":1}"))) {
            FeignContract restfault = FeignContract.of(Feigns.contract(fast(3)));
            Feigns.Orders orders = Feign.builder().errorDecoder(restfault.errorDecoder()).requestInterceptor(restfault.requestInterceptor())
                    .retryer(new Retryer.Default(1, 5000, 3)).target(Feigns.Orders.class, server.uri("").toString());
            assertThat(orders.get("1")).isEqualTo("{\"id\":1}");
            List<Received> received = server.received();
            assertThat(received.get(1).nanoTime() - received.get(0).nanoTime()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(1200));
        }
    }

    @Test
    void postIsNotRetriedAfterA503WithoutRetryAfterButIsWithTheCallersId() throws Exception {
        try (StubServer server = StubServer.start(r -> error(503, "maintenance"))) {
            Feigns.Orders orders = Feigns.client(Feigns.Orders.class, server.uri(""), Feigns.contract(fast(5)));
            ContractErrorException e = catchThrowableOfType(ContractErrorException.class, () -> orders.create("{}"));
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.retryStop()).contains(StopReason.NOT_RETRYABLE);
            assertThat(e.request().requestIdSuppliedByCaller()).isFalse();
            assertThat(server.received()).hasSize(1);
        }
        String id = RequestIds.generate();
        try (StubServer server = StubServer.start(r -> r.index() == 0 ? error(500, "failure") : Reply.text(201, JSON, "{}"))) {
            Feigns.Orders orders = Feigns.client(Feigns.Orders.class, server.uri(""), Feigns.contract(fast(3)));
            assertThat(orders.createOnce(id, "{}")).isEqualTo("{}");
            assertThat(server.received()).extracting(r -> r.header("MS-RequestId")).containsExactly(id, id);
        }
    }

    @Test
    void getIsRetriedUpToTheLimitWithTheSameIdsAndHeaders() throws Exception {
        try (StubServer server = StubServer.start(r -> error(500, "failure" + r.index()))) {
            ClientContract contract = ClientContract.builder().retryPolicy(fast(4)).locale(Locale.JAPAN).contractVersion("v1").build();
            Feigns.Orders orders = Feigns.client(Feigns.Orders.class, server.uri(""), contract);
            ContractErrorException e = catchThrowableOfType(ContractErrorException.class, () -> orders.get("1"));
            assertThat(server.received()).hasSize(4);
            assertThat(e.code()).isEqualTo("failure3");
            assertThat(e.attempt()).isEqualTo(4);
            assertThat(e.retryStop()).contains(StopReason.ATTEMPTS_EXHAUSTED);
            List<String> ids = server.received().stream().map(r -> r.header("MS-RequestId")).toList();
            assertThat(ids).allMatch(RequestIds::isValid).containsOnly(ids.get(0));
            assertThat(server.received()).allSatisfy(r -> {
                assertThat(r.header("X-Locale")).isEqualTo("ja-JP");
                assertThat(r.header("MS-Contract-Version")).isEqualTo("v1");
                // Set once, not appended again on each attempt.
                assertThat(r.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("MS-RequestId"))
                        .mapToInt(h -> h.getValue().size()).sum()).isEqualTo(1);
            });
            assertThat(e.requestId()).contains(ids.get(0));
            assertThat(e.uri()).isEqualTo(server.uri("/orders/1"));
        }
    }

    @Test
    void neverRetriedStatusesAndALongRetryAfterStopAtOnce() throws Exception {
        for (int status : new int[] {400, 401, 403, 404, 405, 406, 409, 412, 501}) {
            try (StubServer server = StubServer.start(r -> error(status, "no"))) {
                ContractErrorException e = catchThrowableOfType(ContractErrorException.class,
                        () -> Feigns.client(Feigns.Orders.class, server.uri(""), Feigns.contract(fast(5))).get("1"));
                assertThat(e.status()).isEqualTo(status);
                assertThat(e.retryStop()).contains(StopReason.NOT_RETRYABLE);
                assertThat(server.received()).hasSize(1);
            }
        }
        try (StubServer server = StubServer.start(r -> error(429, "throttled").with("Retry-After", "3600"))) {
            ContractErrorException e = catchThrowableOfType(ContractErrorException.class,
                    () -> Feigns.client(Feigns.Orders.class, server.uri(""), Feigns.contract(RetryPolicy.defaults())).get("1"));
            assertThat(e.retryStop()).contains(StopReason.RETRY_AFTER_TOO_LONG);
            assertThat(e.retryAfter()).contains(Duration.ofHours(1));
        }
    }

    @Test
    void transportFailuresAreTransportExceptionsRetriedByTheSameRules() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ConnectFailedException refused = catchThrowableOfType(ConnectFailedException.class,
                () -> Feigns.client(Feigns.Orders.class, URI.create("http://127.0.0.1:" + port), Feigns.contract(fast(3))).get("1"));
        assertThat(refused.attempt()).isEqualTo(3);
        assertThat(refused.retryStop()).contains(StopReason.ATTEMPTS_EXHAUSTED);

        try (RawServer server = RawServer.start(Faults.resetAfterRequest())) {
            ConnectionResetException reset = catchThrowableOfType(ConnectionResetException.class,
                    () -> Feigns.client(Feigns.Orders.class, server.uri(""), Feigns.contract(fast(3))).create("{}"));
            assertThat(reset.retryStop()).contains(StopReason.NOT_RETRYABLE);
            assertThat(server.accepted.get()).isEqualTo(1);
        }
        try (RawServer server = RawServer.start(Faults.neverAnswers())) {
            TransportTimeoutException silent = catchThrowableOfType(TransportTimeoutException.class,
                    () -> Feigns.client(Feigns.Orders.class, server.uri(""), Feigns.contract(RetryPolicy.never())).get("1"));
            assertThat(silent.phase()).isEqualTo(TransportTimeoutException.Phase.RESPONSE_HEADERS);
            assertThat(server.awaitAllClosed(10_000)).isTrue();
        }
    }

    @Test
    void brokenStalledAndHugeErrorBodies() throws Exception {
        ClientContract once = Feigns.contract(RetryPolicy.never());
        try (RawServer server = RawServer.start(Faults.errorBodyCutMidway(false))) {
            ContractErrorException e = catchThrowableOfType(ContractErrorException.class,
                    () -> Feigns.client(Feigns.Orders.class, server.uri(""), once).get("1"));
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
            assertThat(e.body().text()).isEqualTo(Faults.CUT_BODY);
            assertThat(e.body().truncated()).isTrue();
            assertThat(e.bodyFailure()).contains(Reason.TRUNCATED);
        }
        try (RawServer server = RawServer.start(Faults.errorHeadersThenStall())) {
            ContractErrorException e = catchThrowableOfType(ContractErrorException.class,
                    () -> Feigns.client(Feigns.Orders.class, server.uri(""), once).get("1"));
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
            assertThat(e.body().text()).isEqualTo(Faults.STALLED_BODY);
            assertThat(e.body().timedOut()).isTrue();
            // HttpURLConnection's keep-alive cleaner may hold the connection up to 5 s to drain it.
            assertThat(server.awaitAllClosed(10_000)).isTrue();
        }
        try (RawServer server = RawServer.start(Faults.tenMegabytesOfHtml())) {
            ContractErrorException e = catchThrowableOfType(ContractErrorException.class,
                    () -> Feigns.client(Feigns.Orders.class, server.uri(""), once).get("1"));
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.bodyFailure()).contains(Reason.NOT_JSON);
            assertThat(e.body().size()).isEqualTo(ErrorDecoder.DEFAULT_MAX_BODY_BYTES);
            assertThat(e.body().truncated()).isTrue();
            assertThat(server.awaitAllClosed(10_000)).isTrue();
        }
    }

    /**
     * Feign's default client inflates a gzip body itself but leaves the headers as they came: the
     * {@code Content-Length} counts the compressed bytes, far fewer than the stream hands over.
     */
    @Test
    void aGzipErrorBodyIsDecodedWhole() throws Exception {
        String json = "{\"code\":\"9999\",\"description\":\"" + "x".repeat(2000) + "\"}";
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(json.getBytes(StandardCharsets.US_ASCII));
        }
        byte[] body = compressed.toByteArray();
        RawServer.Behavior gzipped = (s, srv) -> {
            RawServer.readHead(s);
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n"
                    + "Content-Encoding: gzip\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        };
        try (RawServer server = RawServer.start(gzipped)) {
            ContractErrorException e = catchThrowableOfType(ContractErrorException.class,
                    () -> Feigns.client(Feigns.Orders.class, server.uri(""), Feigns.contract(RetryPolicy.never())).get("1"));
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.code()).isEqualTo("9999");
            assertThat(e.bodyFailure()).isEmpty();
            assertThat(e.body().text()).isEqualTo(json);
            assertThat(e.body().truncated()).isFalse();
        }
    }

    @Test
    void aCallerIdThatIsNotAGuidIsRejectedBeforeAnythingIsSent() throws Exception {
        try (StubServer server = StubServer.start(r -> Reply.of(200))) {
            Feigns.Orders orders = Feigns.client(Feigns.Orders.class, server.uri(""), Feigns.contract(RetryPolicy.never()));
            assertThatThrownBy(() -> orders.createOnce("not-a-guid", "{}"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("MS-RequestId must be a GUID in 8-4-4-4-12 form");
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void redirectsThatReachTheDecoderGoToFeignsDefault() throws Exception {
        try (StubServer server = StubServer.start(r -> Reply.of(304))) {
            Feigns.Orders orders = Feigns.client(Feigns.Orders.class, server.uri(""), Feigns.contract(RetryPolicy.never()));
            assertThatThrownBy(() -> orders.get("1")).isInstanceOf(FeignException.class);
        }
    }
}
