package dev.restfault.sandbox;

import static dev.restfault.sandbox.RunningSandbox.CONTOSO;
import static dev.restfault.sandbox.RunningSandbox.RO;
import static dev.restfault.sandbox.RunningSandbox.RW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.sandbox.guard.ConcurrencyLimiter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bounds that keep anonymous callers from knocking the sandbox offline: delayed simulations
 * and direct calls to the built-in upstream each have their own small bound, separate from the
 * API's bound on requests in flight, and the upstream answers loopback callers only. Its own
 * sandbox, because saturating a bound is state shared by every test: the API bound is 2 (below
 * the 4 delayed simulations allowed, so a simulation holding an API slot would show), the
 * upstream answers 2 calls at once, and forwarded headers are honoured so that a request over
 * loopback can stand for a remote caller ({@code X-Forwarded-For}).
 */
class GuardsEndToEndTest {

    static final int MAX_IN_FLIGHT = 2;
    static final int MAX_DELAYED = 4;
    static final int MAX_UPSTREAM_CALLS = 2;

    private static RunningSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = RunningSandbox.start(
                "--sandbox.rate-limit.requests=1000000",
                "--sandbox.concurrency.max-requests=" + MAX_IN_FLIGHT,
                "--sandbox.upstream.max-calls=" + MAX_UPSTREAM_CALLS,
                "--sandbox.upstream.timeout=1s", // the slow upstream holds each call 2 s
                "--server.forward-headers-strategy=native",
                "--logging.level.dev.restfault.spring=OFF", "--logging.level.dev.restfault.server=OFF");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void delayedSimulationsHaveTheirOwnBoundAndLeaveTheApiAlone() throws Exception {
        ConcurrencyLimiter delayed = sandbox.bean(ConcurrencyLimiter.DELAYED_SIMULATIONS, ConcurrencyLimiter.class);
        ConcurrencyLimiter api = sandbox.bean(ConcurrencyLimiter.class);
        assertThat(delayed.max()).as("the default bound").isEqualTo(MAX_DELAYED);
        // The holders wait 4 s: time enough for the checks below on a busy machine.
        List<CompletableFuture<Reply>> holders = holdConcurrently(MAX_DELAYED,
                () -> sandbox.get("/v1/simulate/418?delay=4000").send());
        try {
            awaitInFlight(delayed, MAX_DELAYED);
            assertThat(api.inFlight()).as("simulations hold no API slot").isZero();

            // Anonymous delayed simulations, more than the API's whole bound, do not stop the API.
            Reply customers = sandbox.get("/v1/customers").token(RO).send();
            assertThat(customers.status()).as("%s", customers).isEqualTo(200);

            // One more delayed simulation is refused at once, as a contract error, in the
            // format and language asked for; simulations without a delay still answer.
            for (Locale locale : SupportedLocales.ALL) {
                Reply busy = sandbox.get("/v1/simulate/404?delay=10&format=problem")
                        .header("X-Locale", locale.toLanguageTag()).send();
                ErrorCheck.of(busy, 503, ErrorFormat.PROBLEM_DETAILS, locale).code("overloaded").header("Retry-After", "2")
                        .description(l -> ExpectedTexts.text(Texts.SIMULATIONS_BUSY, l, MAX_DELAYED));
            }
            Reply partnerApi = sandbox.get("/partner/v1/simulate/404?delay=10").send();
            ErrorCheck.of(partnerApi, 503, ErrorFormat.PARTNER_API, SupportedLocales.EN_US).code("overloaded");
            assertThat(sandbox.get("/v1/simulate/404").send().status()).isEqualTo(404);

            for (CompletableFuture<Reply> h : holders) {
                assertThat(h.get(20, TimeUnit.SECONDS).status()).isEqualTo(418);
            }
            awaitInFlight(delayed, 0);
            assertThat(sandbox.get("/v1/simulate/404?delay=10").send().status()).as("a slot is free again").isEqualTo(404);
        } finally {
            CompletableFuture.allOf(holders.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void theBuiltInUpstreamAnswersLoopbackCallersOnly() {
        Reply local = sandbox.get("/upstream/credit/" + CONTOSO).send();
        assertThat(local.status()).as("%s", local).isEqualTo(200);
        assertThat(local.json().path("customerId").asString()).isEqualTo(CONTOSO);

        for (String remote : List.of("203.0.113.7", "2001:db8::7")) {
            Reply refused = sandbox.get("/upstream/credit/" + CONTOSO).header("X-Forwarded-For", remote)
                    .header("X-Locale", "fr-FR").send();
            ErrorCheck.of(refused, 403, ErrorFormat.PARTNER_CENTER, SupportedLocales.FR_FR).code("forbidden")
                    .description(l -> ExpectedTexts.text(Texts.UPSTREAM_LOOPBACK_ONLY, l));
            assertThat(refused.body()).doesNotContain(remote);
        }
        // The sandbox's own calls still go through.
        assertThat(sandbox.get("/v1/customers/" + CONTOSO + "/credit").token(RW).send().status()).isEqualTo(200);
    }

    /** An id that is no GUID: the built-in upstream's 404 is a contract error, in the caller's language. */
    @ParameterizedTest
    @ValueSource(strings = {"en-US", "fr-FR", "ja-JP", "zh-TW"})
    void theBuiltInUpstreamAnswersAnUnknownIdWithAContract404(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        Reply r = sandbox.get("/upstream/credit/not-a-customer").header("X-Locale", tag).send();
        ErrorCheck.of(r, 404, ErrorFormat.PARTNER_CENTER, locale).code("notFound")
                .description(l -> ExpectedTexts.text(Texts.UPSTREAM_UNKNOWN_CUSTOMER, l));
        assertThat(r.body()).doesNotContain("not-a-customer");
    }

    @Test
    void theBuiltInUpstreamAnswersABoundedNumberOfCallsAtOnce() throws Exception {
        ConcurrencyLimiter calls = sandbox.bean(ConcurrencyLimiter.UPSTREAM_CALLS, ConcurrencyLimiter.class);
        assertThat(calls.max()).isEqualTo(MAX_UPSTREAM_CALLS);
        setUpstream("slow");
        List<CompletableFuture<Reply>> holders = new ArrayList<>();
        try {
            holders.addAll(holdConcurrently(MAX_UPSTREAM_CALLS, () -> sandbox.get("/upstream/credit/" + CONTOSO).send()));
            awaitInFlight(calls, MAX_UPSTREAM_CALLS);
            Reply busy = sandbox.get("/upstream/credit/" + CONTOSO).header("X-Locale", "ja-JP").send();
            ErrorCheck.of(busy, 503, ErrorFormat.PARTNER_CENTER, SupportedLocales.JA_JP).code("overloaded")
                    .header("Retry-After", "2")
                    .description(l -> ExpectedTexts.text(Texts.UPSTREAM_BUSY, l, MAX_UPSTREAM_CALLS));
            // The API is untouched by it: the slow upstream's callers hold no API slot.
            assertThat(sandbox.get("/v1/customers").token(RO).send().status()).isEqualTo(200);
            for (CompletableFuture<Reply> h : holders) {
                assertThat(h.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
            awaitInFlight(calls, 0);
        } finally {
            setUpstream("ok");
            CompletableFuture.allOf(holders.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get(20, TimeUnit.SECONDS);
        }
    }

    private static void setUpstream(String mode) {
        Reply r = sandbox.call("PUT", "/v1/admin/upstream").token(RW).json("{\"mode\":\"" + mode + "\"}").send();
        assertThat(r.status()).as("%s", r).isEqualTo(200);
    }

    /** Starts {@code n} copies of {@code call} at once, each on its own thread. */
    private static List<CompletableFuture<Reply>> holdConcurrently(int n, Supplier<Reply> call) {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<CompletableFuture<Reply>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(CompletableFuture.supplyAsync(call, pool));
        }
        pool.shutdown(); // the threads end with their calls
        return out;
    }

    /** Waits, at most 10 s, until {@code expected} are in flight. */
    private static void awaitInFlight(ConcurrencyLimiter limiter, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (limiter.inFlight() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(limiter.inFlight()).isEqualTo(expected);
    }
}
