package dev.restfault.client;

import dev.restfault.client.testing.StubServer;
import dev.restfault.client.testing.RawServer;
import dev.restfault.client.testing.RecordingListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.restfault.client.testing.StubServer.Received;
import dev.restfault.client.testing.StubServer.Reply;
import dev.restfault.client.retry.Backoff;
import dev.restfault.client.retry.DefaultRetryPolicy;
import dev.restfault.client.retry.RetryBudget;
import dev.restfault.client.retry.RetryDecision;
import dev.restfault.client.retry.RetryListener;
import dev.restfault.client.retry.RetryOptions;
import dev.restfault.client.retry.RetryPolicy;
import dev.restfault.client.retry.StopReason;
import dev.restfault.core.http.RequestIds;
import dev.restfault.core.http.RetryAfter;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The retry scenarios of the issue, against a real {@code HttpServer} on loopback. */
@Timeout(20)
class RetryTest {

    private static final String JSON = "application/json; charset=utf-8";

    /** Tiny delays so the suite takes seconds: base 5 ms, cap 20 ms. */
    private static RetryOptions.Builder fast() {
        return RetryOptions.builder().backoff(Backoff.exponential(Duration.ofMillis(5), Duration.ofMillis(20)))
                .budget(RetryBudget.unlimited());
    }

    private static Reply error(int status, String code) {
        return Reply.text(status, JSON, "{\"code\":\"" + code + "\",\"description\":\"failure " + code + "\"}");
    }

    private static HttpRequest get(StubServer server) {
        return HttpRequest.newBuilder(server.uri("/orders/1")).GET().build();
    }

    @Test
    void tooManyRequestsWithRetryAfterOneSecondIsRetriedOnceAndNotBefore() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (StubServer server = StubServer.start(r -> r.index() == 0
                ? error(429, "throttled").with("Retry-After", "1") : Reply.text(200, JSON, "{\"ok\":true}"));
                RestfaultClient client = RestfaultClient.builder()
                        .retryPolicy(DefaultRetryPolicy.create(fast().maxAttempts(5).build()))
                        .listener(listener).build()) {
            long start = System.nanoTime();
            ClientResponse response = client.send(HttpRequest.newBuilder(server.uri("/orders"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sku\":1}")).build());
            long elapsed = System.nanoTime() - start;

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyAsString()).isEqualTo("{\"ok\":true}");
            assertThat(response.request().attempt()).isEqualTo(2);
            List<Received> received = server.received();
            assertThat(received).hasSize(2);
            // Lower bounds only: the second request came no earlier than one second after the first.
            assertThat(received.get(1).nanoTime() - received.get(0).nanoTime()).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
            assertThat(elapsed).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
            assertThat(new String(received.get(1).body())).isEqualTo("{\"sku\":1}"); // body replayed
            assertThat(listener.kinds()).containsExactly("attempt", "failure", "attempt", "success");
            assertThat(listener.decisions()).containsExactly(RetryDecision.retryAfter(Duration.ofSeconds(1)));
        }
    }

    @Test
    void asyncRetryAfterDoesNotBlockTheCaller() throws Exception {
        try (StubServer server = StubServer.start(r -> r.index() == 0
                ? error(429, "throttled").with("Retry-After", "1") : Reply.of(204));
                RestfaultClient client = RestfaultClient.builder()
                        .retryPolicy(DefaultRetryPolicy.create(fast().build())).build()) {
            long start = System.nanoTime();
            CompletableFuture<ClientResponse> future = client.sendAsync(get(server));
            // sendAsync hands back a pending future: the one-second wait happens on no one's thread.
            assertThat(future).isNotDone();
            ClientResponse response = future.get(10, TimeUnit.SECONDS);
            assertThat(response.status()).isEqualTo(204);
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
            assertThat(server.received()).hasSize(2);
        }
    }

    @Test
    void serviceUnavailableWithoutRetryAfterOnPostIsNotRetriedWithTheDefaultClient() throws Exception {
        RecordingListener listener = new RecordingListener();
        // The default client generates an MS-RequestId; that id must not make the POST retryable.
        try (StubServer server = StubServer.always(error(503, "maintenance"));
                RestfaultClient client = RestfaultClient.builder()
                        .retryPolicy(DefaultRetryPolicy.create(fast().maxAttempts(5).build()))
                        .listener(listener).build()) {
            ContractErrorException e = catchThrowableOfType(ContractErrorException.class, () -> client.send(
                    HttpRequest.newBuilder(server.uri("/orders")).POST(HttpRequest.BodyPublishers.ofString("{}")).build()));
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.retryPermitted()).isFalse();
            assertThat(e.retryStop()).contains(StopReason.NOT_RETRYABLE);
            assertThat(e.attempt()).isEqualTo(1);
            assertThat(e.request().requestIdSuppliedByCaller()).isFalse();
            assertThat(server.received()).hasSize(1);
            assertThat(RequestIds.isValid(server.received().get(0).header("MS-RequestId"))).isTrue();
            assertThat(listener.decisions()).containsExactly(RetryDecision.stop(StopReason.NOT_RETRYABLE));
        }
    }

    @Test
    void internalServerErrorOnPostIsNotRetriedBecauseOfAGeneratedRequestId() throws Exception {
        try (StubServer server = StubServer.start(r -> r.index() == 0 ? error(500, "failure") : Reply.of(201));
                RestfaultClient client = RestfaultClient.builder()
                        .retryPolicy(DefaultRetryPolicy.create(fast().build())).build()) {
            ContractErrorException e = catchThrowableOfType(ContractErrorException.class, () -> client.send(
                    HttpRequest.newBuilder(server.uri("/orders")).POST(HttpRequest.BodyPublishers.ofString("{}")).build()));
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.retryStop()).contains(StopReason.NOT_RETRYABLE);
            assertThat(server.received()).hasSize(1);
            // Still sent, for tracing.
            String sent = server.received().get(0).header("MS-RequestId");
            assertThat(RequestIds.isValid(sent)).isTrue();
            assertThat(e.request().requestId()).contains(sent);
            assertThat(e.request().requestIdSuppliedByCaller()).isFalse();
        }
    }

    @Test
    void internalServerErrorOnPostIsRetriedWithTheSameIdWhenTheCallerSetIt() throws Exception {
        String id = RequestIds.generate();
        try (StubServer server = StubServer.start(r -> r.index() == 0 ? error(500, "failure") : Reply.of(201));
                RestfaultClient client = RestfaultClient.builder()
                        .retryPolicy(DefaultRetryPolicy.create(fast().build())).build()) {
            ClientResponse response = client.send(HttpRequest.newBuilder(server.uri("/orders"))
                    .header("MS-RequestId", id).POST(HttpRequest.BodyPublishers.ofString("{}")).build());
            assertThat(response.status()).isEqualTo(201);
            assertThat(response.request().requestIdSuppliedByCaller()).isTrue();
            assertThat(server.received()).hasSize(2);
            assertThat(server.received().get(0).header("MS-RequestId")).isEqualTo(id);
            assertThat(server.received().get(1).header("MS-RequestId")).isEqualTo(id);
        }
    }

    @Test
    void serviceUnavailableOnPostIsRetriedWhenTheCallerSetAnId() throws Exception {
        String id = RequestIds.generate();
        try (StubServer server = StubServer.start(r -> r.index() == 0 ? error(503, "maintenance") : Reply.of(201));
                RestfaultClient client = RestfaultClient.builder()
                        .retryPolicy(DefaultRetryPolicy.create(fast().build())).build()) {
            ClientResponse response = client.send(HttpRequest.newBuilder(server.uri("/orders"))
                    .header("MS-RequestId", id).POST(HttpRequest.BodyPublishers.ofString("{}")).build());
            assertThat(response.status()).isEqualTo(201);
            assertThat(server.received()).hasSize(2);
            assertThat(server.received().get(0).header("MS-RequestId")).isEqualTo(id);
            assertThat(server.received().get(1).header("MS-RequestId")).isEqualTo(id);
        }
    }

    @Test
    void internalServerErrorOnGetIsRetriedUpToTheLimitWithTheSameIdsAndTheLastErrorSurfaces() throws Exception {
        RecordingListener listener = new RecordingListener();
        RetryOptions options = fast().maxAttempts(4).build();
        try (StubServer server = StubServer.start(r -> error(500, "failure" + r.index()));
                RestfaultClient client = RestfaultClient.builder().retryPolicy(DefaultRetryPolicy.create(options))
                        .listener(listener).build()) {
            ContractErrorException e = catchThrowableOfType(ContractErrorException.class, () -> client.send(get(server)));

            assertThat(server.received()).hasSize(4);
            assertThat(e.code()).isEqualTo("failure3"); // the last error, not the first
            assertThat(e.attempt()).isEqualTo(4);
            assertThat(e.retryStop()).contains(StopReason.ATTEMPTS_EXHAUSTED);
            assertThat(e.getMessage()).contains("attempt 4").contains("gave up: attempt limit reached");

            // Backoff: each delay within [0, min(cap, base * 2^(n-1))].
            List<RetryDecision> decisions = listener.decisions();
            assertThat(decisions).hasSize(4);
            for (int i = 0; i < 3; i++) {
                assertThat(decisions.get(i).shouldRetry()).isTrue();
                assertThat(decisions.get(i).delay()).isBetween(Duration.ZERO, options.backoff().ceiling(i + 1));
            }
            assertThat(decisions.get(3).stopReason()).contains(StopReason.ATTEMPTS_EXHAUSTED);

            // One MS-RequestId and one MS-CorrelationId for every attempt of the logical call.
            List<String> requestIds = server.received().stream().map(r -> r.header("MS-RequestId")).toList();
            List<String> correlationIds = server.received().stream().map(r -> r.header("MS-CorrelationId")).toList();
            assertThat(requestIds).allMatch(RequestIds::isValid).containsOnly(requestIds.get(0));
            assertThat(correlationIds).allMatch(RequestIds::isValid).containsOnly(correlationIds.get(0));
            assertThat(e.requestId()).contains(requestIds.get(0));
            assertThat(e.correlationId()).contains(correlationIds.get(0));
            assertThat(listener.events.stream().map(ev -> ev.request().attempt()).distinct().toList())
                    .containsExactly(1, 2, 3, 4);

            // The next logical call gets new ids.
            catchThrowableOfType(ContractErrorException.class, () -> client.send(get(server)));
            assertThat(server.received().get(4).header("MS-RequestId")).isNotEqualTo(requestIds.get(0));
            assertThat(server.received().get(4).header("MS-CorrelationId")).isNotEqualTo(correlationIds.get(0));
        }
    }

    @Test
    void deadlineStopsRetries() throws Exception {
        RetryOptions options = fast().maxAttempts(100)
                .backoff(Backoff.exponential(Duration.ofMillis(40), Duration.ofMillis(40)))
                .deadline(Duration.ofMillis(300)).build();
        try (StubServer server = StubServer.always(error(500, "down"));
                RestfaultClient client = RestfaultClient.builder().retryPolicy(DefaultRetryPolicy.create(options)).build()) {
            // The last attempt may be cut short by the deadline itself (a header timeout, as in
            // FaultTest) or end with the server's 500: either way the deadline is what stopped it.
            RestfaultException e = catchThrowableOfType(RestfaultException.class, () -> client.send(get(server)));
            assertThat(e).isInstanceOfAny(ContractErrorException.class, TransportTimeoutException.class);
            assertThat(e.retryStop()).contains(StopReason.DEADLINE_EXCEEDED);
            assertThat(e.attempt()).isLessThan(100).isGreaterThan(1);
            // Every attempt but a last one cut short before it was sent reached the server.
            assertThat(server.received().size()).isBetween(e.attempt() - 1, e.attempt());
        }
    }

    @Test
    void budgetSharedByTheCallsOfOneClientStopsRetries() throws Exception {
        DefaultRetryPolicy policy = DefaultRetryPolicy.create(fast().maxAttempts(5).budget(RetryBudget.of(2, 0)).build());
        try (StubServer server = StubServer.always(error(500, "down"));
                RestfaultClient client = RestfaultClient.builder().retryPolicy(policy).build()) {
            ContractErrorException first = catchThrowableOfType(ContractErrorException.class, () -> client.send(get(server)));
            assertThat(first.attempt()).isEqualTo(3); // two retries: the whole budget
            assertThat(first.retryStop()).contains(StopReason.BUDGET_EXHAUSTED);

            ContractErrorException second = catchThrowableOfType(ContractErrorException.class, () -> client.send(get(server)));
            assertThat(second.attempt()).isEqualTo(1); // another call of the same client: no budget left
            assertThat(second.retryStop()).contains(StopReason.BUDGET_EXHAUSTED);
            assertThat(server.received()).hasSize(4);
            assertThat(policy.budgetRemaining()).isZero();
        }
    }

    @Test
    void endlessServiceUnavailableStopsAtTheLimit() throws Exception {
        // The official SDK loops forever here; the default policy makes three attempts.
        try (StubServer server = StubServer.always(error(503, "busy").with("Retry-After", "0"));
                RestfaultClient client = RestfaultClient.create()) {
            ContractErrorException e = catchThrowableOfType(ContractErrorException.class, () -> client.send(get(server)));
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.retryAfter()).contains(Duration.ZERO);
            assertThat(e.retryStop()).contains(StopReason.ATTEMPTS_EXHAUSTED);
            assertThat(server.received()).hasSize(RetryOptions.defaults().maxAttempts());
        }
    }

    @Test
    void retryAfterBeyondTheCapFailsFastCarryingIt() throws Exception {
        try (StubServer server = StubServer.always(error(429, "throttled").with("Retry-After", "120"));
                RestfaultClient client = RestfaultClient.builder()
                        .retryPolicy(DefaultRetryPolicy.create(fast().maxRetryAfter(Duration.ofSeconds(60)).build())).build()) {
            ContractErrorException e = catchThrowableOfType(ContractErrorException.class, () -> client.send(get(server)));
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
            assertThat(e.retryStop()).contains(StopReason.RETRY_AFTER_TOO_LONG);
            assertThat(server.received()).hasSize(1);
            assertThat(e.getMessage()).contains("retry after 2m").contains("Retry-After is longer than the policy waits");
        }
    }

    @Test
    void retryAfterBeyondADayIsNotTrustedButNotIgnoredEither() throws Exception {
        // Over RetryAfter.MAX_DELAY the value is not a delay the client will take, but the server
        // did ask to be left alone: coming back after a short backoff would be the worst answer.
        String inTwoDays = RetryAfter.toHttpDate(Instant.now().plus(Duration.ofDays(2)));
        for (String value : new String[] {"86401", "172800", "99999999999999999999", inTwoDays}) {
            for (int status : new int[] {429, 503}) {
                try (StubServer server = StubServer.always(error(status, "busy").with("Retry-After", value));
                        RestfaultClient client = RestfaultClient.builder()
                                .retryPolicy(DefaultRetryPolicy.create(fast().build())).build()) {
                    ContractErrorException e = catchThrowableOfType(ContractErrorException.class, () -> client.send(get(server)));
                    assertThat(e.retryAfter()).as(value).isEmpty();
                    assertThat(e.retryAfterBeyondMax()).as(value).isTrue();
                    assertThat(e.retryStop()).as(value).contains(StopReason.RETRY_AFTER_TOO_LONG);
                    assertThat(server.received()).as(value).hasSize(1);
                    assertThat(e.getMessage()).contains("retry after more than a day");
                }
            }
        }
        // A malformed value asks for nothing: the usual rules (here, backoff on a GET) apply.
        try (StubServer server = StubServer.always(error(503, "busy").with("Retry-After", "soon"));
                RestfaultClient client = RestfaultClient.builder().retryPolicy(DefaultRetryPolicy.create(fast().build())).build()) {
            ContractErrorException e = catchThrowableOfType(ContractErrorException.class, () -> client.send(get(server)));
            assertThat(e.retryAfterBeyondMax()).isFalse();
            assertThat(e.retryStop()).contains(StopReason.ATTEMPTS_EXHAUSTED);
        }
    }

    @Test
    void closingTheClientCancelsARetryWaitingForItsDelayWhoeverOwnsTheExecutor() throws Exception {
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newCachedThreadPool();
        java.net.http.HttpClient callersHttp = java.net.http.HttpClient.newBuilder().executor(callers).build();
        try (StubServer server = StubServer.always(error(503, "busy").with("Retry-After", "1"))) {
            List<RestfaultClient.Builder> builders = List.of(
                    RestfaultClient.builder(),
                    RestfaultClient.builder().executor(callers),
                    RestfaultClient.builder().httpClient(callersHttp));
            for (RestfaultClient.Builder builder : builders) {
                int before = server.received().size();
                RestfaultClient client = builder.retryPolicy(DefaultRetryPolicy.create(fast().build())).build();
                CompletableFuture<ClientResponse> call = client.sendAsync(get(server));
                // The first attempt is answered with Retry-After: 1; close while the retry waits.
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (server.received().size() == before && System.nanoTime() < until) {
                    Thread.sleep(10);
                }
                client.close();
                ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> call.get(5, TimeUnit.SECONDS));
                ContractErrorException last = (ContractErrorException) e.getCause();
                assertThat(last.status()).isEqualTo(503);
                assertThat(last.retryStop()).contains(StopReason.CLIENT_CLOSED);
                // Past the retry's delay: no request was made after close().
                Thread.sleep(1300);
                assertThat(server.received()).hasSize(before + 1);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aRetryAlreadyHandedToTheExecutorIsNotMadeAfterClose() throws Exception {
        // An executor that runs nothing until told: the retry is handed over, then the client
        // closes, then the executor gets to run it.
        java.util.concurrent.LinkedBlockingQueue<Runnable> queued = new java.util.concurrent.LinkedBlockingQueue<>();
        try (StubServer server = StubServer.always(error(503, "busy").with("Retry-After", "0"))) {
            RestfaultClient client = RestfaultClient.builder().executor(queued::add)
                    .retryPolicy(DefaultRetryPolicy.create(fast().build())).build();
            CompletableFuture<ClientResponse> call = client.sendAsync(get(server));
            // First the decoding of the 503 is queued; running it schedules the retry, which the
            // JDK's delay scheduler then hands over to the executor.
            Runnable decode = queued.poll(5, TimeUnit.SECONDS);
            assertThat(decode).isNotNull();
            decode.run();
            Runnable retry = queued.poll(5, TimeUnit.SECONDS);
            assertThat(retry).isNotNull();
            client.close();
            retry.run();
            ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> call.get(5, TimeUnit.SECONDS));
            assertThat(((ContractErrorException) e.getCause()).retryStop()).contains(StopReason.CLIENT_CLOSED);
            assertThat(server.received()).hasSize(1);
            assertThat(queued).isEmpty();
        }
    }

    @Test
    void neverRetriedStatusesAreNotRetriedEvenOnGet() throws Exception {
        for (int status : new int[] {400, 401, 403, 404, 405, 406, 409, 412, 501}) {
            try (StubServer server = StubServer.always(error(status, "no").with("Retry-After", "0").with("Allow", "GET"));
                    RestfaultClient client = RestfaultClient.builder()
                            .retryPolicy(DefaultRetryPolicy.create(fast().maxAttempts(5).build())).build()) {
                ContractErrorException e = catchThrowableOfType(ContractErrorException.class, () -> client.send(get(server)));
                assertThat(e.status()).isEqualTo(status);
                assertThat(e.retryStop()).as("status %d", status).contains(StopReason.NOT_RETRYABLE);
                assertThat(server.received()).as("status %d", status).hasSize(1);
            }
        }
    }

    @Test
    void cancellingAnAsyncCallStopsItsRetries() throws Exception {
        CountDownLatch firstFailure = new CountDownLatch(1);
        try (StubServer server = StubServer.always(error(429, "throttled").with("Retry-After", "1"));
                RestfaultClient client = RestfaultClient.builder()
                        .retryPolicy(DefaultRetryPolicy.create(fast().build()))
                        .listener(new RetryListener() {
                            @Override
                            public void onFailure(RequestContext r, RestfaultException f, RetryDecision d, Duration t) {
                                firstFailure.countDown();
                            }
                        }).build()) {
            CompletableFuture<ClientResponse> future = client.sendAsync(get(server));
            assertThat(firstFailure.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(future.cancel(true)).isTrue();
            Thread.sleep(1300); // past the Retry-After: a retry would have reached the server by now
            assertThat(server.received()).hasSize(1);
            assertThat(future).isCancelled();
        }
    }

    @Test
    void aThrowingListenerDoesNotBreakTheCall() throws Exception {
        try (StubServer server = StubServer.start(r -> r.index() == 0 ? error(500, "x") : Reply.of(200));
                RestfaultClient client = RestfaultClient.builder()
                        .retryPolicy(DefaultRetryPolicy.create(fast().build()))
                        .listener(new RetryListener() {
                            @Override
                            public void onAttempt(RequestContext request) {
                                throw new IllegalStateException("listener bug");
                            }

                            @Override
                            public void onFailure(RequestContext r, RestfaultException f, RetryDecision d, Duration t) {
                                throw new IllegalStateException("listener bug");
                            }
                        }).build()) {
            assertThat(client.send(get(server)).status()).isEqualTo(200);
        }
    }

    @Test
    void aThrowingPolicyFailsTheCallWithItsException() throws Exception {
        RetryPolicy broken = context -> {
            throw new IllegalStateException("policy bug");
        };
        try (StubServer server = StubServer.always(error(500, "x"));
                RestfaultClient client = RestfaultClient.builder().retryPolicy(broken).build()) {
            CompletableFuture<ClientResponse> f = client.sendAsync(get(server));
            Throwable t = catchThrowableOfType(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS)).getCause();
            assertThat(t).isInstanceOf(IllegalStateException.class).hasMessage("policy bug");
        }
    }

    /** An Error is no exception to the listener's promise: the outcome stays the server's. */
    @Test
    void aListenerThrowingAnErrorDoesNotChangeTheOutcome() throws Exception {
        RetryListener asserting = new RetryListener() {
            @Override
            public void onAttempt(RequestContext request) {
                throw new AssertionError("listener assertion");
            }

            @Override
            public void onSuccess(RequestContext request, int status, Duration duration) {
                throw new AssertionError("listener assertion");
            }

            @Override
            public void onFailure(RequestContext r, RestfaultException f, RetryDecision d, Duration t) {
                throw new AssertionError("listener assertion");
            }
        };
        try (StubServer server = StubServer.start(r -> r.index() == 0 ? error(500, "x") : Reply.of(200));
                RestfaultClient client = RestfaultClient.builder()
                        .retryPolicy(DefaultRetryPolicy.create(fast().build())).listener(asserting).build()) {
            assertThat(client.sendAsync(get(server)).get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(server.received()).hasSize(2);
        }
        try (StubServer server = StubServer.always(Reply.of(200));
                RestfaultClient client = RestfaultClient.builder().listener(asserting).build()) {
            assertThat(client.sendAsync(get(server)).get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
    }

    @Test
    void aPolicyThrowingAnErrorFailsTheCallWithIt() throws Exception {
        RetryPolicy broken = context -> {
            throw new AssertionError("policy assertion");
        };
        try (StubServer server = StubServer.always(error(500, "x"));
                RestfaultClient client = RestfaultClient.builder().retryPolicy(broken).build()) {
            CompletableFuture<ClientResponse> f = client.sendAsync(get(server));
            Throwable t = catchThrowableOfType(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS)).getCause();
            assertThat(t).isInstanceOf(AssertionError.class).hasMessage("policy assertion");
            assertThat(catchThrowableOfType(AssertionError.class, () -> client.send(get(server)))).hasMessage("policy assertion");
        }
    }

    /** A delay past the deadline, even one too long for a timer to take, stops the call at once. */
    @Test
    void aRetryAfterPastThePolicysDeadlineEndsTheCall() throws Exception {
        RetryPolicy eternal = new RetryPolicy() {
            @Override
            public RetryDecision onFailure(dev.restfault.client.retry.RetryContext context) {
                return RetryDecision.retryAfter(Duration.ofSeconds(Long.MAX_VALUE));
            }

            @Override
            public java.util.Optional<Duration> deadline() {
                return java.util.Optional.of(Duration.ofSeconds(30));
            }
        };
        RecordingListener listener = new RecordingListener();
        try (StubServer server = StubServer.always(error(503, "x"));
                RestfaultClient client = RestfaultClient.builder().retryPolicy(eternal).listener(listener).build()) {
            CompletableFuture<ClientResponse> f = client.sendAsync(get(server));
            Throwable t = catchThrowableOfType(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS)).getCause();
            assertThat(t).isInstanceOf(ContractErrorException.class);
            assertThat(((ContractErrorException) t).retryStop()).contains(StopReason.DEADLINE_EXCEEDED);
            assertThat(((ContractErrorException) t).attempt()).isEqualTo(1);
            assertThat(listener.decisions()).containsExactly(RetryDecision.stop(StopReason.DEADLINE_EXCEEDED));
            assertThat(server.received()).hasSize(1);
        }
    }

    /** Without a deadline, the wait is cut to a day: pending, cancellable, no overflow anywhere. */
    @Test
    void aRetryAfterBeyondADayWithoutADeadlineIsCutToADay() throws Exception {
        RetryPolicy eternal = context -> RetryDecision.retryAfter(Duration.ofSeconds(Long.MAX_VALUE));
        RecordingListener listener = new RecordingListener();
        try (StubServer server = StubServer.always(error(503, "x"));
                RestfaultClient client = RestfaultClient.builder().retryPolicy(eternal).listener(listener).build()) {
            CompletableFuture<ClientResponse> f = client.sendAsync(get(server));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (listener.decisions().isEmpty() && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertThat(listener.decisions()).containsExactly(RetryDecision.retryAfter(RetryAfter.MAX_DELAY));
            assertThat(f).isNotDone();
            f.cancel(true);
            assertThat(f).isCancelled();
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void aRejectingExecutorEndsTheCallInsteadOfLeavingItPending() throws Exception {
        java.util.concurrent.ExecutorService shutDown = java.util.concurrent.Executors.newSingleThreadExecutor();
        shutDown.shutdown();
        try (StubServer server = StubServer.always(error(500, "down"));
                RestfaultClient client = RestfaultClient.builder().executor(shutDown)
                        .retryPolicy(DefaultRetryPolicy.create(fast().build())).build()) {
            CompletableFuture<ClientResponse> f = client.sendAsync(get(server));
            Throwable t = catchThrowableOfType(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS)).getCause();
            assertThat(t).isInstanceOf(ContractErrorException.class);
            assertThat(((ContractErrorException) t).attempt()).isEqualTo(1);
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void concurrentCallsShareOneBudgetExactly() throws Exception {
        DefaultRetryPolicy policy = DefaultRetryPolicy.create(fast().maxAttempts(10).budget(RetryBudget.of(5, 0)).build());
        try (StubServer server = StubServer.always(error(500, "down"));
                RestfaultClient client = RestfaultClient.builder().retryPolicy(policy).build()) {
            List<CompletableFuture<ClientResponse>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(client.sendAsync(get(server)));
            }
            int attempts = 0;
            for (CompletableFuture<ClientResponse> call : calls) {
                Throwable t = catchThrowableOfType(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS)).getCause();
                attempts += ((ContractErrorException) t).attempt();
            }
            // Twenty first attempts and exactly the five retries the budget holds, however they interleave.
            assertThat(attempts).isEqualTo(25);
            assertThat(server.received()).hasSize(25);
            assertThat(policy.budgetRemaining()).isZero();
        }
    }

    @Test
    void aRetrysCallbacksDoNotRunOnTheJdkDelaySchedulerThread() throws Exception {
        List<String> attemptThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> outcomeThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (StubServer server = StubServer.start(r -> r.index() == 0 ? error(500, "once") : Reply.of(204));
                RestfaultClient client = RestfaultClient.builder().retryPolicy(DefaultRetryPolicy.create(fast().build()))
                        .listener(new RetryListener() {
                            @Override
                            public void onAttempt(RequestContext request) {
                                attemptThreads.add(Thread.currentThread().getName());
                            }

                            @Override
                            public void onFailure(RequestContext r, RestfaultException f, RetryDecision d, Duration t) {
                                outcomeThreads.add(Thread.currentThread().getName());
                            }

                            @Override
                            public void onSuccess(RequestContext request, int status, Duration took) {
                                outcomeThreads.add(Thread.currentThread().getName());
                            }
                        }).build()) {
            assertThat(client.send(get(server)).status()).isEqualTo(204);
            assertThat(attemptThreads).hasSize(2);
            // The second attempt starts after the backoff delay: on the client's own executor.
            assertThat(attemptThreads.get(1)).startsWith("restfault-client-")
                    .doesNotContain("CompletableFutureDelayScheduler");
            assertThat(outcomeThreads).hasSize(2).allSatisfy(name -> assertThat(name).startsWith("restfault-client-"));
        }
    }

    @Test
    void aBodyTimeoutsOutcomeIsNotReportedOnTheJdkDelaySchedulerThread() throws Exception {
        List<String> failureThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (RawServer stalling = RawServer.start((s, srv) -> {
                    RawServer.readHead(s);
                    s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{".getBytes(
                            java.nio.charset.StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    srv.awaitClientClose(s, 10_000);
                });
                RestfaultClient client = RestfaultClient.builder().bodyTimeout(Duration.ofMillis(100))
                        .retryPolicy(RetryPolicy.never()).listener(new RetryListener() {
                            @Override
                            public void onFailure(RequestContext r, RestfaultException f, RetryDecision d, Duration t) {
                                failureThreads.add(Thread.currentThread().getName());
                            }
                        }).build()) {
            Throwable t = catchThrowableOfType(TransportTimeoutException.class,
                    () -> client.send(HttpRequest.newBuilder(stalling.uri("/s")).build()));
            assertThat(t).isNotNull();
            // The body timer fires on the scheduler thread; the listener must not run there.
            assertThat(failureThreads).singleElement().asString().startsWith("restfault-client-");
        }
    }

    /**
     * Dependent stages run on the client's threads: callers that block there with a synchronous
     * call (more of them than a fixed pool would have) must not starve the completions they
     * wait for.
     */
    @Test
    void synchronousCallsFromDependentStagesDoNotDeadlock() throws Exception {
        try (StubServer server = StubServer.always(Reply.text(200, "text/plain", "ok"));
                RestfaultClient client = RestfaultClient.builder().build()) {
            List<CompletableFuture<String>> nested = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                nested.add(client.sendAsync(get(server)).thenApply(first -> client.send(get(server)).bodyAsString()));
            }
            for (CompletableFuture<String> f : nested) {
                assertThat(f.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("ok");
            }
            assertThat(server.received()).hasSize(12);
        }
    }

    @Test
    void aSlowListenerDoesNotHoldUpAnotherClientsBodyTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        try (StubServer failing = StubServer.start(r -> r.index() == 0 ? error(500, "once") : Reply.of(204));
                RawServer stalling = RawServer.start((s, srv) -> {
                    RawServer.readHead(s);
                    s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{".getBytes(
                            java.nio.charset.StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    srv.awaitClientClose(s, 10_000);
                });
                RestfaultClient slow = RestfaultClient.builder().retryPolicy(DefaultRetryPolicy.create(fast().build()))
                        .listener(new RetryListener() {
                            @Override
                            public void onAttempt(RequestContext request) {
                                if (request.attempt() == 2) {
                                    blocked.countDown();
                                    try {
                                        release.await(15, TimeUnit.SECONDS);
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                }
                            }
                        }).build();
                RestfaultClient other = RestfaultClient.builder().bodyTimeout(Duration.ofMillis(200))
                        .retryPolicy(RetryPolicy.never()).build()) {
            CompletableFuture<ClientResponse> slowCall = slow.sendAsync(get(failing));
            try {
                assertThat(blocked.await(10, TimeUnit.SECONDS)).as("the retry's listener is running").isTrue();
                // While that listener blocks, the other client's body timer must still fire.
                CompletableFuture<ClientResponse> stalled = other.sendAsync(HttpRequest.newBuilder(stalling.uri("/s")).build());
                Throwable t = catchThrowableOfType(ExecutionException.class, () -> stalled.get(8, TimeUnit.SECONDS)).getCause();
                assertThat(t).isInstanceOf(TransportTimeoutException.class);
                assertThat(((TransportTimeoutException) t).phase()).isEqualTo(TransportTimeoutException.Phase.RESPONSE_BODY);
            } finally {
                release.countDown();
            }
            assertThat(slowCall.get(10, TimeUnit.SECONDS).status()).isEqualTo(204);
        }
    }
}
