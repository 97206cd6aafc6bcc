package dev.restfault.spring.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.restfault.client.ClientContract;
import dev.restfault.client.ContractErrorException;
import dev.restfault.client.retry.StopReason;
import dev.restfault.client.testing.StubServer;
import dev.restfault.client.testing.StubServer.Reply;
import dev.restfault.core.catalog.ErrorCategory;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientAdapter;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import reactor.core.publisher.Mono;

/**
 * {@code @HttpExchange} interfaces get the contract through the client they are built on:
 * {@code RestClient} (blocking methods) and {@code WebClient} (blocking and reactive methods).
 */
@Timeout(30)
class HttpInterfaceTest {

    private static final String JSON = "application/json; charset=utf-8";

    @HttpExchange("/v1/orders")
    interface Orders {
        @GetExchange("/{id}")
        String get(@PathVariable String id);

        @PostExchange
        String create(@RequestBody String order);

        @GetExchange("/{id}")
        Mono<String> getLater(@PathVariable String id);
    }

    private static Reply throttledOnceThen(int index, Reply after) {
        return index == 0 ? Reply.text(429, JSON, "{\"statusCode\":429,\"message\":\"Slow down\"}").with("Retry-After", "1") : after;
    }

    private static Orders onRestClient(StubServer server, ClientContract contract) {
        RestClient client = ContractInterceptor.configure(RestClient.builder().baseUrl(server.uri("").toString())
                .requestFactory(Transports.Factory.JDK.create()), contract).build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client)).build().createClient(Orders.class);
    }

    private static Orders onWebClient(StubServer server, ClientContract contract) {
        WebClient client = ContractExchangeFilter.configure(WebClient.builder().baseUrl(server.uri("").toString()), contract)
                .build();
        return HttpServiceProxyFactory.builderFor(WebClientAdapter.create(client)).build().createClient(Orders.class);
    }

    @Test
    void restClientInterfaceRetriesAfterRetryAfterAndRaisesContractErrors() throws Exception {
        ClientContract contract = ClientContract.builder().retryPolicy(Transports.fastPolicy(3)).locale(Locale.FRANCE).build();
        try (StubServer server = StubServer.start(r -> switch (r.uri().getPath()) {
            case "/v1/orders/1" -> throttledOnceThen(r.index(), Reply.text(200, JSON, "{\"id\":1}"));
            case "/v1/orders/2" -> Reply.text(404, JSON, "{\"code\":\"orderNotFound\",\"description\":\"No order 2.\"}");
            default -> Reply.text(500, JSON, "{\"code\":\"boom\",\"description\":\"Failed.\"}");
        })) {
            Orders orders = onRestClient(server, contract);
            long start = System.nanoTime();
            assertThat(orders.get("1")).isEqualTo("{\"id\":1}");
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));

            ContractErrorException missing = catchThrowableOfType(ContractErrorException.class, () -> orders.get("2"));
            assertThat(missing.category()).isEqualTo(ErrorCategory.NOT_FOUND);
            assertThat(missing.code()).isEqualTo("orderNotFound");

            ContractErrorException failed = catchThrowableOfType(ContractErrorException.class, () -> orders.create("{}"));
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.retryStop()).contains(StopReason.NOT_RETRYABLE); // a POST with a generated id
            assertThat(server.received()).allSatisfy(r -> assertThat(r.header("X-Locale")).isEqualTo("fr-FR"));
            assertThat(server.received().stream().filter(r -> r.method().equals("POST"))).hasSize(1);
        }
    }

    @Test
    void webClientInterfaceRetriesAfterRetryAfterAndRaisesContractErrors() throws Exception {
        ClientContract contract = ClientContract.builder().retryPolicy(Transports.fastPolicy(3)).locale(Locale.JAPAN).build();
        try (StubServer server = StubServer.start(r -> switch (r.uri().getPath()) {
            case "/v1/orders/1" -> throttledOnceThen(r.index(), Reply.text(200, JSON, "{\"id\":1}"));
            case "/v1/orders/2" -> Reply.text(404, JSON, "{\"code\":\"orderNotFound\",\"description\":\"No order 2.\"}");
            default -> Reply.text(500, JSON, "{\"code\":\"boom\",\"description\":\"Failed.\"}");
        })) {
            Orders orders = onWebClient(server, contract);
            long start = System.nanoTime();
            assertThat(orders.get("1")).isEqualTo("{\"id\":1}");
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));

            ContractErrorException missing = catchThrowableOfType(ContractErrorException.class, () -> orders.get("2"));
            assertThat(missing.code()).isEqualTo("orderNotFound");
            ContractErrorException later = catchThrowableOfType(ContractErrorException.class,
                    () -> orders.getLater("2").block(Duration.ofSeconds(10)));
            assertThat(later.code()).isEqualTo("orderNotFound");

            ContractErrorException failed = catchThrowableOfType(ContractErrorException.class, () -> orders.create("{}"));
            assertThat(failed.retryStop()).contains(StopReason.NOT_RETRYABLE);
            assertThat(server.received()).allSatisfy(r -> assertThat(r.header("X-Locale")).isEqualTo("ja-JP"));
        }
    }
}
