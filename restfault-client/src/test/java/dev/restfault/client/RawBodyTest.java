package dev.restfault.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The raw body's description in messages. Found by {@link ErrorDecoderFuzzTest}: a
 * {@code Content-Type} with C1 controls (Latin-1, so a "safe" header value) reached the
 * exception's one-line message through {@link RawBody#toString()}.
 */
class RawBodyTest {

    @Test
    void thePeersMediaTypeIsShownOnOneLineWithoutControlCharacters() {
        HttpHeaders headers = HttpHeaders.of(Map.of("Content-Type", List.of("\u0091u\u0091u\tx\u0085/html")),
                (n, v) -> true);
        ContractErrorException e = ErrorDecoder.standard().decode(466, headers, "not json".getBytes(UTF_8),
                RequestContext.of("GET", URI.create("https://api.example.com/v1")));

        assertThat(e.body().mediaType()).contains("\u0091u\u0091u\tx\u0085/html");
        assertThat(e.body().toString()).isEqualTo("RawBody{8 bytes, u u x /html}");
        assertThat(e.getMessage()).contains("RawBody{8 bytes, u u x /html}")
                .doesNotContainPattern("\\p{Cntrl}|[\\u0080-\\u009F]");
    }
}
