package dev.restfault.springdoc.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.springdoc.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Spring WebFlux application on Reactor Netty with reactive Spring Security: its document,
 * built by springdoc's WebFlux starter and restfault-springdoc, parses cleanly and documents 401
 * and 403 exactly where the security web filter chain and method security refuse.
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
    void itRunsOnReactorNetty() {
        assertThat(((WebServerApplicationContext) context).getWebServer().getClass().getName()).contains("Netty");
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

    /** WebFlux routes every method to a mapping without a method condition: no 405 there, one elsewhere. */
    @Test
    void a405IsDocumentedWhereWebFluxAnswersIt() {
        assertThat(service.statuses("/open/echo", "get")).doesNotContain("405");
        assertThat(service.statuses("/open/ping", "get")).contains("405");
    }
}
