package dev.restfault.spring.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.restfault.client.ClientContract;
import dev.restfault.client.ConnectionResetException;
import dev.restfault.client.ContractErrorException;
import dev.restfault.client.ErrorDecoder;
import dev.restfault.client.TransportTimeoutException;
import dev.restfault.client.retry.RetryPolicy;
import dev.restfault.client.retry.StopReason;
import dev.restfault.client.testing.Faults;
import dev.restfault.client.testing.RawServer;
import dev.restfault.json.ErrorBodyException.Reason;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * restfault-client's raw-socket faults through each Spring client: a body cut mid-way, a body
 * that stalls, ten megabytes of HTML, a server that never answers, a reset. Each ends in the
 * same exception as with {@code RestfaultClient}, within the configured time, and the client
 * closes the connection (the server sees it closed).
 */
@Timeout(60)
class FaultTest {

    private static final ClientContract NO_RETRY = Transports.contract(RetryPolicy.never());
    /**
     * How long the server waits to see its connection closed. HttpURLConnection (the SIMPLE
     * factory) hands a connection whose unread rest is small to the JDK's keep-alive cleaner,
     * which tries for up to 5 s to drain it before closing it; the others close at once.
     */
    private static final int CLOSE_WAIT_MILLIS = 10_000;

    /** A Spring client, on the transports applications use. */
    enum Client {
        REST_CLIENT_JDK, REST_CLIENT_SIMPLE, REST_TEMPLATE_JDK, WEB_CLIENT_NETTY;

        /** Whether the transport is the JDK's {@code java.net.http.HttpClient}. */
        boolean onJavaNetHttp() {
            return this == REST_CLIENT_JDK || this == REST_TEMPLATE_JDK;
        }

        /** A GET (or POST) of {@code uri}, returning the body as text. */
        String call(ClientContract contract, String method, URI uri) {
            switch (this) {
                case REST_CLIENT_JDK:
                case REST_CLIENT_SIMPLE:
                    return Transports.restClient(this == REST_CLIENT_JDK ? Transports.Factory.JDK : Transports.Factory.SIMPLE,
                            contract).method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri)
                            .retrieve().body(String.class);
                case REST_TEMPLATE_JDK:
                    return Transports.restTemplate(Transports.Factory.JDK, contract).exchange(uri,
                            org.springframework.http.HttpMethod.valueOf(method), null, String.class).getBody();
                default:
                    return Transports.webClient(contract).method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri)
                            .retrieve().bodyToMono(String.class).block(Duration.ofSeconds(20));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void anErrorBodyCutMidwayStillDecodesWithItsRetryAfter(Client client) throws Exception {
        for (boolean reset : new boolean[] {false, true}) {
            try (RawServer server = RawServer.start(Faults.errorBodyCutMidway(reset))) {
                Throwable thrown = catchThrowable(() -> client.call(NO_RETRY, "GET", server.uri("/cut")));
                if (reset && client.onJavaNetHttp() && thrown instanceof ConnectionResetException) {
                    // java.net.http fails the whole exchange when the reset overtakes its hand-over
                    // of the head (restfault-client's own FaultTest meets both orders): Spring's
                    // request factory then never gets a response, so no status is left to keep,
                    // and the typed transport failure is all there is to give.
                    assertThat(thrown).hasMessageContaining("GET http://127.0.0.1:");
                    assertThat(server.accepted.get()).isEqualTo(1);
                    continue;
                }
                assertThat(thrown).isInstanceOf(ContractErrorException.class);
                ContractErrorException e = (ContractErrorException) thrown;
                assertThat(e.status()).isEqualTo(429);
                assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
                assertThat(e.body().truncated()).isTrue();
                assertThat(e.body().timedOut()).isFalse();
                // A reset may discard what had arrived but was not read yet.
                assertThat(Faults.CUT_BODY).startsWith(e.body().text());
                if (!reset) {
                    assertThat(e.body().text()).isEqualTo(Faults.CUT_BODY);
                    assertThat(e.bodyFailure()).contains(Reason.TRUNCATED);
                }
                assertThat(server.accepted.get()).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void aStalledErrorBodyIsCutByTheErrorBodyTimeout(Client client) throws Exception {
        try (RawServer server = RawServer.start(Faults.errorHeadersThenStall())) {
            long start = System.nanoTime();
            ContractErrorException e = catchThrowableOfType(ContractErrorException.class,
                    () -> client.call(NO_RETRY, "GET", server.uri("/stall-error")));
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
            assertThat(e.body().truncated()).isTrue();
            assertThat(e.body().text()).isEqualTo(Faults.STALLED_BODY);
            assertThat(e.bodyFailure()).contains(Reason.TRUNCATED);
            // Cut by the error-body timeout, or by the transport's own read timeout if it came
            // first (both bound the body; the exception is the same but for this flag).
            assertThat(e.body().timedOut() || System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(400)).isTrue();
            assertThat(server.awaitAllClosed(CLOSE_WAIT_MILLIS)).as("client closed the connection").isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void tenMegabytesOfHtmlAreCutAtTheCap(Client client) throws Exception {
        try (RawServer server = RawServer.start(Faults.tenMegabytesOfHtml())) {
            ContractErrorException e = catchThrowableOfType(ContractErrorException.class,
                    () -> client.call(NO_RETRY, "GET", server.uri("/huge")));
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.bodyFailure()).contains(Reason.NOT_JSON);
            assertThat(e.body().size()).isEqualTo(ErrorDecoder.DEFAULT_MAX_BODY_BYTES);
            assertThat(e.body().truncated()).isTrue();
            assertThat(e.body().text()).startsWith("<html><body>aaaa");
            // No run of the body's a's: 13 of them, one more than the longest run a request id's hex
            // group can hold (the ids are in the message, and "3aaaabe3-…" is a valid one).
            assertThat(e.getMessage()).contains("body not understood").doesNotContain("<html>").doesNotContain("a".repeat(13));
            assertThat(server.awaitAllClosed(CLOSE_WAIT_MILLIS)).as("client closed the connection, not drained it").isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void aServerThatNeverAnswersTimesOutWaitingForTheHeaders(Client client) throws Exception {
        try (RawServer server = RawServer.start(Faults.neverAnswers())) {
            TransportTimeoutException e = catchThrowableOfType(TransportTimeoutException.class,
                    () -> client.call(NO_RETRY, "GET", server.uri("/silent")));
            assertThat(e.phase()).isEqualTo(TransportTimeoutException.Phase.RESPONSE_HEADERS);
            assertThat(e.retryStop()).contains(StopReason.ATTEMPTS_EXHAUSTED);
            assertThat(e.getCause()).isNotNull();
            assertThat(server.awaitAllClosed(CLOSE_WAIT_MILLIS)).as("client closed the connection").isTrue();
        }
    }

    /**
     * With a request body, HttpURLConnection (the SIMPLE factory) sends it in {@code execute()}
     * and reads the answer's head only when the status is asked for: a timeout there is still
     * the typed transport failure, retried for a PUT like any other.
     */
    @ParameterizedTest
    @EnumSource(Transports.Factory.class)
    void aPutWhoseAnswerNeverComesIsRetriedAsATransportTimeout(Transports.Factory factory) throws Exception {
        try (RawServer server = RawServer.start(Faults.neverAnswers())) {
            RestClient client = Transports.restClient(factory, Transports.contract(Transports.fastPolicy(3)));
            TransportTimeoutException e = catchThrowableOfType(TransportTimeoutException.class,
                    () -> client.put().uri(server.uri("/orders/1")).contentType(MediaType.APPLICATION_JSON).body("{}")
                            .retrieve().toBodilessEntity());
            assertThat(e.phase()).isEqualTo(TransportTimeoutException.Phase.RESPONSE_HEADERS);
            assertThat(e.retryStop()).contains(StopReason.ATTEMPTS_EXHAUSTED);
            assertThat(e.method()).isEqualTo("PUT");
            assertThat(server.accepted.get()).isEqualTo(3);
            assertThat(server.awaitAllClosed(CLOSE_WAIT_MILLIS)).as("client closed every connection").isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void aResetOnAPostIsNotRetried(Client client) throws Exception {
        try (RawServer server = RawServer.start(Faults.resetAfterRequest())) {
            ConnectionResetException e = catchThrowableOfType(ConnectionResetException.class,
                    () -> client.call(Transports.contract(Transports.fastPolicy(3)), "POST", server.uri("/reset")));
            assertThat(e.retryStop()).contains(StopReason.NOT_RETRYABLE);
            assertThat(e.method()).isEqualTo("POST");
            assertThat(server.accepted.get()).isEqualTo(1);
        }
    }

    /**
     * A success body is the framework's to read (message converters, codecs), outside the
     * interceptor and the filter: its stall is bounded by the transport's read timeout, and the
     * call fails within it with the framework's exception.
     */
    @ParameterizedTest
    @EnumSource(Client.class)
    void aStalledSuccessBodyEndsWithTheTransportsReadTimeout(Client client) throws Exception {
        try (RawServer server = RawServer.start(Faults.successHeadersThenStall())) {
            long start = System.nanoTime();
            Throwable t = catchThrowable(() -> client.call(NO_RETRY, "GET", server.uri("/stall")));
            assertThat(t).isNotNull();
            assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(10));
            if (client != Client.REST_CLIENT_SIMPLE) {
                assertThat(server.awaitAllClosed(CLOSE_WAIT_MILLIS)).as("client closed the connection").isTrue();
            }
            // HttpURLConnection gives a connection with up to 512 KiB unread to its keep-alive
            // cleaner thread, which keeps it while it tries to drain it: the JDK's choice, for a
            // body Spring reads; restfault's own reads (error bodies) close such connections.
        }
    }
}
