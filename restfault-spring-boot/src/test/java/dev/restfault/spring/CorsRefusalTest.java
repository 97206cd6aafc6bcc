package dev.restfault.spring;

import static dev.restfault.spring.AbstractContractErrorsTest.assertContractError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.spring.AbstractContractErrorsTest.Reply;
import dev.restfault.spring.corsapp.CorsApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Spring Security's {@code cors()} refusing a cross-origin request, over real HTTP on Tomcat:
 * Spring's own refusal is a text 403 ("Invalid CORS request"); with restfault it is the
 * contract's 403, for a request and for a preflight, while an allowed origin is answered as
 * Spring answers it. (The handler mappings' refusal, for {@code @CrossOrigin}, is in the shared
 * matrix of {@link AbstractContractErrorsTest}.)
 */
class CorsRefusalTest {

    private static ConfigurableApplicationContext context;
    private static int port;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        context = AbstractContractErrorsTest.startOnTomcat(CorsApplication.class);
        port = AbstractContractErrorsTest.portOf(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private static Reply send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(r.statusCode(), r.headers(), r.body());
    }

    @Test
    void aRequestFromAnOriginNotAllowedIsTheContracts403() throws Exception {
        Reply r = send("GET", "/items", "Origin", "https://elsewhere.example", "X-Locale", "fr-FR");
        assertContractError(r, 403);
        assertThat(r.header("Content-Language")).isEqualTo("fr-FR");
        assertThat(r.text()).doesNotContain("Invalid CORS request");
        assertThat(r.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aPreflightFromAnOriginNotAllowedIsTheContracts403() throws Exception {
        Reply r = send("OPTIONS", "/items", "Origin", "https://elsewhere.example", "Access-Control-Request-Method", "GET");
        assertContractError(r, 403);
        assertThat(r.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aPreflightForAMethodNotAllowedIsTheContracts403() throws Exception {
        Reply r = send("OPTIONS", "/items", "Origin", CorsApplication.ALLOWED_ORIGIN, "Access-Control-Request-Method", "DELETE");
        assertContractError(r, 403);
    }

    @Test
    void anAllowedOriginIsAnsweredAsSpringAnswersIt() throws Exception {
        Reply r = send("GET", "/items", "Origin", CorsApplication.ALLOWED_ORIGIN);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(CorsApplication.ALLOWED_ORIGIN);
        Reply preflight = send("OPTIONS", "/items", "Origin", CorsApplication.ALLOWED_ORIGIN, "Access-Control-Request-Method", "GET");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(CorsApplication.ALLOWED_ORIGIN);
    }
}
