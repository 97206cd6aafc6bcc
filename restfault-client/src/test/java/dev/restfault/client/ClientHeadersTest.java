package dev.restfault.client;

import dev.restfault.client.testing.StubServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.client.testing.StubServer.Received;
import dev.restfault.client.testing.StubServer.Reply;
import dev.restfault.client.retry.RetryPolicy;
import dev.restfault.core.http.RequestIds;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The headers a client adds (docs/contract.md, sections Headers and Retry) and its builder's
 * validation, against a real server.
 */
class ClientHeadersTest {

    @Test
    void idsByDefaultNoLocaleNoContractVersion() throws Exception {
        try (StubServer server = StubServer.always(Reply.of(200)); RestfaultClient client = RestfaultClient.create()) {
            ClientResponse r = client.send(HttpRequest.newBuilder(server.uri("/a")).GET().build());
            Received got = server.received().get(0);
            assertThat(got.header("MS-RequestId")).matches(RequestIds::isValid);
            assertThat(got.header("MS-CorrelationId")).matches(RequestIds::isValid);
            assertThat(got.header("X-Locale")).isNull();
            assertThat(got.header("MS-Contract-Version")).isNull();
            assertThat(r.request().requestId()).contains(got.header("MS-RequestId"));
            assertThat(r.request().correlationId()).contains(got.header("MS-CorrelationId"));

            client.send(HttpRequest.newBuilder(server.uri("/a")).GET().build());
            assertThat(server.received().get(1).header("MS-CorrelationId")).isNotEqualTo(got.header("MS-CorrelationId"));
        }
    }

    @Test
    void configuredLocaleAndContractVersionUnlessTheRequestSetsThem() throws Exception {
        try (StubServer server = StubServer.always(Reply.of(200));
                RestfaultClient client = RestfaultClient.builder().locale(Locale.TAIWAN).contractVersion("v1").build()) {
            client.send(HttpRequest.newBuilder(server.uri("/a")).GET().build());
            assertThat(server.received().get(0).header("X-Locale")).isEqualTo("zh-TW");
            assertThat(server.received().get(0).header("MS-Contract-Version")).isEqualTo("v1");

            String rid = "0f8fad5b-d9cb-469f-a165-70867728950e";
            String cid = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
            client.send(HttpRequest.newBuilder(server.uri("/a")).header("X-Locale", "fr-FR").header("MS-Contract-Version", "v2")
                    .header("MS-RequestId", rid).header("MS-CorrelationId", cid).GET().build());
            Received second = server.received().get(1);
            assertThat(second.header("X-Locale")).isEqualTo("fr-FR");
            assertThat(second.header("MS-Contract-Version")).isEqualTo("v2");
            assertThat(second.header("MS-RequestId")).isEqualTo(rid);
            assertThat(second.header("MS-CorrelationId")).isEqualTo(cid);
            assertThat(second.headers().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase("MS-RequestId")).findFirst().orElseThrow().getValue()).hasSize(1);
        }
    }

    @Test
    void requestIdGenerationCanBeTurnedOff() throws Exception {
        try (StubServer server = StubServer.always(Reply.of(200));
                RestfaultClient client = RestfaultClient.builder().generateRequestIds(false).build()) {
            ClientResponse r = client.send(HttpRequest.newBuilder(server.uri("/a")).GET().build());
            assertThat(server.received().get(0).header("MS-RequestId")).isNull();
            assertThat(server.received().get(0).header("MS-CorrelationId")).matches(RequestIds::isValid);
            assertThat(r.request().requestId()).isEmpty();
        }
    }

    @Test
    void invalidCallerIdsAreRejectedBeforeAnythingIsSent() throws Exception {
        try (StubServer server = StubServer.always(Reply.of(200)); RestfaultClient client = RestfaultClient.create()) {
            assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(server.uri("/a")).header("MS-RequestId", "42").GET().build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MS-RequestId");
            assertThatThrownBy(() -> client.sendAsync(HttpRequest.newBuilder(server.uri("/a"))
                    .header("MS-CorrelationId", "not a guid").GET().build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MS-CorrelationId");
            assertThatThrownBy(() -> client.send(null)).isInstanceOf(NullPointerException.class);
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void builderAndLifecycleValidation() throws Exception {
        assertThatThrownBy(() -> RestfaultClient.builder().contractVersion("v1\r\nX-Evil: 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RestfaultClient.builder().contractVersion("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RestfaultClient.builder().contractVersion(" v1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RestfaultClient.builder().locale(Locale.ROOT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RestfaultClient.builder().requestTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RestfaultClient.builder().bodyTimeout(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RestfaultClient.builder().maxResponseBytes(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RestfaultClient.builder().httpClient(HttpClient.newHttpClient())
                .connectTimeout(Duration.ofSeconds(1)).build()).isInstanceOf(IllegalStateException.class);

        RestfaultClient client = RestfaultClient.builder().retryPolicy(RetryPolicy.never()).build();
        client.close();
        try (StubServer server = StubServer.always(Reply.of(200))) {
            assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(server.uri("/a")).GET().build()))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void successBodiesAreReturnedWithTheirCharset() throws Exception {
        byte[] latin1 = "caf\u00e9".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        try (StubServer server = StubServer.always(Reply.of(200, "text/plain; charset=ISO-8859-1", latin1));
                RestfaultClient client = RestfaultClient.create()) {
            ClientResponse r = client.send(HttpRequest.newBuilder(server.uri("/a")).GET().build());
            assertThat(r.bodyAsString()).isEqualTo("caf\u00e9");
            assertThat(r.bodyLength()).isEqualTo(4);
            assertThat(r.toString()).doesNotContain("caf");
        }
    }
}
