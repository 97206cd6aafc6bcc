package dev.restfault.spring.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.http.RequestIds;
import dev.restfault.spring.reactive.csrfapp.CsrfApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reactive Spring Security's CSRF protection, over real HTTP on Reactor Netty: a request without
 * the token is refused with the contract's 403, not with Security's plain-text one naming the
 * token. Security's CSRF filter does not refuse through the exception handling's access-denied
 * handler but through its own, which restfault sets as well.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReactiveCsrfTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConfigurableApplicationContext context;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private int port;

    @BeforeAll
    void start() {
        context = new SpringApplicationBuilder(CsrfApplication.class).properties(
                "spring.config.location=optional:classpath:/nothing-here.properties",
                "spring.main.banner-mode=off",
                "spring.application.name=notes-service",
                "server.port=0",
                "server.address=127.0.0.1").run();
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aPostWithoutTheCsrfTokenIsTheContracts403() throws Exception {
        String correlation = UUID.randomUUID().toString();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/notes"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("MS-CorrelationId", correlation)
                .header("X-Locale", "fr-FR")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hello\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Content-Language")).hasValue("fr-FR");
        assertThat(r.headers().firstValue("MS-CorrelationId")).hasValue(correlation);
        assertThat(RequestIds.isValid(r.headers().firstValue("MS-RequestId").orElse(null))).isTrue();
        assertThat(r.body().toLowerCase(Locale.ROOT)).doesNotContain("csrf", "token", "exception");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("code").asString()).isEqualTo("forbidden");
        assertThat(body.get("source").asString()).isEqualTo("notes-service");
        assertThat(body.get("description").asString()).isNotBlank();
    }

    /** CSRF protection refuses only what changes state: a GET is served. */
    @Test
    void aGetNeedsNoCsrfToken() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/notes"))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(RequestIds.isValid(r.headers().firstValue("MS-CorrelationId").orElse(null))).isTrue();
    }
}
