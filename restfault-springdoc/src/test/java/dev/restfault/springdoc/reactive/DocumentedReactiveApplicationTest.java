package dev.restfault.springdoc.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.springdoc.RunningService;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * A real Spring WebFlux application on Reactor Netty with reactive Spring Security: its document,
 * built by springdoc's WebFlux starter and restfault-springdoc, parses cleanly, documents 401 and
 * 403 exactly where the security web filter chain and method security refuse, and its examples
 * are what restfault's WebFlux adapter really answers.
 */
class DocumentedReactiveApplicationTest {

    private static ConfigurableApplicationContext context;
    private static RunningService service;

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(DocumentedReactiveApplication.class).web(WebApplicationType.REACTIVE)
                .run("--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
                        "--restfault.source=orders", "--restfault.formats[/partner]=partner-api",
                        "--restfault.challenge.cid=4ee9b3c8-0ea9-4b3b-a1f3-8a9ce1f3ad2c", "--logging.level.root=WARN");
        service = RunningService.of(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void itRunsOnReactorNettyWithoutTheServletStack() {
        assertThat(((WebServerApplicationContext) context).getWebServer().getClass().getName()).contains("Netty");
        // The module's reactive-test execution leaves the servlet API and Spring MVC off the class path.
        for (String servlet : List.of("jakarta.servlet.Filter", "org.springframework.web.servlet.DispatcherServlet")) {
            assertThat(ClassUtils.isPresent(servlet, getClass().getClassLoader())).as(servlet).isFalse();
        }
    }

    @Test
    void theDocumentParsesCleanly() {
        assertThat(service.parsedCleanly().getComponents().getSchemas())
                .containsKeys("PartnerCenterError", "PartnerApiError", "ProblemDetails");
    }

    @Test
    void securityIsDocumentedWhereTheWebFilterChainAndMethodSecurityRefuse() {
        assertThat(service.statuses("/open/ping", "get")).doesNotContain("401", "403").contains("500");
        assertThat(service.statuses("/orders/{id}", "get")).contains("401", "404").doesNotContain("403", "400", "415");
        assertThat(service.statuses("/orders", "post")).contains("400", "401", "403", "409");
        assertThat(service.statuses("/orders/{id}/audit", "get")).contains("401", "403");
    }

    /** Mono and Flux are read as what they carry: a Mono<Void> answers no body, so no 406. */
    @Test
    void reactiveTypesAreReadAsWhatTheyCarry() {
        assertThat(service.statuses("/orders/{id}", "get")).contains("406");
        assertThat(service.statuses("/orders/{id}", "delete")).doesNotContain("406");
        assertThat(service.statuses("/orders", "get")).contains("400", "406");
        assertThat(service.statuses("/orders", "post")).contains("400", "406", "415");
    }

    /**
     * A mapping without a method condition serves every method but TRACE, which restfault's WebFlux
     * adapter refuses as the servlet adapter does: a 405 can happen on every path, and is the
     * documented one.
     */
    @Test
    void a405IsDocumentedWhereWebFluxAnswersIt() throws Exception {
        assertThat(service.statuses("/open/ping", "get")).contains("405");
        assertThat(service.statuses("/open/echo", "get")).contains("405");
        service.same("GET", "/open/echo", "405", "methodNotAllowed", service.send("TRACE", "/open/echo", null, null));
        service.same("GET", "/open/ping", "405", "methodNotAllowed", service.send("POST", "/open/ping", null, null));
    }

    /** What the adapter really answers is documented, and its body is the documented schema's. */
    @Test
    void theRealAnswersAreTheDocumentedOnes() throws Exception {
        service.check("GET", "/orders/{id}", service.send("GET", "/orders/1", null, null), 401);
        service.check("GET", "/orders/{id}", service.send("GET", "/orders/2", "clerk", null), 404);
        service.check("POST", "/orders", service.send("POST", "/orders", "clerk", "{\"item\":\"x\"}"), 403);
        service.check("POST", "/orders", service.send("POST", "/orders", "admin", "{\"item\":\"x\"}"), 409);
        service.check("GET", "/orders/{id}/audit", service.send("GET", "/orders/1/audit", "clerk", null), 403);
        service.check("GET", "/partner/orders/{id}", service.send("GET", "/partner/orders/9", "clerk", null), 404);
        assertThat(service.send("GET", "/orders/1", null, null).headers().allValues("WWW-Authenticate"))
                .anyMatch(v -> v.startsWith("OAuth realm="));
    }

    /**
     * The documented examples are the adapter's real answers: body, Content-Language and every
     * documented header, for what restfault answers by itself on WebFlux (the security's 401,
     * WebFlux's 400, 405, 406 and 415, in both media types).
     */
    @Test
    void theExamplesAreWhatTheAdapterReallyAnswers() throws Exception {
        for (String accept : List.of("application/json", "application/problem+json, application/json;q=0.5")) {
            service.same("GET", "/orders/{id}", "401", "unauthorized", service.send("GET", "/orders/1", null, null, null, accept));
            service.same("GET", "/orders/{id}", "405", "methodNotAllowed", service.send("PUT", "/orders/1", "clerk", null, null, accept));
            service.same("POST", "/orders", "415", "unsupportedMediaType", service.send("POST", "/orders", "admin", "text/plain", "x", accept));
            service.same("POST", "/orders", "400", "badRequest", service.send("POST", "/orders", "admin", "application/json", "{", accept));
            service.same("GET", "/orders", "400", "badRequest", service.send("GET", "/orders", "clerk", null, null, accept));
        }
        service.same("GET", "/orders/{id}", "406", "notAcceptable", service.send("GET", "/orders/1", "clerk", null, null, "text/csv"));
    }
}
