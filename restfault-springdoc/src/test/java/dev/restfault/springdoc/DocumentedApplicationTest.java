package dev.restfault.springdoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.restfault.springdoc.app.DocumentedApplication;
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
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real Spring MVC application on Tomcat with Spring Security: the document says 401 where the
 * filter chain refuses anonymous callers, 403 where it (or method security) refuses an
 * authenticated one, neither where everything is permitted; and the service's real answers are
 * the documented statuses, with bodies that validate against the documented schemas.
 */
class DocumentedApplicationTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static ConfigurableApplicationContext context;
    private static URI base;
    private static JsonNode document;

    @BeforeAll
    static void start() throws Exception {
        context = start("--restfault.openapi.enabled=true");
        base = URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort());
        document = JsonMapper.shared().readTree(send("GET", "/v3/api-docs", null, null).body());
    }

    static ConfigurableApplicationContext start(String... args) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
                "--restfault.source=orders", "--restfault.formats[/partner]=partner-api",
                "--restfault.challenge.cid=4ee9b3c8-0ea9-4b3b-a1f3-8a9ce1f3ad2c", "--logging.level.root=WARN"));
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(DocumentedApplication.class).run(all.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void theDocumentParsesCleanly() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        var result = new OpenAPIV3Parser().readContents(send("GET", "/v3/api-docs", null, null).body(), null, options);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getComponents().getSchemas()).containsKeys("PartnerCenterError", "PartnerApiError", "ProblemDetails");
    }

    @Test
    void securityIsDocumentedWhereTheFilterChainAndMethodSecurityRefuse() {
        assertThat(statuses("/open/ping", "get")).doesNotContain("401", "403").contains("500");
        assertThat(statuses("/orders/{id}", "get")).contains("401", "404").doesNotContain("403", "400", "415");
        assertThat(statuses("/orders", "post")).contains("400", "401", "403", "409", "415");
        assertThat(statuses("/orders/{id}/audit", "get")).contains("401", "403");
        assertThat(statuses("/legacy", "get")).containsExactly("200");
    }

    /** What the service really answers is documented, and its body is the documented schema's. */
    @Test
    void theRealAnswersAreTheDocumentedOnes() throws Exception {
        check("GET", "/orders/{id}", send("GET", "/orders/1", null, null), 401);
        check("GET", "/orders/{id}", send("GET", "/orders/2", "clerk", null), 404);
        check("POST", "/orders", send("POST", "/orders", "clerk", "{\"item\":\"x\"}"), 403);
        check("GET", "/orders/{id}/audit", send("GET", "/orders/1/audit", "clerk", null), 403);
        check("GET", "/partner/orders/{id}", send("GET", "/partner/orders/9", "clerk", null), 404);
        HttpResponse<String> unauthorized = send("GET", "/orders/1", null, null);
        assertThat(unauthorized.headers().allValues("WWW-Authenticate")).anyMatch(v -> v.startsWith("OAuth realm="));
    }

    @Test
    void theWholeThingCanBeTurnedOff() {
        try (ConfigurableApplicationContext off = start("--restfault.openapi.enabled=false")) {
            URI offBase = URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) off).getWebServer().getPort());
            JsonNode doc = JsonMapper.shared().readTree(HTTP.send(HttpRequest.newBuilder(offBase.resolve("/v3/api-docs")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(doc.path("components").path("schemas").has("PartnerCenterError")).isFalse();
            assertThat(doc.path("paths").path("/orders/{id}").path("get").path("responses").has("500")).isFalse();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aCommonStatusOutsideTheErrorsStopsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> start("--restfault.openapi.common-statuses=429,600"))
                .hasStackTraceContaining("restfault.openapi.common-statuses must be within 400..599, was 600");
    }

    private static void check(String method, String template, HttpResponse<String> r, int expected) {
        assertThat(r.statusCode()).as("%s %s: %s", method, template, r.body()).isEqualTo(expected);
        JsonNode response = document.path("paths").path(template).path(method.toLowerCase()).path("responses")
                .path(Integer.toString(expected));
        assertThat(response.isMissingNode()).as("%d documented for %s %s", expected, method, template).isFalse();
        String ref = response.path("$ref").asString("");
        if (!ref.isEmpty()) {
            response = document.path("components").path("responses").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        String mediaType = r.headers().firstValue("Content-Type").orElseThrow().split(";")[0].trim();
        JsonNode schema = response.path("content").path(mediaType).path("schema");
        assertThat(schema.isMissingNode()).as("%s documented for %d", mediaType, expected).isFalse();
        ObjectNode wrapper = (ObjectNode) schema.deepCopy();
        wrapper.set("components", document.path("components"));
        assertThat(SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31()).getSchema(wrapper).validate(r.body(), InputFormat.JSON))
                .as("body %s", r.body()).isEmpty();
        for (var h : response.path("headers").properties()) {
            if (h.getValue().path("$ref").asString("").endsWith("/MS-RequestId") || h.getKey().equals("WWW-Authenticate")) {
                assertThat(r.headers().firstValue(h.getKey())).as(h.getKey()).isPresent();
            }
        }
    }

    private static List<String> statuses(String path, String method) {
        List<String> out = new ArrayList<>();
        document.path("paths").path(path).path(method).path("responses").propertyNames().forEach(out::add);
        assertThat(out).as("%s %s is documented", method, path).isNotEmpty();
        return out;
    }

    private static HttpResponse<String> send(String method, String path, String user, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + user + "-password").getBytes(StandardCharsets.UTF_8)));
        }
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
