package dev.restfault.spring.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.restfault.client.ClientContract;
import dev.restfault.client.ConnectFailedException;
import dev.restfault.client.ContractErrorException;
import dev.restfault.client.retry.RetryDecision;
import dev.restfault.client.retry.RetryPolicy;
import dev.restfault.client.retry.StopReason;
import dev.restfault.client.testing.RecordingListener;
import dev.restfault.client.testing.StubServer;
import dev.restfault.client.testing.StubServer.Received;
import dev.restfault.client.testing.StubServer.Reply;
import dev.restfault.core.http.RequestIds;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The retry scenarios of restfault-client's RetryTest through each Spring client, against a real
 * {@code HttpServer}: the same policy, the same decisions.
 */
@Timeout(30)
class RetryTest {

    private static final String JSON = "application/json; charset=utf-8";
    /**
     * No scenario here waits on a slow server: a read timeout as short as the fault tests' would
     * only turn a loaded machine's late answer into a transport failure, and a GET into a retry.
     */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    /** One way to make a call; every client kind gives the same answers. */
    enum Kind {
        REST_CLIENT, REST_TEMPLATE, WEB_CLIENT;

        /** Sends {@code method uri} with {@code headers}; returns the status of a success. */
        int send(ClientContract contract, String method, URI uri, String body, String... headers) {
            switch (this) {
                case REST_CLIENT: {
                    var spec = Transports.restClient(Transports.Factory.JDK, contract, READ_TIMEOUT).method(
                            org.springframework.http.HttpMethod.valueOf(method)).uri(uri);
                    for (int i = 0; i < headers.length; i += 2) {
                        spec.header(headers[i], headers[i + 1]);
                    }
                    if (body != null) {
                        spec.body(body);
                    }
                    return spec.retrieve().toBodilessEntity().getStatusCode().value();
                }
                case REST_TEMPLATE: {
                    org.springframework.http.HttpHeaders h = new org.springframework.http.HttpHeaders();
                    for (int i = 0; i < headers.length; i += 2) {
                        h.add(headers[i], headers[i + 1]);
                    }
                    return Transports.restTemplate(Transports.Factory.JDK, contract, READ_TIMEOUT).exchange(uri,
                            org.springframework.http.HttpMethod.valueOf(method),
                            new org.springframework.http.HttpEntity<>(body, h), String.class).getStatusCode().value();
                }
                default: {
                    var spec = Transports.webClient(contract, READ_TIMEOUT, Function.identity())
                            .method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri);
                    for (int i = 0; i < headers.length; i += 2) {
                        spec.header(headers[i], headers[i + 1]);
                    }
                    if (body != null) {
                        spec.bodyValue(body);
                    }
                    return spec.retrieve().toBodilessEntity().block(Duration.ofSeconds(20)).getStatusCode().value();
                }
            }
        }
    }

    private static Reply error(int status, String code) {
        return Reply.text(status, JSON, "{\"code\":\"" + code + "\",\"description\":\"failure " + code + "\"}");
    }

    private static StubServer server(Function<Received, Reply> script) throws Exception {
        return StubServer.start(script);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void tooManyRequestsWithRetryAfterIsRetriedOnceAndNotBefore(Kind kind) throws Exception {
        RecordingListener listener = new RecordingListener();
        try (StubServer server = server(r -> r.index() == 0 ? error(429, "throttled").with("Retry-After", "1")
                : Reply.text(200, JSON, "{\"ok\":true}"))) {
            long start = System.nanoTime();
            int status = kind.send(Transports.contract(Transports.fastPolicy(5), listener), "POST", server.uri("/orders"),
                    "{\"sku\":1}", "Content-Type", "application/json");
            assertThat(status).isEqualTo(200);
            List<Received> received = server.received();
            assertThat(received).hasSize(2);
            // Lower bounds only: the second request came no earlier than one second after the first.
            assertThat(received.get(1).nanoTime() - received.get(0).nanoTime()).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
            assertThat(new String(received.get(1).body())).isEqualTo("{\"sku\":1}"); // body sent again
            assertThat(received.get(1).header("MS-RequestId")).isEqualTo(received.get(0).header("MS-RequestId"));
            assertThat(listener.kinds()).containsExactly("attempt", "failure", "attempt", "success");
            assertThat(listener.decisions()).containsExactly(RetryDecision.retryAfter(Duration.ofSeconds(1)));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void postIsNotRetriedAfterA503WithoutRetryAfter(Kind kind) throws Exception {
        try (StubServer server = server(r -> error(503, "maintenance"))) {
            ContractErrorException e = catchThrowableOfType(ContractErrorException.class, () -> kind.send(
                    Transports.contract(Transports.fastPolicy(5)), "POST", server.uri("/orders"), "{}",
                    "Content-Type", "application/json"));
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.retryStop()).contains(StopReason.NOT_RETRYABLE);
            assertThat(e.attempt()).isEqualTo(1);
            assertThat(e.request().requestIdSuppliedByCaller()).isFalse();
            assertThat(server.received()).hasSize(1);
            assertThat(RequestIds.isValid(server.received().get(0).header("MS-RequestId"))).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void postIsRetriedWithTheSameIdWhenTheCallerSetIt(Kind kind) throws Exception {
        String id = RequestIds.generate();
        try (StubServer server = server(r -> r.index() == 0 ? error(500, "failure") : Reply.of(201))) {
            int status = kind.send(Transports.contract(Transports.fastPolicy(3)), "POST", server.uri("/orders"), "{}",
                    "Content-Type", "application/json", "MS-RequestId", id);
            assertThat(status).isEqualTo(201);
            assertThat(server.received()).extracting(r -> r.header("MS-RequestId")).containsExactly(id, id);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void getIsRetriedUpToTheLimitWithTheSameIdsAndTheLastErrorSurfaces(Kind kind) throws Exception {
        try (StubServer server = server(r -> error(500, "failure" + r.index()))) {
            ClientContract contract = ClientContract.builder().retryPolicy(Transports.fastPolicy(4))
                    .locale(Locale.JAPAN).contractVersion("v1").build();
            ContractErrorException e = catchThrowableOfType(ContractErrorException.class,
                    () -> kind.send(contract, "GET", server.uri("/orders/1"), null));
            assertThat(server.received()).hasSize(4);
            assertThat(e.code()).isEqualTo("failure3");
            assertThat(e.attempt()).isEqualTo(4);
            assertThat(e.retryStop()).contains(StopReason.ATTEMPTS_EXHAUSTED);
            List<String> requestIds = server.received().stream().map(r -> r.header("MS-RequestId")).toList();
            List<String> correlationIds = server.received().stream().map(r -> r.header("MS-CorrelationId")).toList();
            assertThat(requestIds).allMatch(RequestIds::isValid).containsOnly(requestIds.get(0));
            assertThat(correlationIds).allMatch(RequestIds::isValid).containsOnly(correlationIds.get(0));
            assertThat(server.received()).allSatisfy(r -> {
                assertThat(r.header("X-Locale")).isEqualTo("ja-JP");
                assertThat(r.header("MS-Contract-Version")).isEqualTo("v1");
            });
            assertThat(e.requestId()).contains(requestIds.get(0));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void neverRetriedStatusesStopAtOnce(Kind kind) throws Exception {
        for (int status : new int[] {400, 401, 403, 404, 405, 406, 409, 412, 501}) {
            try (StubServer server = server(r -> error(status, "no"))) {
                ContractErrorException e = catchThrowableOfType(ContractErrorException.class,
                        () -> kind.send(Transports.contract(Transports.fastPolicy(5)), "GET", server.uri("/x"), null));
                assertThat(e.status()).isEqualTo(status);
                assertThat(e.retryStop()).contains(StopReason.NOT_RETRYABLE);
                assertThat(server.received()).hasSize(1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRetryAfterLongerThanThePolicyWaitsStopsAtOnceCarryingIt(Kind kind) throws Exception {
        try (StubServer server = server(r -> error(429, "throttled").with("Retry-After", "3600"))) {
            ContractErrorException e = catchThrowableOfType(ContractErrorException.class,
                    () -> kind.send(Transports.contract(RetryPolicy.defaults()), "GET", server.uri("/x"), null));
            assertThat(e.retryStop()).contains(StopReason.RETRY_AFTER_TOO_LONG);
            assertThat(e.retryAfter()).contains(Duration.ofHours(1));
            assertThat(server.received()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void connectionRefusedIsATransportExceptionRetriedForGet(Kind kind) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        RecordingListener listener = new RecordingListener();
        ConnectFailedException e = catchThrowableOfType(ConnectFailedException.class, () -> kind.send(
                Transports.contract(Transports.fastPolicy(3), listener), "GET", URI.create("http://127.0.0.1:" + port + "/x"), null));
        assertThat(e.attempt()).isEqualTo(3);
        assertThat(e.retryStop()).contains(StopReason.ATTEMPTS_EXHAUSTED);
        assertThat(listener.events.stream().map(ev -> ev.request().requestId()).distinct()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aCallerIdThatIsNotAGuidIsRejectedBeforeAnythingIsSent(Kind kind) throws Exception {
        try (StubServer server = server(r -> Reply.of(200))) {
            assertThatThrownBy(() -> kind.send(Transports.contract(RetryPolicy.never()), "GET", server.uri("/x"), null,
                    "MS-RequestId", "not-a-guid"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("MS-RequestId must be a GUID in 8-4-4-4-12 form");
            assertThat(server.received()).isEmpty();
        }
    }
}
