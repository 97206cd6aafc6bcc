package dev.restfault.feign.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.client.ClientContract;
import dev.restfault.client.ContractErrorException;
import dev.restfault.client.testing.StubServer;
import dev.restfault.client.testing.StubServer.Reply;
import dev.restfault.core.catalog.ErrorCategory;
import dev.restfault.feign.FeignContract;
import feign.Feign;
import feign.Param;
import feign.RequestLine;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The example of restfault-feign/README.md (and the project README), compiled and run against a
 * real server; {@link ReadmeSyncTest} checks the READMEs show it verbatim.
 */
class ReadmeExamplesTest {

    // README-BEGIN feign
    interface Customers {
        @RequestLine("GET /v1/customers/{id}")
        String customer(@Param("id") String id);
    }

    static Customers customers(String baseUrl) {
        FeignContract restfault = FeignContract.of(ClientContract.builder()
                .locale(Locale.FRANCE)                       // X-Locale: fr-FR on every call
                .build());                                   // the default policy: 3 attempts
        // The request and response interceptors, the error decoder and the retryer.
        return restfault.configure(Feign.builder()).target(Customers.class, baseUrl);
    }

    static Optional<String> customer(Customers customers, String id) {
        try {
            return Optional.of(customers.customer(id));
        } catch (ContractErrorException e) {                 // not a FeignException
            if (e.category() == ErrorCategory.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;                                         // e.retryStop() says why it gave up
        }
    }
    // README-END feign

    @Test
    void theExampleBehavesAsDocumented() throws Exception {
        try (StubServer server = StubServer.start(r -> switch (r.uri().getPath()) {
            case "/v1/customers/1" -> r.index() == 0
                    ? Reply.text(429, "application/json", "{\"statusCode\":429,\"message\":\"Slow down\"}").with("Retry-After", "1")
                    : Reply.text(200, "application/json", "{\"id\":\"1\"}");
            case "/v1/customers/2" -> Reply.text(404, "application/json", "{\"code\":\"customerNotFound\",\"description\":\"No.\"}");
            default -> Reply.text(409, "application/json", "{\"code\":\"domainTaken\",\"description\":\"Taken.\"}");
        })) {
            Customers customers = customers(server.uri("").toString());
            long start = System.nanoTime();
            assertThat(customer(customers, "1")).contains("{\"id\":\"1\"}");
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
            assertThat(customer(customers, "2")).isEmpty();
            assertThatThrownBy(() -> customer(customers, "3")).isInstanceOfSatisfying(ContractErrorException.class,
                    e -> assertThat(e.code()).isEqualTo("domainTaken"));
            assertThat(server.received()).allSatisfy(r -> assertThat(r.header("X-Locale")).isEqualTo("fr-FR"));
        }
    }
}
