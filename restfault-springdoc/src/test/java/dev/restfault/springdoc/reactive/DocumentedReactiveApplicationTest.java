package dev.restfault.springdoc.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Spring WebFlux application on Reactor Netty with reactive Spring Security: its document,
 * built by springdoc's WebFlux starter and restfault-springdoc, parses cleanly and documents 401
 * and 403 exactly where the security web filter chain and method security refuse.
 */
class DocumentedReactiveApplicationTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static ConfigurableApplicationContext context;
    private static URI base;
    private static String documentJson;
    private static JsonNode document;

    @BeforeAll
    static void start() throws Exception {
        context = new SpringApplicationBuilder(DocumentedReactiveApplication.class).web(WebApplicationType.REACTIVE)
                .run("--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
                        "--restfault.source=orders", "--restfault.formats[/partner]=partner-api",
                        "--restfault.challenge.cid=4ee9b3c8-0ea9-4b3b-a1f3-8a9ce1f3ad2c", "--logging.level.root=WARN");
        base = URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort());
        documentJson = HTTP.send(HttpRequest.newBuilder(base.resolve("/v3/api-docs")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        document = JsonMapper.shared().readTree(documentJson);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void itRunsOnReactorNetty() {
        assertThat(((WebServerApplicationContext) context).getWebServer().getClass().getName()).contains("Netty");
    }

    @Test
    void theDocumentParsesCleanly() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        var result = new OpenAPIV3Parser().readContents(documentJson, null, options);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getComponents().getSchemas()).containsKeys("PartnerCenterError", "PartnerApiError", "ProblemDetails");
    }

    @Test
    void securityIsDocumentedWhereTheWebFilterChainAndMethodSecurityRefuse() {
        assertThat(statuses("/open/ping", "get")).doesNotContain("401", "403").contains("500");
        assertThat(statuses("/orders/{id}", "get")).contains("401", "404").doesNotContain("403", "400", "415");
        assertThat(statuses("/orders", "post")).contains("400", "401", "403", "409");
        assertThat(statuses("/orders/{id}/audit", "get")).contains("401", "403");
    }

    /** Mono and Flux are read as what they carry: a Mono<Void> answers no body, so no 406. */
    @Test
    void reactiveTypesAreReadAsWhatTheyCarry() {
        assertThat(statuses("/orders/{id}", "get")).contains("406");
        assertThat(statuses("/orders/{id}", "delete")).doesNotContain("406");
        assertThat(statuses("/orders", "get")).contains("400", "406");
        assertThat(statuses("/orders", "post")).contains("400", "406", "415");
    }

    /** WebFlux routes every method to a mapping without a method condition: no 405 there, one elsewhere. */
    @Test
    void a405IsDocumentedWhereWebFluxAnswersIt() {
        assertThat(statuses("/open/echo", "get")).doesNotContain("405");
        assertThat(statuses("/open/ping", "get")).contains("405");
    }

    private static List<String> statuses(String path, String method) {
        List<String> out = new ArrayList<>();
        document.path("paths").path(path).path(method).path("responses").propertyNames().forEach(out::add);
        assertThat(out).as("%s %s is documented", method, path).isNotEmpty();
        return out;
    }

    static HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
