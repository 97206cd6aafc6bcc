package dev.restfault.client.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.restfault.client.ClientContract;
import dev.restfault.client.ConnectionResetException;
import dev.restfault.client.ContractErrorException;
import dev.restfault.client.retry.Backoff;
import dev.restfault.client.retry.DefaultRetryPolicy;
import dev.restfault.client.retry.RetryBudget;
import dev.restfault.client.retry.RetryOptions;
import dev.restfault.client.retry.StopReason;
import dev.restfault.core.catalog.ErrorCategory;
import dev.restfault.json.DecodedError;
import dev.restfault.json.ErrorBodyException.Reason;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The scenarios every client integration runs against the real sandbox ({@link SandboxProcess}):
 * the three formats, localization through {@code X-Locale}, the challenge, ids echoed, 429 with
 * {@code Retry-After} honoured, a {@code POST} not retried, a {@code GET} retried, the broken
 * bodies of the simulation (HTML, truncated, empty) and a reset, and real resource errors (an
 * unknown customer, a read-only token writing, a taken domain).
 */
public final class SandboxCases {

    /** One way of calling: the integration under test sends the request with the contract. */
    @FunctionalInterface
    public interface Caller {
        /**
         * Sends {@code method uri} with {@code headers} and {@code body} (null for none) and
         * returns the response body of a success; throws what the integration throws otherwise.
         */
        String call(ClientContract contract, String method, URI uri, Map<String, String> headers, String body) throws Exception;
    }

    /** One scenario. */
    public record Case(String name, int maxAttempts, String method, String path, Map<String, String> headers, String body,
            Consumer<Throwable> check) {
        @Override
        public String toString() {
            return name;
        }

        /** Runs the scenario through {@code caller} against {@code sandbox}. */
        public void run(SandboxProcess sandbox, Caller caller) {
            ClientContract contract = ClientContract.builder().locale(Locale.FRANCE)
                    .retryPolicy(DefaultRetryPolicy.create(RetryOptions.builder().maxAttempts(maxAttempts)
                            .backoff(Backoff.exponential(Duration.ofMillis(5), Duration.ofMillis(20)))
                            .budget(RetryBudget.unlimited()).build()))
                    .build();
            long start = System.nanoTime();
            Throwable t = catchThrowable(() -> caller.call(contract, method, sandbox.uri(path), headers, body));
            assertThat(t).as(name).isNotNull();
            if (t instanceof ContractErrorException) {
                ContractErrorException e = (ContractErrorException) t;
                // The sandbox echoes valid ids: the exception quotes the ids the integration sent.
                assertThat(e.requestId()).as(name).isPresent().isEqualTo(e.request().requestId());
                assertThat(e.correlationId()).as(name).isPresent().isEqualTo(e.request().correlationId());
                if (name.startsWith("429")) {
                    assertThat(System.nanoTime() - start).as(name + ": waited Retry-After").isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
                }
            }
            check.accept(t);
        }
    }

    private SandboxCases() {
    }

    private static Consumer<Throwable> error(Consumer<ContractErrorException> check) {
        return t -> {
            assertThat(t).isInstanceOf(ContractErrorException.class);
            check.accept((ContractErrorException) t);
        };
    }

    public static List<Case> all() {
        Map<String, String> none = Map.of();
        Map<String, String> rw = Map.of("Authorization", "Bearer " + SandboxProcess.RW_TOKEN, "Content-Type", "application/json");
        Map<String, String> ro = Map.of("Authorization", "Bearer " + SandboxProcess.RO_TOKEN, "Content-Type", "application/json");
        return List.of(
                new Case("404 in French, Partner Center format", 1, "GET", "/v1/simulate/404", none, null, error(e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.NOT_FOUND);
                    assertThat(e.code()).isEqualTo("notFound");
                    assertThat(e.contentLanguage()).contains(Locale.FRANCE);
                    assertThat(e.description()).hasValueSatisfying(d -> assertThat(d).contains("ressource"));
                    assertThat(e.source()).contains("restfault-sandbox");
                    assertThat(e.error()).map(DecodedError::shape).contains(DecodedError.Shape.PARTNER_CENTER);
                })),
                new Case("409 in the Partner API format", 1, "GET", "/partner/v1/simulate/409", none, null, error(e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.CONFLICT);
                    assertThat(e.error()).map(DecodedError::shape).contains(DecodedError.Shape.PARTNER_API);
                    assertThat(e.source()).contains("restfault-sandbox");
                })),
                new Case("412 as problem details, with its ETag", 1, "GET", "/v1/simulate/412?format=problem", none, null, error(e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.PRECONDITION_FAILED);
                    assertThat(e.error()).map(DecodedError::shape).contains(DecodedError.Shape.PROBLEM_DETAILS);
                    assertThat(e.headers().firstValue("ETag")).isPresent();
                })),
                new Case("401 with the OAuth challenge", 1, "GET", "/v1/simulate/401", none, null, error(e -> {
                    assertThat(e.challenge()).flatMap(c -> c.cid()).contains(SandboxProcess.CID);
                })),
                new Case("429 with Retry-After honoured", 2, "GET", "/v1/simulate/429?retryAfter=1", none, null, error(e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
                    assertThat(e.attempt()).isEqualTo(2);
                    assertThat(e.retryStop()).contains(StopReason.ATTEMPTS_EXHAUSTED);
                })),
                new Case("POST 500 not retried", 3, "POST", "/v1/simulate/500", Map.of("Content-Type", "application/json"), "{}",
                        error(e -> {
                            assertThat(e.attempt()).isEqualTo(1);
                            assertThat(e.retryStop()).contains(StopReason.NOT_RETRYABLE);
                        })),
                new Case("GET 500 retried to the limit", 2, "GET", "/v1/simulate/500", none, null, error(e -> {
                    assertThat(e.attempt()).isEqualTo(2);
                    assertThat(e.retryStop()).contains(StopReason.ATTEMPTS_EXHAUSTED);
                })),
                new Case("502 HTML from a gateway", 1, "GET", "/v1/simulate/502?fault=html", none, null, error(e -> {
                    assertThat(e.bodyFailure()).contains(Reason.NOT_JSON);
                    assertThat(e.body().mediaType()).contains("text/html");
                    assertThat(e.getMessage()).doesNotContain("<html");
                })),
                new Case("503 with a truncated body", 1, "GET", "/v1/simulate/503?fault=truncated", none, null, error(e -> {
                    assertThat(e.bodyFailure()).contains(Reason.TRUNCATED);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
                })),
                new Case("504 with an empty body", 1, "GET", "/v1/simulate/504?fault=empty", none, null, error(e -> {
                    assertThat(e.bodyFailure()).contains(Reason.EMPTY);
                    assertThat(e.code()).isEqualTo("gatewayTimeout");
                })),
                new Case("a reset connection", 1, "GET", "/v1/simulate/500?fault=reset", none, null, t -> {
                    assertThat(t).isInstanceOf(ConnectionResetException.class);
                    assertThat(((ConnectionResetException) t).retryStop()).contains(StopReason.ATTEMPTS_EXHAUSTED);
                }),
                new Case("an unknown customer", 1, "GET", "/v1/customers/c0000000-0000-4000-8000-00000000dead", rw, null,
                        error(e -> {
                            assertThat(e.status()).isEqualTo(404);
                            assertThat(e.description()).hasValueSatisfying(d -> assertThat(d).contains("c0000000-0000-4000-8000-00000000dead"));
                        })),
                new Case("a read-only token writing", 1, "POST", "/v1/customers", ro,
                        "{\"companyName\":\"Northwind\",\"email\":\"ops@northwind.example\",\"domain\":\"northwind.example\"}",
                        error(e -> assertThat(e.category()).isEqualTo(ErrorCategory.FORBIDDEN))),
                new Case("a taken domain", 1, "POST", "/v1/customers", rw,
                        "{\"companyName\":\"Contoso 2\",\"email\":\"a@contoso.example\",\"domain\":\"contoso.example\"}",
                        error(e -> {
                            assertThat(e.category()).isEqualTo(ErrorCategory.CONFLICT);
                            assertThat(e.code()).isEqualTo("domainTaken");
                        })));
    }
}
