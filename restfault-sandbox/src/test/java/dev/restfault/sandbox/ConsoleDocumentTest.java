package dev.restfault.sandbox;

import static dev.restfault.sandbox.RunningSandbox.RW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.springdoc.ErrorComponents;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's OpenAPI document: it parses cleanly with the reference parser, holds restfault's
 * components exactly as converted from restfault-json's schemas, documents the errors each
 * operation really answers, and is served, with Swagger UI, past every guard of the API.
 * (That every response the end-to-end tests receive matches it is {@link OpenApiContract}'s job.)
 */
class ConsoleDocumentTest {

    private static RunningSandbox sandbox;
    private static JsonNode document;

    @BeforeAll
    static void start() {
        sandbox = RunningSandbox.start("--sandbox.rate-limit.requests=1000");
        document = sandbox.contract().document();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void theDocumentParsesWithNoErrorsAndNoWarnings() {
        Reply r = sandbox.get("/v3/api-docs").send();
        assertThat(r.status()).isEqualTo(200);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(r.body(), null, options);
        assertThat(result.getMessages()).as("parser messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getPaths()).containsKeys("/v1/customers", "/v1/simulate/{status}");
    }

    /** With the built-in demo tokens, the description and the security scheme say what to paste in Authorize. */
    @Test
    void theDemoTokensAreShownForAuthorize() {
        assertThat(document.path("info").path("description").asString()).contains("`" + RW + "` (read-write)",
                "`" + RunningSandbox.RO + "` (read-only)");
        assertThat(document.path("components").path("securitySchemes").path("token").path("description").asString())
                .contains(RW, RunningSandbox.RO);
    }

    /** The components are restfault-json's schemas, converted and nothing else; the header components are there. */
    @Test
    void theComponentsAreRestfaultJsonsSchemas() {
        JsonNode schemas = document.path("components").path("schemas");
        for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e : ErrorComponents.schemasAsJson().entrySet()) {
            JsonNode expected = JsonMapper.shared().readTree(e.getValue().toString());
            assertThat(schemas.path(e.getKey())).as("component %s", e.getKey()).isEqualTo(expected);
        }
        assertThat(document.path("components").path("headers").propertyNames())
                .contains("MS-CorrelationId", "MS-RequestId", "Retry-After", "WWW-Authenticate", "Allow");
        assertThat(document.path("components").path("headers").path("WWW-Authenticate").path("example").asString())
                .isEqualTo("OAuth realm=\"urn:cpsvc:cpid:" + RunningSandbox.CID + "\"");
    }

    /**
     * The sandbox's own patterns (simulation format and fault, upstream mode, a customer's domain
     * and country) are published in OpenAPI's dialect: anchored, with no Java inline flag, which
     * JavaScript tools refuse (Swagger UI's validation among them).
     */
    @Test
    void theSandboxsPatternsArePublishedInOpenApisDialect() {
        List<String> patterns = new ArrayList<>();
        collectPatterns(document.path("paths"), patterns);
        for (Map.Entry<String, JsonNode> schema : document.path("components").path("schemas").properties()) {
            if (!ErrorComponents.schemasAsJson().containsKey(schema.getKey())) {
                collectPatterns(schema.getValue(), patterns);
            }
        }
        assertThat(patterns).hasSizeGreaterThanOrEqualTo(5).allSatisfy(p -> assertThat(p)
                .startsWith("^(?:").endsWith(")$").doesNotContain("(?i"));
        assertThat(patterns).contains("^(?:[hH][tT][mM][lL]|[tT][rR][uU][nN][cC][aA][tT][eE][dD]|[eE][mM][pP][tT][yY]|[rR][eE][sS][eE][tT])$",
                "^(?:[A-Z]{2})$");
    }

    private static void collectPatterns(JsonNode node, List<String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getKey().equals("pattern") && e.getValue().isString()) {
                    out.add(e.getValue().asString());
                } else {
                    collectPatterns(e.getValue(), out);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collectPatterns(element, out);
            }
        }
    }

    @Test
    void eachOperationDocumentsTheErrorsItReallyAnswers() {
        assertThat(statuses("/v1/customers", "get")).contains("400", "401", "405", "406", "429", "500", "503")
                .doesNotContain("403", "404", "409", "415");
        assertThat(statuses("/v1/customers", "post")).contains("201", "400", "401", "403", "409", "413", "415", "507");
        assertThat(statuses("/v1/customers/{id}", "get")).contains("401", "404", "412").doesNotContain("400", "403", "415");
        assertThat(statuses("/v1/customers/{id}/credit", "get")).contains("502", "504");
        assertThat(statuses("/v1/invoices", "get")).contains("401", "501");
        assertThat(statuses("/v1/simulate/{status}", "get")).contains("400", "4XX", "500", "5XX").doesNotContain("401");
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                assertThat(op.getValue().path("responses").has("500")).as("500 on %s %s", op.getKey(), path.getKey()).isTrue();
            }
        }
        // The 401's response carries the challenge header; the 405's, Allow.
        JsonNode unauthorized = response("/v1/customers", "get", "401");
        assertThat(unauthorized.path("headers").path("WWW-Authenticate").path("$ref").asString())
                .isEqualTo("#/components/headers/WWW-Authenticate");
        assertThat(response("/v1/customers/{id}", "get", "405").path("headers").has("Allow")).isTrue();
        // Under /partner/v1 the body is the Partner API's; everywhere, problem details are offered too.
        assertThat(response("/partner/v1/customers", "get", "401").path("content").path("application/json")
                .path("schema").path("$ref").asString()).isEqualTo("#/components/schemas/PartnerApiError");
        assertThat(unauthorized.path("content").path("application/json").path("schema").path("$ref").asString())
                .isEqualTo("#/components/schemas/PartnerCenterError");
        assertThat(unauthorized.path("content").path("application/problem+json").path("schema").path("$ref").asString())
                .isEqualTo("#/components/schemas/ProblemDetails");
        // The examples are what restfault writes, with the sandbox's own texts for its codes.
        JsonNode taken = response("/v1/customers", "post", "409").path("content").path("application/json")
                .path("examples").path("domainTaken").path("value");
        assertThat(taken.path("description").asString()).isEqualTo("The domain {0} is already used by another customer.");
        assertThat(taken.path("source").asString()).isEqualTo(ErrorCheck.SOURCE);
    }

    /** The document and Swagger UI are outside the API: no token, no rate limit, no maintenance stops them. */
    @Test
    void theConsolePassesEveryGuard() {
        Cases.Request admin = new Cases.Request(sandbox, dev.restfault.core.model.ErrorFormat.PARTNER_CENTER,
                dev.restfault.core.i18n.SupportedLocales.EN_US);
        admin.admin("/maintenance", "{\"enabled\":true,\"retryAfterSeconds\":60}");
        try {
            assertThat(sandbox.get("/v1/customers").token(RW).send().status()).isEqualTo(503);
            List<Integer> statuses = new ArrayList<>();
            for (String path : List.of("/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui/index.html")) {
                statuses.add(sandbox.get(path).header("Authorization", "Bearer not-a-token").send().status());
            }
            assertThat(statuses).containsOnly(200);
            Reply console = sandbox.get("/console").send();
            assertThat(console.status()).isEqualTo(302);
            assertThat(console.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/swagger-ui/index.html"));
            assertThat(sandbox.get("/swagger-ui/index.html").send().body()).contains("swagger-ui");
        } finally {
            admin.admin("/maintenance", "{\"enabled\":false}");
        }
    }

    private static List<String> statuses(String path, String method) {
        List<String> out = new ArrayList<>();
        document.path("paths").path(path).path(method).path("responses").propertyNames().forEach(out::add);
        assertThat(out).as("%s %s is documented", method, path).isNotEmpty();
        return out;
    }

    private static JsonNode response(String path, String method, String status) {
        JsonNode r = document.path("paths").path(path).path(method).path("responses").path(status);
        String ref = r.path("$ref").asString("");
        return ref.isEmpty() ? r : document.path("components").path("responses").path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
