package dev.restfault.spring.client.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.client.ClientContract;
import dev.restfault.client.ContractErrorException;
import dev.restfault.client.TransportException;
import dev.restfault.client.retry.RetryPolicy;
import dev.restfault.client.testing.StubServer;
import dev.restfault.client.testing.StubServer.Reply;
import dev.restfault.core.catalog.ErrorCategory;
import dev.restfault.spring.client.ContractExchangeFilter;
import dev.restfault.spring.client.ContractInterceptor;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import reactor.core.publisher.Mono;

/**
 * The examples of restfault-spring-client/README.md (and the project README), compiled and run
 * against a real server; {@link ReadmeSyncTest} checks the READMEs show them verbatim.
 */
class ReadmeExamplesTest {

    // README-BEGIN restClient
    static class CustomerDirectory {
        private final RestClient client;

        CustomerDirectory(RestClient.Builder builder, URI baseUrl) {
            ClientContract contract = ClientContract.builder()
                    .locale(Locale.FRANCE)                   // X-Locale: fr-FR on every call
                    .retryPolicy(RetryPolicy.defaults())     // 3 attempts, Retry-After honoured
                    .build();
            this.client = ContractInterceptor.configure(builder.baseUrl(baseUrl.toString()), contract).build();
        }

        /** The customer's JSON, empty if there is none; retries already happened. */
        Optional<String> customer(String id) {
            try {
                return Optional.of(client.get().uri("/v1/customers/{id}", id).retrieve().body(String.class));
            } catch (ContractErrorException e) {             // any 4xx/5xx, whatever its body
                if (e.category() == ErrorCategory.NOT_FOUND) {
                    return Optional.empty();
                }
                throw e;                                     // e.code(), e.retryAfter(), e.requestId()...
            } catch (TransportException e) {                 // refused, reset, timed out
                throw e;
            }
        }
    }
    // README-END restClient

    // README-BEGIN restTemplate
    static RestTemplate restTemplate(ClientContract contract) {
        // The interceptor first, ContractErrorHandler as the error handler (unless one is set).
        return ContractInterceptor.configure(new RestTemplate(), contract);
    }
    // README-END restTemplate

    // README-BEGIN webClient
    static class ReactiveCustomerDirectory {
        private final WebClient client;

        ReactiveCustomerDirectory(WebClient.Builder builder, URI baseUrl, ClientContract contract) {
            this.client = ContractExchangeFilter.configure(builder.baseUrl(baseUrl.toString()), contract).build();
        }

        /** Retries wait on a timer (Mono.delay): no thread sleeps or blocks. */
        Mono<String> customer(String id) {
            return client.get().uri("/v1/customers/{id}", id).retrieve().bodyToMono(String.class)
                    .onErrorResume(ContractErrorException.class,
                            e -> e.category() == ErrorCategory.NOT_FOUND ? Mono.empty() : Mono.error(e));
        }
    }
    // README-END webClient

    // README-BEGIN httpInterface
    interface Customers {
        @GetExchange("/v1/customers/{id}")
        String customer(@PathVariable String id);
    }

    static Customers customers(URI baseUrl, ClientContract contract) {
        RestClient client = ContractInterceptor.configure(RestClient.builder().baseUrl(baseUrl.toString()), contract).build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client)).build().createClient(Customers.class);
    }
    // README-END httpInterface

    private static StubServer server() throws Exception {
        return StubServer.start(r -> switch (r.uri().getPath()) {
            case "/v1/customers/1" -> Reply.text(200, "application/json", "{\"id\":\"1\"}");
            case "/v1/customers/2" -> Reply.text(404, "application/json", "{\"code\":\"customerNotFound\",\"description\":\"No.\"}");
            default -> Reply.text(409, "application/json", "{\"code\":\"domainTaken\",\"description\":\"Taken.\"}");
        });
    }

    @Test
    void theExamplesBehaveAsDocumented() throws Exception {
        try (StubServer server = server()) {
            CustomerDirectory directory = new CustomerDirectory(RestClient.builder(), server.uri(""));
            assertThat(directory.customer("1")).contains("{\"id\":\"1\"}");
            assertThat(directory.customer("2")).isEmpty();
            assertThatThrownBy(() -> directory.customer("3")).isInstanceOfSatisfying(ContractErrorException.class,
                    e -> assertThat(e.code()).isEqualTo("domainTaken"));
            assertThat(server.received()).allSatisfy(r -> assertThat(r.header("X-Locale")).isEqualTo("fr-FR"));

            ClientContract contract = ClientContract.defaults();
            assertThatThrownBy(() -> restTemplate(contract).getForObject(server.uri("/v1/customers/2"), String.class))
                    .isInstanceOf(ContractErrorException.class);

            ReactiveCustomerDirectory reactive = new ReactiveCustomerDirectory(WebClient.builder(), server.uri(""), contract);
            assertThat(reactive.customer("1").block(Duration.ofSeconds(10))).isEqualTo("{\"id\":\"1\"}");
            assertThat(reactive.customer("2").blockOptional(Duration.ofSeconds(10))).isEmpty();

            assertThat(customers(server.uri(""), contract).customer("1")).isEqualTo("{\"id\":\"1\"}");
            assertThatThrownBy(() -> customers(server.uri(""), contract).customer("2"))
                    .isInstanceOfSatisfying(ContractErrorException.class, e -> assertThat(e.status()).isEqualTo(404));
        }
    }
}
