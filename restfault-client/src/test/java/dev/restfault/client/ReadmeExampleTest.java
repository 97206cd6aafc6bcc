package dev.restfault.client;

import dev.restfault.client.testing.StubServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.client.testing.StubServer.Reply;
import dev.restfault.client.retry.Backoff;
import dev.restfault.client.retry.DefaultRetryPolicy;
import dev.restfault.client.retry.RetryBudget;
import dev.restfault.client.retry.RetryDecision;
import dev.restfault.client.retry.RetryListener;
import dev.restfault.client.retry.RetryOptions;
import dev.restfault.client.retry.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.net.http.HttpRequest;
import java.time.Duration;
import static java.nio.charset.StandardCharsets.UTF_8;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The README's "Catch and retry" example, compiled and run against a real server. */
class ReadmeExampleTest {

    /** Copied from README.md (the client is built with a short policy here only to keep the test fast). */
    static class Customers {
        private static final System.Logger LOG = System.getLogger("customers");

        private final RestfaultClient client;

        Customers(RestfaultClient client) {
            this.client = client;
        }

        Optional<String> find(URI customer) {
            HttpRequest request = HttpRequest.newBuilder(customer).GET().build();
            try {
                return Optional.of(client.send(request).bodyAsString());
            } catch (ContractErrorException e) {
                String code = e.code();
                Optional<Duration> retryAfter = e.retryAfter();
                switch (e.category()) {
                    case NOT_FOUND:
                        return Optional.empty();
                    case TOO_MANY_REQUESTS:
                        throw new IllegalStateException("throttled (" + code + "), come back after "
                                + retryAfter.orElse(Duration.ofSeconds(30)), e);
                    default:
                        LOG.log(System.Logger.Level.WARNING, e.getMessage());
                        throw e;
                }
            } catch (TransportException e) {
                LOG.log(System.Logger.Level.WARNING, e.getMessage());
                throw e;
            }
        }
    }

    @Test
    void theExampleBehavesAsDocumented() throws Exception {
        try (StubServer server = StubServer.start(r -> switch (r.uri().getPath()) {
            case "/customers/1" -> Reply.text(200, "application/json", "{\"id\":1}");
            case "/customers/2" -> Reply.text(404, "application/json", "{\"code\":\"customerNotFound\",\"description\":\"No.\"}");
            case "/customers/3" -> Reply.text(429, "application/json", "{\"statusCode\":429,\"message\":\"Slow down\"}")
                    .with("Retry-After", "3600");
            default -> Reply.of(403);
        });
                RestfaultClient client = RestfaultClient.builder().locale(Locale.FRANCE).contractVersion("v1").build()) {
            Customers customers = new Customers(client);
            assertThat(customers.find(server.uri("/customers/1"))).contains("{\"id\":1}");
            assertThat(customers.find(server.uri("/customers/2"))).isEmpty();
            assertThatThrownBy(() -> customers.find(server.uri("/customers/3")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("throttled (tooManyRequests), come back after PT1H");
            assertThatThrownBy(() -> customers.find(server.uri("/customers/4")))
                    .isInstanceOf(ContractErrorException.class);
            assertThat(server.received().get(0).header("X-Locale")).isEqualTo("fr-FR");
            assertThat(server.received().get(0).header("MS-Contract-Version")).isEqualTo("v1");
        }
    }

    @Test
    void thePolicyListenerAndDecoderSnippetsWork() throws Exception {
        AtomicInteger logged = new AtomicInteger();
        RetryPolicy policy = DefaultRetryPolicy.create(RetryOptions.builder()
                .maxAttempts(4)
                .backoff(Backoff.exponential(Duration.ofMillis(200), Duration.ofSeconds(10)))
                .maxRetryAfter(Duration.ofSeconds(60))
                .deadline(Duration.ofSeconds(60))
                .budget(RetryBudget.of(10, 0.2))
                .build());
        RetryListener logging = new RetryListener() {
            private final System.Logger log = System.getLogger("partner-calls");

            @Override
            public void onFailure(RequestContext request, RestfaultException failure, RetryDecision decision,
                    Duration took) {
                log.log(System.Logger.Level.INFO, request + " -> " + decision + ": " + failure.getMessage());
                logged.incrementAndGet();
            }
        };
        try (StubServer server = StubServer.start(r -> r.index() == 0
                ? Reply.text(503, "application/json", "{\"code\":\"busy\",\"description\":\"Busy.\"}").with("Retry-After", "0")
                : Reply.of(404));
                RestfaultClient client = RestfaultClient.builder().retryPolicy(policy).listener(logging).build()) {
            HttpRequest request = HttpRequest.newBuilder(server.uri("/v1/orders")).GET().build();
            ContractErrorException notFound = org.assertj.core.api.Assertions.catchThrowableOfType(
                    ContractErrorException.class, () -> client.send(request));
            assertThat(notFound.status()).isEqualTo(404);
            assertThat(logged.get()).isEqualTo(2);

            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(ErrorDecoder.standard().decode(response).status()).isEqualTo(404);
        }
        HttpHeaders headers = HttpHeaders.of(Map.of("Retry-After", List.of("5")), (name, value) -> true);
        byte[] body = "{\"code\":\"tooManyRequests\",\"description\":\"Slow down.\"}".getBytes(UTF_8);
        ContractErrorException e = ErrorDecoder.standard().decode(429, headers, body,
                RequestContext.of("GET", URI.create("https://api.example.com/v1/orders")));
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
        assertThat(e.description()).contains("Slow down.");
    }
}
