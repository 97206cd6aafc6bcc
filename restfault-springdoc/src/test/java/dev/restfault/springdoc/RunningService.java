package dev.restfault.springdoc;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
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
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A documented application running on a loopback port, as its tests see it over real sockets: its
 * OpenAPI document, requests with Basic credentials ({@code user:user-password}), and the checks
 * that a real answer is what the document says, whichever web stack answered it.
 */
public final class RunningService {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String documentJson;
    private final JsonNode document;

    private RunningService(URI base, String documentJson) {
        this.base = base;
        this.documentJson = documentJson;
        this.document = JsonMapper.shared().readTree(documentJson);
    }

    /** The service of {@code context}, with the document it serves at {@code /v3/api-docs}. */
    public static RunningService of(ConfigurableApplicationContext context) {
        URI base = URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort());
        try {
            HttpResponse<String> doc = HTTP.send(HttpRequest.newBuilder(base.resolve("/v3/api-docs")).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(doc.statusCode()).as("GET /v3/api-docs: %s", doc.body()).isEqualTo(200);
            return new RunningService(base, doc.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The document as served. */
    public String documentJson() {
        return documentJson;
    }

    /** The document, parsed. */
    public JsonNode document() {
        return document;
    }

    /** The document as swagger-parser reads it, references resolved; fails on any message it has (error or warning). */
    public OpenAPI parsedCleanly() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(documentJson, null, options);
        assertThat(result.getMessages()).as("swagger-parser's messages").isEmpty();
        return result.getOpenAPI();
    }

    /** The statuses the document lists for {@code method path}, in its order; fails when the operation is not there. */
    public List<String> statuses(String path, String method) {
        List<String> out = new ArrayList<>();
        document.path("paths").path(path).path(method).path("responses").propertyNames().forEach(out::add);
        assertThat(out).as("%s %s is documented", method, path).isNotEmpty();
        return out;
    }

    /** {@code method path} with a user's Basic credentials (none when null) and a JSON body (none when null). */
    public HttpResponse<String> send(String method, String path, String user, String json) throws IOException, InterruptedException {
        return send(method, path, user, json == null ? null : "application/json", json, null);
    }

    /**
     * {@code method path} with a user's Basic credentials, a body of {@code contentType} and an
     * {@code Accept}; each null when not sent.
     */
    public HttpResponse<String> send(String method, String path, String user, String contentType, String body, String accept)
            throws IOException, InterruptedException {
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

    /**
     * {@code r} has the {@code expected} status, which the document lists for the operation, with a
     * body valid against the schema documented for its media type and the request id and challenge
     * the document says it carries.
     */
    public void check(String method, String template, HttpResponse<String> r, int expected) {
        assertThat(r.statusCode()).as("%s %s: %s", method, template, r.body()).isEqualTo(expected);
        JsonNode response = response(document, template, method.toLowerCase(Locale.ROOT), Integer.toString(expected));
        assertThat(response.isMissingNode()).as("%d documented for %s %s", expected, method, template).isFalse();
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
    public void same(String method, String template, String status, String name, HttpResponse<String> r) {
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

    /** The response {@code status} of {@code method template} in {@code doc}, its reference followed; missing when undocumented. */
    public static JsonNode response(JsonNode doc, String template, String method, String status) {
        JsonNode response = doc.path("paths").path(template).path(method).path("responses").path(status);
        String ref = response.path("$ref").asString("");
        return ref.isEmpty() ? response : doc.path("components").path("responses").path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
