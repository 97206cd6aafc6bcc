package dev.restfault.testkit.assertions;

import static dev.restfault.testkit.assertions.ContractAssertions.assertThat;
import static dev.restfault.testkit.assertions.ContractAssertions.assertThatResponse;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.testkit.LoopbackServers;
import dev.restfault.testkit.check.ObservedResponse;
import dev.restfault.testkit.check.ResponseHeaders;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The assertions on real {@code java.net.http} responses from loopback servers, and on plain triples. */
class ContractAssertionsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<byte[]> get(URI uri, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aConformantServersErrorsPass() throws Exception {
        try (LoopbackServers.Running server = LoopbackServers.conformant()) {
            assertThat(get(server.baseUrl().resolve("nope"))).isContractError(404).hasCode("notFound")
                    .hasDescriptionContaining("No resource exists");
            assertThat(get(server.baseUrl().resolve("orders"))).isContractError(401).hasCode("unauthorized");
            // The request's X-Locale is taken into account: Content-Language is then required, and present.
            assertThat(get(server.baseUrl().resolve("nope"), "X-Locale", "ja-JP", "MS-CorrelationId",
                    "11111111-2222-3333-4444-555555555555"))
                    .isContractError(404).hasContentLanguage("ja-JP");
        }
    }

    @Test
    void aBrokenServersErrorsFailWithTheViolationsListed() throws Exception {
        try (LoopbackServers.Running server = LoopbackServers.broken()) {
            HttpResponse<byte[]> html404 = get(server.baseUrl().resolve("nope"));
            assertThatThrownBy(() -> assertThat(html404).isContractError(404))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("content-type: text/html")
                    .hasMessageContaining("body-not-json")
                    .hasMessageContaining("nosniff");
            assertThat(html404).hasStatus(404).hasViolation("body-not-json");
            HttpResponse<byte[]> unauthorized = get(server.baseUrl());
            assertThatThrownBy(() -> assertThat(unauthorized).isContractError(401))
                    .hasMessageContaining("required-header: 401 without WWW-Authenticate");
            assertThatThrownBy(() -> assertThat(unauthorized).isContractError(404)).hasMessageContaining("status was 401");
            assertThatThrownBy(() -> assertThat(html404).hasCode("notFound")).hasMessageContaining("cannot be read");
        }
    }

    @Test
    void plainTriplesWork() {
        byte[] body = "{\"code\":\"notFound\",\"description\":\"gone\",\"source\":\"api\"}".getBytes(StandardCharsets.UTF_8);
        ResponseHeaders h = ResponseHeaders.of("Content-Type", "application/json; charset=utf-8", "Cache-Control", "no-store",
                "X-Content-Type-Options", "nosniff", "MS-CorrelationId", "11111111-2222-3333-4444-555555555555",
                "MS-RequestId", "11111111-2222-3333-4444-555555555556");
        assertThatResponse(404, h, body).isContractError(404).hasCode("notFound").hasDescriptionContaining("gone").conforms();
        assertThatThrownBy(() -> assertThatResponse(200, h, body).isContractError()).hasMessageContaining("status was 200");
        assertThatThrownBy(() -> assertThatResponse(404, h, body).hasCode("other")).hasMessageContaining("Expecting error code other");
        assertThatThrownBy(() -> assertThatResponse(404, h, body).hasViolation("leak-sql")).hasMessageContaining("found: none");
        assertThatThrownBy(() -> assertThat((ObservedResponse) null).isContractError()).hasMessageContaining("null");
        assertThatThrownBy(() -> assertThatResponse(99, h, body)).isInstanceOf(IllegalArgumentException.class);
    }
}
