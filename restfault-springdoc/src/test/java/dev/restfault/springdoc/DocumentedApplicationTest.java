package dev.restfault.springdoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.i18n.SupportedLocales;
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
import java.util.Locale;
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
        for (String arg : args) {
            // A property given again replaces the default (the command line would join both with a comma).
            all.removeIf(a -> a.substring(0, a.indexOf('=')).equals(arg.substring(0, arg.indexOf('='))));
            all.add(arg);
        }
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

    /**
     * The documented examples are the service's real answers: body, Content-Language and every
     * documented header, for what restfault answers by itself (the security's 401, Spring MVC's 405
     * and 406, in both media types).
     */
    @Test
    void theExamplesAreWhatTheServiceReallyAnswers() throws Exception {
        // Problem details preferred, JSON acceptable: what a client asks to get them from an operation that produces JSON.
        for (String accept : List.of("application/json", "application/problem+json, application/json;q=0.5")) {
            same("GET", "/orders/{id}", "401", "unauthorized", send("GET", "/orders/1", null, null, null, accept));
            same("GET", "/orders/{id}", "405", "methodNotAllowed", send("DELETE", "/orders/1", "clerk", null, null, accept));
            same("POST", "/orders", "415", "unsupportedMediaType", send("POST", "/orders", "admin", "text/plain", "x", accept));
            same("POST", "/orders", "400", "badRequest", send("POST", "/orders", "admin", "application/json", "{", accept));
            same("GET", "/orders", "400", "badRequest", send("GET", "/orders", "clerk", null, null, accept));
        }
        same("GET", "/orders/{id}", "406", "notAcceptable", send("GET", "/orders/1", "clerk", null, null, "text/csv"));
    }

    /** Changing restfault's configuration changes the document: nothing of it is written in this module. */
    @Test
    void theDocumentFollowsTheRenderersConfiguration() {
        try (ConfigurableApplicationContext other = start("--restfault.problem-details=false", "--restfault.source=commandes",
                "--restfault.supported-locales=fr-FR,en-US", "--restfault.formats[/open]=partner-api",
                "--restfault.challenge.cid=0d3c8a5e-7a34-4d3e-9c0b-5f2f6f0e9a11")) {
            URI otherBase = URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) other).getWebServer().getPort());
            JsonNode doc = JsonMapper.shared().readTree(HTTP.send(HttpRequest.newBuilder(otherBase.resolve("/v3/api-docs")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            JsonNode notFound = response(doc, "/orders/{id}", "get", "404");
            assertThat(notFound.path("content").propertyNames()).containsExactly("application/json");
            JsonNode example = notFound.path("content").path("application/json").path("examples").path("notFound").path("value");
            assertThat(example.path("description").asString()).isEqualTo(StatusCatalog.entry(404).description(SupportedLocales.FR_FR));
            assertThat(example.path("source").asString()).isEqualTo("commandes");
            assertThat(notFound.path("headers").path("Content-Language").path("example").asString()).isEqualTo("fr-FR");
            // Under /open the Partner API format, whose messages are English whatever the locales.
            JsonNode internal = response(doc, "/open/ping", "get", "500");
            assertThat(internal.path("content").path("application/json").path("schema").path("$ref").asString())
                    .isEqualTo("#/components/schemas/PartnerApiError");
            assertThat(internal.path("content").path("application/json").path("examples").path("internalServerError")
                    .path("value").path("error").path("target").asString()).isEqualTo("commandes");
            assertThat(internal.path("headers").path("Content-Language").path("example").asString()).isEqualTo("en-US");
            assertThat(doc.path("components").path("headers").path("WWW-Authenticate").path("example").asString())
                    .isEqualTo("OAuth realm=\"urn:cpsvc:cpid:0d3c8a5e-7a34-4d3e-9c0b-5f2f6f0e9a11\"");
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
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

    /**
     * {@code r} is what the document's example {@code name} of {@code status} for the operation
     * says, in the media type {@code r} has: same JSON body, and every documented header sent, with
     * the documented value where one is given.
     */
    private static void same(String method, String template, String status, String name, HttpResponse<String> r) {
        assertThat(Integer.toString(r.statusCode())).as("%s %s: %s", method, template, r.body()).isEqualTo(status);
        JsonNode response = response(document, template, method.toLowerCase(Locale.ROOT), status);
        String mediaType = r.headers().firstValue("Content-Type").orElseThrow().split(";")[0].trim();
        JsonNode example = response.path("content").path(mediaType).path("examples").path(name).path("value");
        assertThat(example.isMissingNode()).as("example %s of %s %s %s in %s", name, status, method, template, mediaType).isFalse();
        assertThat(JsonMapper.shared().readTree(r.body())).as("%s %s %s in %s", status, method, template, mediaType).isEqualTo(example);
        for (var h : response.path("headers").properties()) {
            assertThat(r.headers().firstValue(h.getKey())).as("header %s of %s %s %s", h.getKey(), status, method, template).isPresent();
            JsonNode value = h.getValue().path("example");
            if (!value.isMissingNode()) {
                assertThat(r.headers().allValues(h.getKey())).as("header %s", h.getKey()).contains(value.asString());
            }
        }
    }

    private static JsonNode response(JsonNode doc, String template, String method, String status) {
        JsonNode response = doc.path("paths").path(template).path(method).path("responses").path(status);
        String ref = response.path("$ref").asString("");
        return ref.isEmpty() ? response : doc.path("components").path("responses").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static List<String> statuses(String path, String method) {
        List<String> out = new ArrayList<>();
        document.path("paths").path(path).path(method).path("responses").propertyNames().forEach(out::add);
        assertThat(out).as("%s %s is documented", method, path).isNotEmpty();
        return out;
    }

    private static HttpResponse<String> send(String method, String path, String user, String json)
            throws IOException, InterruptedException {
        return send(method, path, user, json == null ? null : "application/json", json, null);
    }

    private static HttpResponse<String> send(String method, String path, String user, String contentType, String body,
            String accept) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + user + "-password").getBytes(StandardCharsets.UTF_8)));
        }
        if (body != null) {
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
