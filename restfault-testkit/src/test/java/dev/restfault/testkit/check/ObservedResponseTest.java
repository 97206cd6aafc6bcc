package dev.restfault.testkit.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ObservedResponse#of(HttpResponse)} over real HTTP: what it takes from the request that a
 * {@code java.net.http} response answers, the language asked for above all, read as a server
 * negotiates it.
 */
class ObservedResponseTest {

    private static final byte[] NOT_FOUND = "{\"code\":\"notFound\",\"description\":\"The resource does not exist.\",\"source\":\"s\"}"
            .getBytes(StandardCharsets.UTF_8);

    private static HttpServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", exchange -> {
            try (exchange) {
                // A 404 without Content-Language, whatever the request asked for.
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(404, NOT_FOUND.length);
                exchange.getResponseBody().write(NOT_FOUND);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void anXLocaleThatNamesNoLanguageLeavesTheChoiceToAcceptLanguage() throws Exception {
        ObservedResponse observed = fetch("X-Locale", "not a locale!", "Accept-Language", "fr-FR,en;q=0.5");
        assertThat(observed.requestedLocale()).contains(Locale.FRANCE);
        // So the checker sees that a language was asked for and none was labelled.
        assertThat(ContractChecker.standard().check(observed)).extracting(Violation::rule).contains(Rule.CONTENT_LANGUAGE);

        assertThat(fetch("X-Locale", "*", "Accept-Language", "ja-JP").requestedLocale()).contains(Locale.JAPAN);
    }

    @Test
    void aUsableXLocaleWinsOverAcceptLanguage() throws Exception {
        assertThat(fetch("X-Locale", "zh-TW", "Accept-Language", "fr-FR").requestedLocale()).contains(Locale.TAIWAN);
    }

    @Test
    void noUsableLanguageInEitherHeaderIsNoneAsked() throws Exception {
        ObservedResponse observed = fetch("X-Locale", "??", "Accept-Language", "*");
        assertThat(observed.requestedLocale()).isEqualTo(Optional.empty());
        assertThat(ContractChecker.standard().check(observed)).extracting(Violation::rule).doesNotContain(Rule.CONTENT_LANGUAGE);
    }

    private static ObservedResponse fetch(String... headers) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/items/0");
        HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(uri).headers(headers).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return ObservedResponse.of(response);
    }
}
