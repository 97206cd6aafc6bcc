package dev.restfault.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.server.ErrorRenderer;
import dev.restfault.spring.testapp.TestApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code restfault.enabled=false} switches every part off: Spring Boot's own error handling is back. */
class DisabledTest {

    @Test
    void disabledLeavesSpringBootsErrorHandling() throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
                        "restfault.enabled=false",
                        "spring.autoconfigure.exclude=" + AbstractContractErrorsTest.JETTY_AUTOCONFIG)
                .run()) {
            assertThat(context.getBeanNamesForType(ErrorRenderer.class)).isEmpty();
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/items/missing"))
                    .timeout(Duration.ofSeconds(20)).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(500); // Boot does not know ContractException: a plain 500
            assertThat(r.headers().firstValue("MS-CorrelationId")).isEmpty();
            assertThat(r.body()).contains("\"status\":500").doesNotContain("\"code\"");
        }
    }
}
