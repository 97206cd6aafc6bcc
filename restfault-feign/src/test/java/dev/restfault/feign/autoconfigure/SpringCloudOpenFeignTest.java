package dev.restfault.feign.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.restfault.client.ContractErrorException;
import dev.restfault.client.retry.StopReason;
import dev.restfault.client.testing.StubServer;
import dev.restfault.client.testing.StubServer.Reply;
import dev.restfault.core.catalog.ErrorCategory;
import feign.FeignException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Spring Cloud OpenFeign picks restfault up in a real Spring Boot application: a
 * {@code @FeignClient} raises {@link ContractErrorException}s and retries by the
 * {@code restfault.client.*} policy, sending {@code X-Locale}.
 */
@Timeout(60)
class SpringCloudOpenFeignTest {

    private static final String JSON = "application/json; charset=utf-8";

    // README-BEGIN springCloud
    @FeignClient(name = "orders", url = "${orders.url}")
    interface Orders {
        @GetMapping("/orders/{id}")
        String get(@PathVariable("id") String id);               // throws ContractErrorException

        @PostMapping(path = "/orders", consumes = "application/json")
        String create(@RequestBody String order);                // a POST: retried only with your MS-RequestId
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @EnableFeignClients(clients = Orders.class)
    static class App {
    }
    // README-END springCloud

    private static StubServer server() throws Exception {
        return StubServer.start(r -> switch (r.uri().getPath()) {
            case "/orders/1" -> r.index() == 0
                    ? Reply.text(429, JSON, "{\"statusCode\":429,\"message\":\"Slow down\"}").with("Retry-After", "1")
                    : Reply.text(200, JSON, "{\"id\":1}");
            case "/orders/2" -> Reply.text(404, JSON, "{\"code\":\"orderNotFound\",\"description\":\"No order 2.\"}");
            default -> Reply.text(500, JSON, "{\"code\":\"boom\",\"description\":\"Failed.\"}");
        });
    }

    private static ConfigurableApplicationContext start(StubServer server, String... more) {
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties("orders.url=" + server.uri(""), "restfault.client.locale=fr-FR",
                        "restfault.client.retry.max-attempts=2", "restfault.client.retry.backoff-base=5ms",
                        "restfault.client.retry.backoff-cap=20ms", "spring.main.banner-mode=off", "logging.level.root=warn")
                .properties(more)
                .run();
    }

    @Test
    void aFeignClientRaisesContractErrorsAndRetriesByTheProperties() throws Exception {
        try (StubServer server = server(); ConfigurableApplicationContext context = start(server)) {
            Orders orders = context.getBean(Orders.class);
            long start = System.nanoTime();
            assertThat(orders.get("1")).isEqualTo("{\"id\":1}");
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));

            ContractErrorException notFound = catchThrowableOfType(ContractErrorException.class, () -> orders.get("2"));
            assertThat(notFound.category()).isEqualTo(ErrorCategory.NOT_FOUND);
            assertThat(notFound.code()).isEqualTo("orderNotFound");

            ContractErrorException failed = catchThrowableOfType(ContractErrorException.class, () -> orders.create("{}"));
            assertThat(failed.retryStop()).contains(StopReason.NOT_RETRYABLE);

            ContractErrorException retried = catchThrowableOfType(ContractErrorException.class, () -> orders.get("3"));
            assertThat(retried.attempt()).isEqualTo(2);
            assertThat(retried.retryStop()).contains(StopReason.ATTEMPTS_EXHAUSTED);
            assertThat(server.received()).allSatisfy(r -> assertThat(r.header("X-Locale")).isEqualTo("fr-FR"));
        }
    }

    @Test
    void switchedOffTheClientsAreFeignsOwn() throws Exception {
        try (StubServer server = server(); ConfigurableApplicationContext context = start(server, "restfault.client.feign.enabled=false")) {
            assertThatThrownBy(() -> context.getBean(Orders.class).get("2")).isInstanceOf(FeignException.NotFound.class);
            assertThat(server.received().get(0).header("X-Locale")).isNull();
        }
    }
}
