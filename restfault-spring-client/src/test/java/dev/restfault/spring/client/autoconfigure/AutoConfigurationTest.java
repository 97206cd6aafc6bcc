package dev.restfault.spring.client.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.restfault.client.ClientContract;
import dev.restfault.client.ContractErrorException;
import dev.restfault.client.retry.StopReason;
import dev.restfault.client.testing.RecordingListener;
import dev.restfault.client.testing.StubServer;
import dev.restfault.client.testing.StubServer.Reply;
import dev.restfault.core.catalog.ErrorCategory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * The auto-configuration in a real Spring Boot application: the {@code RestClient.Builder},
 * {@code RestTemplateBuilder} and {@code WebClient.Builder} beans, and the HTTP interface clients
 * Boot builds with {@code @ImportHttpServices}, follow {@code restfault.client.*}.
 */
@Timeout(60)
class AutoConfigurationTest {

    private static final String JSON = "application/json; charset=utf-8";

    interface Orders {
        @GetExchange("/orders/{id}")
        String get(@PathVariable String id);
    }

    interface ReactiveOrders {
        @GetExchange("/orders/{id}")
        String get(@PathVariable String id);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @ImportHttpServices(group = "orders", types = Orders.class, clientType = HttpServiceGroup.ClientType.REST_CLIENT)
    @ImportHttpServices(group = "reactive-orders", types = ReactiveOrders.class, clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
    static class App {
        static final RecordingListener LISTENER = new RecordingListener();

        @Bean
        RecordingListener recordingListener() {
            return LISTENER;
        }
    }

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
        String base = server.uri("").toString();
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties("restfault.client.locale=fr-FR", "restfault.client.contract-version=v2",
                        "restfault.client.retry.max-attempts=2", "restfault.client.retry.backoff-base=5ms",
                        "restfault.client.retry.backoff-cap=20ms",
                        "spring.http.serviceclient.orders.base-url=" + base,
                        "spring.http.serviceclient.reactive-orders.base-url=" + base,
                        "spring.main.banner-mode=off", "logging.level.root=warn")
                .properties(more)
                .run();
    }

    @Test
    void everyClientBuilderBeanFollowsTheProperties() throws Exception {
        try (StubServer server = server(); ConfigurableApplicationContext context = start(server)) {
            RestClient restClient = context.getBean(RestClient.Builder.class).build();
            long start = System.nanoTime();
            assertThat(restClient.get().uri(server.uri("/orders/1")).retrieve().body(String.class)).isEqualTo("{\"id\":1}");
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
            ContractErrorException notFound = catchThrowableOfType(ContractErrorException.class,
                    () -> restClient.get().uri(server.uri("/orders/2")).retrieve().body(String.class));
            assertThat(notFound.category()).isEqualTo(ErrorCategory.NOT_FOUND);

            ContractErrorException fromTemplate = catchThrowableOfType(ContractErrorException.class,
                    () -> context.getBean(RestTemplateBuilder.class).build().getForObject(server.uri("/orders/2"), String.class));
            assertThat(fromTemplate.code()).isEqualTo("orderNotFound");

            WebClient webClient = context.getBean(WebClient.Builder.class).build();
            ContractErrorException fromWebClient = catchThrowableOfType(ContractErrorException.class,
                    () -> webClient.get().uri(server.uri("/orders/3")).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10)));
            assertThat(fromWebClient.status()).isEqualTo(500);
            assertThat(fromWebClient.attempt()).isEqualTo(2);
            assertThat(fromWebClient.retryStop()).contains(StopReason.ATTEMPTS_EXHAUSTED);

            assertThat(server.received()).allSatisfy(r -> {
                assertThat(r.header("X-Locale")).isEqualTo("fr-FR");
                assertThat(r.header("MS-Contract-Version")).isEqualTo("v2");
            });
            assertThat(App.LISTENER.kinds()).contains("attempt", "failure", "success");
        }
    }

    @Test
    void httpInterfaceClientsOfBothKindsGetTheContract() throws Exception {
        try (StubServer server = server(); ConfigurableApplicationContext context = start(server)) {
            Orders orders = context.getBean(Orders.class);
            assertThat(orders.get("1")).isEqualTo("{\"id\":1}");
            assertThat(server.received()).hasSize(2); // the 429, then the retry
            ContractErrorException e = catchThrowableOfType(ContractErrorException.class, () -> orders.get("2"));
            assertThat(e.code()).isEqualTo("orderNotFound");

            ReactiveOrders reactive = context.getBean(ReactiveOrders.class);
            ContractErrorException r = catchThrowableOfType(ContractErrorException.class, () -> reactive.get("2"));
            assertThat(r.code()).isEqualTo("orderNotFound");
            assertThat(server.received()).allSatisfy(req -> assertThat(req.header("X-Locale")).isEqualTo("fr-FR"));
        }
    }

    @Test
    void switchedOffTheClientsAreSpringsOwn() throws Exception {
        try (StubServer server = server(); ConfigurableApplicationContext context = start(server, "restfault.client.enabled=false")) {
            assertThat(context.getBeansOfType(ClientContract.class)).isEmpty();
            RestClient restClient = context.getBean(RestClient.Builder.class).build();
            assertThatThrownBy(() -> restClient.get().uri(server.uri("/orders/2")).retrieve().body(String.class))
                    .isInstanceOf(HttpClientErrorException.NotFound.class);
            assertThat(server.received().get(0).header("X-Locale")).isNull();
        }
        try (StubServer server = server();
                ConfigurableApplicationContext context = start(server, "restfault.client.rest-client.enabled=false")) {
            assertThatThrownBy(() -> context.getBean(RestClient.Builder.class).build().get().uri(server.uri("/orders/2"))
                    .retrieve().body(String.class)).isInstanceOf(HttpClientErrorException.NotFound.class);
            assertThatThrownBy(() -> context.getBean(WebClient.Builder.class).build().get().uri(server.uri("/orders/2"))
                    .retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10))).isInstanceOf(ContractErrorException.class);
        }
    }

    @Test
    void anInvalidPropertyFailsTheStartNamingIt() throws Exception {
        try (StubServer server = server()) {
            assertThatThrownBy(() -> start(server, "restfault.client.retry.max-attempts=0").close())
                    .hasStackTraceContaining("restfault.client")
                    .hasStackTraceContaining("maxAttempts must be within 1..100, was 0");
            assertThatThrownBy(() -> start(server, "restfault.client.contract-version=v1 ").close())
                    .hasStackTraceContaining("contractVersion must be 1..64 visible characters");
        }
    }
}
