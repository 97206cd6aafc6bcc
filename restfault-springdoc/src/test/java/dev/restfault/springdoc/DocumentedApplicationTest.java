package dev.restfault.springdoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.springdoc.app.DocumentedApplication;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A real Spring MVC application on Tomcat with Spring Security: the document says 401 where the
 * filter chain refuses anonymous callers, 403 where it (or method security) refuses an
 * authenticated one, neither where everything is permitted; and the service's real answers are
 * the documented statuses, with bodies that validate against the documented schemas.
 */
class DocumentedApplicationTest {

    private static ConfigurableApplicationContext context;
    private static RunningService service;

    @BeforeAll
    static void start() {
        context = start("--restfault.openapi.enabled=true");
        service = RunningService.of(context);
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
    void theDocumentParsesCleanly() {
        assertThat(service.parsedCleanly().getComponents().getSchemas())
                .containsKeys("PartnerCenterError", "PartnerApiError", "ProblemDetails");
    }

    @Test
    void securityIsDocumentedWhereTheFilterChainAndMethodSecurityRefuse() {
        assertThat(service.statuses("/open/ping", "get")).doesNotContain("401", "403").contains("500");
        assertThat(service.statuses("/orders/{id}", "get")).contains("401", "404").doesNotContain("403", "400", "415");
        assertThat(service.statuses("/orders", "post")).contains("400", "401", "403", "409", "415");
        assertThat(service.statuses("/orders/{id}/audit", "get")).contains("401", "403");
        assertThat(service.statuses("/legacy", "get")).containsExactly("200");
    }

    /** What the service really answers is documented, and its body is the documented schema's. */
    @Test
    void theRealAnswersAreTheDocumentedOnes() throws Exception {
        service.check("GET", "/orders/{id}", service.send("GET", "/orders/1", null, null), 401);
        service.check("GET", "/orders/{id}", service.send("GET", "/orders/2", "clerk", null), 404);
        service.check("POST", "/orders", service.send("POST", "/orders", "clerk", "{\"item\":\"x\"}"), 403);
        service.check("GET", "/orders/{id}/audit", service.send("GET", "/orders/1/audit", "clerk", null), 403);
        service.check("GET", "/partner/orders/{id}", service.send("GET", "/partner/orders/9", "clerk", null), 404);
        HttpResponse<String> unauthorized = service.send("GET", "/orders/1", null, null);
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
            service.same("GET", "/orders/{id}", "401", "unauthorized", service.send("GET", "/orders/1", null, null, null, accept));
            service.same("GET", "/orders/{id}", "405", "methodNotAllowed", service.send("DELETE", "/orders/1", "clerk", null, null, accept));
            service.same("POST", "/orders", "415", "unsupportedMediaType", service.send("POST", "/orders", "admin", "text/plain", "x", accept));
            service.same("POST", "/orders", "400", "badRequest", service.send("POST", "/orders", "admin", "application/json", "{", accept));
            service.same("GET", "/orders", "400", "badRequest", service.send("GET", "/orders", "clerk", null, null, accept));
        }
        service.same("GET", "/orders/{id}", "406", "notAcceptable", service.send("GET", "/orders/1", "clerk", null, null, "text/csv"));
        // Two methods on the path, whose order Spring reports as a hash map holds them: one order in the document and the answer.
        HttpResponse<String> refused = service.send("DELETE", "/orders/1", "clerk", null);
        assertThat(refused.headers().firstValue("Allow")).contains("GET, HEAD, PATCH, OPTIONS");
        assertThat(refused.body()).contains("Allowed: GET, HEAD, PATCH, OPTIONS.");
    }

    /** Changing restfault's configuration changes the document: nothing of it is written in this module. */
    @Test
    void theDocumentFollowsTheRenderersConfiguration() {
        try (ConfigurableApplicationContext other = start("--restfault.problem-details=false", "--restfault.source=commandes",
                "--restfault.supported-locales=fr-FR,en-US", "--restfault.formats[/open]=partner-api",
                "--restfault.challenge.cid=0d3c8a5e-7a34-4d3e-9c0b-5f2f6f0e9a11")) {
            JsonNode doc = RunningService.of(other).document();
            JsonNode notFound = RunningService.response(doc, "/orders/{id}", "get", "404");
            assertThat(notFound.path("content").propertyNames()).containsExactly("application/json");
            JsonNode example = notFound.path("content").path("application/json").path("examples").path("notFound").path("value");
            assertThat(example.path("description").asString()).isEqualTo(StatusCatalog.entry(404).description(SupportedLocales.FR_FR));
            assertThat(example.path("source").asString()).isEqualTo("commandes");
            assertThat(notFound.path("headers").path("Content-Language").path("example").asString()).isEqualTo("fr-FR");
            // Under /open the Partner API format, whose messages are English whatever the locales.
            JsonNode internal = RunningService.response(doc, "/open/ping", "get", "500");
            assertThat(internal.path("content").path("application/json").path("schema").path("$ref").asString())
                    .isEqualTo("#/components/schemas/PartnerApiError");
            assertThat(internal.path("content").path("application/json").path("examples").path("internalServerError")
                    .path("value").path("error").path("target").asString()).isEqualTo("commandes");
            assertThat(internal.path("headers").path("Content-Language").path("example").asString()).isEqualTo("en-US");
            assertThat(doc.path("components").path("headers").path("WWW-Authenticate").path("example").asString())
                    .isEqualTo("OAuth realm=\"urn:cpsvc:cpid:0d3c8a5e-7a34-4d3e-9c0b-5f2f6f0e9a11\"");
        }
    }

    @Test
    void theWholeThingCanBeTurnedOff() {
        try (ConfigurableApplicationContext off = start("--restfault.openapi.enabled=false")) {
            JsonNode doc = RunningService.of(off).document();
            assertThat(doc.path("components").path("schemas").has("PartnerCenterError")).isFalse();
            assertThat(doc.path("paths").path("/orders/{id}").path("get").path("responses").has("500")).isFalse();
        }
    }

    @Test
    void aCommonStatusOutsideTheErrorsStopsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> start("--restfault.openapi.common-statuses=429,600"))
                .hasStackTraceContaining("restfault.openapi.common-statuses must be within 400..599, was 600");
    }
}
