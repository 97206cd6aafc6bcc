package dev.restfault.throttling;

import static dev.restfault.throttling.Requests.bySubject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.core.exception.ContractException;
import dev.restfault.core.i18n.ContractMessages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The decisions of a throttle on the in-memory store, with a clock moved by hand. */
class ThrottleTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final InMemoryThrottleStore store = InMemoryThrottleStore.builder().nanoClock(nanos::get).build();

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    private static RateLimit perSubject(long capacity, long tokens, Duration period, RefillStyle style) {
        return RateLimit.builder("per-subject").capacity(capacity).refill(tokens, period, style).key(CallerKeyResolver.subject()).build();
    }

    private Throttle throttle(RateLimit... limits) {
        return Throttle.builder().limits(List.of(limits)).store(store).build();
    }

    private static ContractException rejection(ThrottleDecision d) {
        assertThat(d.permitted()).as("refused").isFalse();
        return d.rejection().orElseThrow();
    }

    @Test
    void permitsUpToCapacityThenAnswers429WithTheContractsHeaders() {
        Throttle throttle = throttle(perSubject(3, 3, Duration.ofSeconds(30), RefillStyle.GREEDY));
        for (int i = 0; i < 3; i++) {
            ThrottleDecision d = throttle.check(bySubject("alice"));
            assertThat(d.permitted()).isTrue();
            assertThat(d.rejection()).isEmpty();
            assertThat(d.headers()).isEmpty();
        }
        ThrottleDecision refused = throttle.check(bySubject("alice"));
        ContractException e = rejection(refused);
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.code()).isEqualTo("tooManyRequests");
        assertThat(e.description()).as("resolved and localized when rendered").isEmpty();
        // 3 per 30 s, greedy: the next token comes 10 s after the first was spent.
        assertThat(e.headers()).containsEntry("Retry-After", "10");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(10));
        assertThat(refused.limit().map(RateLimit::name)).contains("per-subject");
        assertThat(throttle.check(bySubject("bob")).permitted()).as("another caller has its own bucket").isTrue();
    }

    @Test
    void retryAfterIsTheTimeToTheNextPermitRoundedUpAndNeverZero() {
        Throttle throttle = throttle(perSubject(1, 1, Duration.ofMillis(2500), RefillStyle.GREEDY));
        assertThat(throttle.check(bySubject("a")).permitted()).isTrue();

        assertThat(rejection(throttle.check(bySubject("a"))).headers()).containsEntry("Retry-After", "3"); // 2.5 s
        advance(Duration.ofMillis(1400));
        assertThat(rejection(throttle.check(bySubject("a"))).headers()).containsEntry("Retry-After", "2"); // 1.1 s
        advance(Duration.ofMillis(1099));
        // 1 ms left: rounded up to a whole second, never 0 (a client told 0 would come back at once).
        assertThat(rejection(throttle.check(bySubject("a"))).headers()).containsEntry("Retry-After", "1");
        advance(Duration.ofMillis(1));
        assertThat(throttle.check(bySubject("a")).permitted()).as("exactly when the token is back").isTrue();
    }

    @Test
    void aClientThatWaitsExactlyRetryAfterGetsThrough_andOneThatComesBackASecondEarlierDoesNot() {
        for (RefillStyle style : RefillStyle.values()) {
            for (long periodMillis : new long[] {1, 999, 1000, 1001, 7_300, 59_999, 86_400_000}) {
                AtomicLong clock = new AtomicLong(5_000_000_000L);
                Throttle throttle = Throttle.builder()
                        .limit(RateLimit.builder("l").capacity(2).refill(2, Duration.ofMillis(periodMillis), style).key(CallerKeyResolver.shared()).build())
                        .store(InMemoryThrottleStore.builder().nanoClock(clock::get).build())
                        .build();
                ThrottledRequest r = Requests.get("/x");
                throttle.check(r);
                clock.addAndGet(Duration.ofMillis(periodMillis / 3).toNanos());
                throttle.check(r);
                long at = clock.get();
                ThrottleDecision refused = throttle.check(r);
                if (refused.permitted()) {
                    continue; // periods short enough to have refilled already
                }
                long seconds = Long.parseLong(refused.rejection().orElseThrow().headers().get("Retry-After"));
                assertThat(seconds).as("%s %d ms", style, periodMillis).isBetween(1L, 86_400L);
                if (seconds > 1) {
                    clock.set(at + Duration.ofSeconds(seconds - 1).toNanos());
                    assertThat(throttle.check(r).permitted()).as("%s %d ms: a second early is still too early", style, periodMillis).isFalse();
                }
                clock.set(at + Duration.ofSeconds(seconds).toNanos());
                assertThat(throttle.check(r).permitted()).as("%s %d ms: Retry-After later", style, periodMillis).isTrue();
            }
        }
    }

    @Test
    void intervalRefillGivesBackTheWholePeriodAtOnce() {
        Throttle throttle = throttle(perSubject(5, 5, Duration.ofSeconds(60), RefillStyle.INTERVAL));
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.check(bySubject("a")).permitted()).isTrue();
        }
        advance(Duration.ofSeconds(20));
        assertThat(rejection(throttle.check(bySubject("a"))).headers()).containsEntry("Retry-After", "40");
        advance(Duration.ofSeconds(40));
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.check(bySubject("a")).permitted()).isTrue();
        }
        assertThat(throttle.check(bySubject("a")).permitted()).isFalse();
    }

    @Test
    void rateLimitHeadersFollowTheIetfDraft() {
        Throttle throttle = Throttle.builder()
                .limit(perSubject(3, 3, Duration.ofSeconds(30), RefillStyle.GREEDY))
                .limit(RateLimit.builder("per-address").capacity(100).refill(100, Duration.ofMinutes(1))
                        .key(CallerKeyResolver.clientAddress()).build())
                .store(store)
                .rateLimitHeaders(true)
                .build();
        ThrottleDecision first = throttle.check(bySubject("alice"));
        assertThat(first.headers()).containsExactly(
                org.assertj.core.api.Assertions.entry("RateLimit-Policy", "\"per-subject\";q=3;w=30, \"per-address\";q=100;w=60"),
                org.assertj.core.api.Assertions.entry("RateLimit", "\"per-subject\";r=2;t=10, \"per-address\";r=99;t=1"));
        List<String> walked = new ArrayList<>();
        first.forEachHeader((name, value) -> walked.add(name + ": " + value));
        assertThat(walked).containsExactly("RateLimit-Policy: \"per-subject\";q=3;w=30, \"per-address\";q=100;w=60",
                "RateLimit: \"per-subject\";r=2;t=10, \"per-address\";r=99;t=1");
        ThrottleDecision second = throttle.check(bySubject("alice"));
        assertThat(second.headers()).containsEntry("RateLimit", "\"per-subject\";r=1;t=20, \"per-address\";r=98;t=2");
        throttle.check(bySubject("alice"));
        ContractException e = rejection(throttle.check(bySubject("alice")));
        assertThat(e.headers())
                .containsEntry("Retry-After", "10")
                .containsEntry("RateLimit-Policy", "\"per-subject\";q=3;w=30")
                .containsEntry("RateLimit", "\"per-subject\";r=0;t=10");
        for (String value : new String[] {first.headers().get("RateLimit"), first.headers().get("RateLimit-Policy"), e.headers().get("RateLimit")}) {
            // RFC 9651 list of items: sf-string with integer parameters.
            assertThat(value).matches("\"[A-Za-z0-9._-]+\"(;[a-z]+=[0-9]{1,15})+(, \"[A-Za-z0-9._-]+\"(;[a-z]+=[0-9]{1,15})+)*");
        }
    }

    @Test
    void aBucketFullAgainWithinASecondAnnouncesOneSecond() {
        Throttle throttle = Throttle.builder().limit(perSubject(1_000, 1_000_000, Duration.ofMillis(1), RefillStyle.GREEDY))
                .store(store).rateLimitHeaders(true).build();
        ThrottleDecision d = throttle.check(bySubject("a"));
        // 1,000 tokens per microsecond: the spent token is back after 1 ns, "t" rounds up to 1 s.
        assertThat(d.headers().get("RateLimit")).isEqualTo("\"per-subject\";r=999;t=1");
    }

    @Test
    void oneLimitsHeadersAreItsPolicyItemAndItsState() {
        RateLimit limit = perSubject(5, 5, Duration.ofSeconds(10), RefillStyle.GREEDY);
        Throttle throttle = Throttle.builder().limit(limit).store(store).rateLimitHeaders(true).build();
        ThrottleDecision d = throttle.check(bySubject("a"));
        assertThat(d.headers()).containsExactly(org.assertj.core.api.Assertions.entry("RateLimit-Policy", limit.policyItem()),
                org.assertj.core.api.Assertions.entry("RateLimit", "\"per-subject\";r=4;t=2"));
        Map<String, String> walked = new LinkedHashMap<>();
        d.forEachHeader(walked::put);
        assertThat(walked).containsExactlyEntriesOf(d.headers());
        assertThatThrownBy(() -> d.forEachHeader(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void withoutRateLimitHeadersNothingButRetryAfterIsAdded() {
        Throttle throttle = throttle(perSubject(1, 1, Duration.ofSeconds(5), RefillStyle.GREEDY));
        assertThat(throttle.check(bySubject("a")).headers()).isEmpty();
        throttle.check(bySubject("b")).forEachHeader((name, value) -> {
            throw new AssertionError("no header expected, got " + name);
        });
        assertThat(rejection(throttle.check(bySubject("a"))).headers()).containsOnlyKeys("Retry-After");
    }

    @Test
    void aRequestRefusedByOneLimitIsNotCountedByTheOthers() {
        RateLimit wide = RateLimit.builder("wide").capacity(3).refill(3, Duration.ofHours(1)).key(CallerKeyResolver.shared()).build();
        RateLimit narrow = RateLimit.builder("narrow").capacity(1).refill(1, Duration.ofHours(1)).key(CallerKeyResolver.subject()).build();
        Throttle throttle = throttle(wide, narrow);
        assertThat(throttle.check(bySubject("a")).permitted()).isTrue();
        // Refused by "narrow": the token "wide" took is given back.
        for (int i = 0; i < 5; i++) {
            ThrottleDecision d = throttle.check(bySubject("a"));
            assertThat(d.limit().map(RateLimit::name)).contains("narrow");
        }
        assertThat(throttle.check(bySubject("b")).permitted()).isTrue();
        assertThat(throttle.check(bySubject("c")).permitted()).as("wide has spent 3, not 8").isTrue();
        assertThat(throttle.check(bySubject("d")).limit().map(RateLimit::name)).contains("wide");
    }

    @Test
    void routesAndMethodsChooseTheRequestsALimitCounts() {
        RateLimit writes = RateLimit.builder("writes").capacity(1).refill(1, Duration.ofHours(1)).key(CallerKeyResolver.shared())
                .route("/v1/customers/**").method("post").build();
        Throttle throttle = throttle(writes);
        assertThat(throttle.check(ThrottledRequest.builder("POST", "/v1/customers").build()).permitted()).isTrue();
        assertThat(throttle.check(ThrottledRequest.builder("GET", "/v1/customers").build()).permitted()).as("other method").isTrue();
        assertThat(throttle.check(ThrottledRequest.builder("POST", "/v1/orders").build()).permitted()).as("other route").isTrue();
        // Every spelling of a limited path is limited.
        for (String path : new String[] {"/v1/customers/7", "/v1//customers", "/v1/./customers/", "/v1/customers;jsessionid=1",
                "/v1/%63ustomers", "/v2/../v1/customers", "/v1/customers?x=1"}) {
            assertThat(throttle.check(ThrottledRequest.builder("POST", path).build()).permitted()).as(path).isFalse();
        }
        assertThat(throttle.check(ThrottledRequest.builder("post", "/v1/customers").build()).permitted())
                .as("methods compare case-insensitively").isFalse();
    }

    @Test
    void aRequestWithoutAKeyIsNotCountedByThatLimit() {
        Throttle throttle = throttle(perSubject(1, 1, Duration.ofHours(1), RefillStyle.GREEDY));
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.check(Requests.get("/v1/customers")).permitted()).isTrue();
            assertThat(throttle.check(ThrottledRequest.builder("GET", "/").subject("  ").build()).permitted()).isTrue();
        }
        assertThat(store.size(perSubject(1, 1, Duration.ofHours(1), RefillStyle.GREEDY))).isZero();
    }

    @Test
    void theListenerHearsEveryDecisionOncePerLimit() {
        List<String> heard = new ArrayList<>();
        ThrottleListener listener = new ThrottleListener() {
            @Override
            public void permitted(RateLimit limit) {
                heard.add("permitted " + limit.name());
            }

            @Override
            public void rejected(RateLimit limit, Duration retryAfter) {
                heard.add("rejected " + limit.name() + " " + retryAfter.getSeconds());
            }
        };
        Throttle throttle = Throttle.builder().limit(perSubject(1, 1, Duration.ofSeconds(4), RefillStyle.GREEDY)).store(store).listener(listener).build();
        throttle.check(bySubject("a"));
        throttle.check(bySubject("a"));
        throttle.check(Requests.get("/"));
        assertThat(heard).containsExactly("permitted per-subject", "rejected per-subject 4");
    }

    @Test
    void theAsynchronousCheckDecidesAsTheBlockingOne() {
        RateLimit limit = perSubject(2, 2, Duration.ofSeconds(8), RefillStyle.GREEDY);
        Throttle throttle = Throttle.builder().limit(limit).store(store).rateLimitHeaders(true).build();
        ThrottleDecision first = throttle.checkAsync(bySubject("a")).toCompletableFuture().join();
        assertThat(first.permitted()).isTrue();
        assertThat(first.headers()).containsEntry("RateLimit", "\"per-subject\";r=1;t=4");
        assertThat(throttle.check(bySubject("a")).permitted()).isTrue();
        ThrottleDecision refused = throttle.checkAsync(bySubject("a")).toCompletableFuture().join();
        assertThat(rejection(refused).headers()).containsEntry("Retry-After", "4");
    }

    @Test
    void limitsAreCheckedInOrderAndNamesAreUnique() {
        RateLimit a = perSubject(1, 1, Duration.ofSeconds(1), RefillStyle.GREEDY);
        assertThatThrownBy(() -> Throttle.builder().limit(a).limit(a)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two limits are named per-subject");
        assertThat(Throttle.builder().build().check(bySubject("x")).permitted()).as("no limits, nothing refused").isTrue();
        assertThatThrownBy(() -> Throttle.builder().build().check(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Throttle.builder().failClosedRetryAfter(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Throttle.builder().failClosedRetryAfter(Duration.ofDays(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Throttle.builder().storeRetryInterval(Duration.ofNanos(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Throttle.builder().storeRetryInterval(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLongestPossibleWaitIsStillASendableRetryAfter() {
        // One token per day, the slowest refill there is: Retry-After 86400, RetryAfter's maximum.
        Throttle throttle = throttle(perSubject(1, 1, RateLimit.MAX_PERIOD, RefillStyle.INTERVAL));
        throttle.check(bySubject("a"));
        assertThat(rejection(throttle.check(bySubject("a"))).headers()).containsEntry("Retry-After", "86400");
        RateLimit huge = RateLimit.builder("huge").capacity(RateLimit.MAX_TOKENS).refill(1, RateLimit.MAX_PERIOD, RefillStyle.GREEDY)
                .key(CallerKeyResolver.shared()).build();
        Throttle slow = Throttle.builder().limit(huge).store(store).rateLimitHeaders(true).build();
        ThrottleDecision d = slow.check(Requests.get("/"));
        assertThat(d.permitted()).isTrue();
        assertThat(d.headers().get("RateLimit-Policy")).isEqualTo("\"huge\";q=1000000000;w=86400000000000");
    }

    @Test
    void aLimitCanNameItsOwnCodeAndLocalizedText() {
        Map<String, String> en = Map.of(
                "sandbox.rateLimited", "This token sent more than {0} requests in {1} seconds. Try again in {2} seconds.",
                "code.tenantThrottled", "Tenant over {0} requests per {1} s ({3} back per period); retry in {2} s.");
        Map<String, String> fr = Map.of("sandbox.rateLimited", "Ce jeton a envoyé plus de {0} requêtes en {1} secondes. Réessayez dans {2} secondes.");
        ContractMessages messages = ContractMessages.builder()
                .add((key, locale) -> Optional.ofNullable((locale.getLanguage().equals("fr") ? fr : en).get(key)))
                .build();
        RateLimit keyed = RateLimit.builder("per-token").capacity(20).refill(20, Duration.ofSeconds(10), RefillStyle.INTERVAL)
                .key(CallerKeyResolver.subject()).messageKey("sandbox.rateLimited").build();
        RateLimit coded = RateLimit.builder("per-tenant").capacity(2).refill(1, Duration.ofMillis(1500))
                .key(CallerKeyResolver.clientAddress()).code("tenantThrottled").build();
        Throttle throttle = throttle(keyed, coded);
        for (int i = 0; i < 2; i++) {
            throttle.check(ThrottledRequest.builder("GET", "/").clientAddress("192.0.2.1").build());
        }
        ContractException byCode = rejection(throttle.check(ThrottledRequest.builder("GET", "/").clientAddress("192.0.2.1").build()));
        assertThat(byCode.code()).isEqualTo("tenantThrottled");
        assertThat(byCode.resolveDescription(messages, Locale.US)).isEqualTo("Tenant over 2 requests per 2 s (1 back per period); retry in 2 s.");
        ThrottledRequest alice = ThrottledRequest.builder("GET", "/").subject("alice").build();
        for (int i = 0; i < 20; i++) {
            throttle.check(alice);
        }
        advance(Duration.ofSeconds(3));
        ContractException byKey = rejection(throttle.check(alice));
        assertThat(byKey.code()).as("the contract's code, with the application's text").isEqualTo("tooManyRequests");
        assertThat(byKey.resolveDescription(messages, Locale.US)).isEqualTo("This token sent more than 20 requests in 10 seconds. Try again in 7 seconds.");
        assertThat(byKey.resolveDescription(messages, Locale.FRANCE)).isEqualTo("Ce jeton a envoyé plus de 20 requêtes en 10 secondes. Réessayez dans 7 secondes.");
        assertThat(byKey.resolveDescription(ContractMessages.defaults(), Locale.JAPAN)).as("no text for the key: the contract's")
                .isEqualTo(ContractMessages.defaults().statusDescription(429, Locale.JAPAN));
        assertThatThrownBy(() -> RateLimit.builder("x").code(" ")).hasMessage("code must not be null or blank");
        assertThatThrownBy(() -> RateLimit.builder("x").messageKey(null)).hasMessage("messageKey must not be null or blank");
    }

    @Test
    void excludedRoutesAreNeverCounted() {
        RateLimit api = RateLimit.builder("api").capacity(1).refill(1, Duration.ofHours(1)).key(CallerKeyResolver.shared())
                .route("/v1/**").excludeRoute("/v1/admin/**").excludeRoutes(List.of("/v1/simulate/**")).build();
        Throttle throttle = throttle(api);
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.check(Requests.get("/v1/admin/maintenance")).permitted()).isTrue();
            assertThat(throttle.check(Requests.get("/v1//simulate/./429")).permitted()).isTrue();
            assertThat(throttle.check(Requests.get("/other")).permitted()).isTrue();
        }
        assertThat(throttle.check(Requests.get("/v1/customers")).permitted()).isTrue();
        assertThat(throttle.check(Requests.get("/v1/customers")).permitted()).isFalse();
        assertThat(throttle.check(Requests.get("/v1/x/../admin")).permitted()).as("normalized before the exclusion is matched").isTrue();
        assertThat(api.toString()).contains("routes [/v1/**], except [/v1/admin/**, /v1/simulate/**]");
    }

    @Test
    void manyThreadsNeverGetMorePermitsThanTheCapacity() throws Exception {
        RateLimit limit = RateLimit.builder("shared").capacity(100).refill(1, Duration.ofDays(1)).key(CallerKeyResolver.shared()).build();
        RateLimit perCaller = RateLimit.builder("per-caller").capacity(40).refill(1, Duration.ofDays(1)).key(CallerKeyResolver.subject()).build();
        Throttle throttle = Throttle.builder().limit(perCaller).limit(limit).build();
        int threads = 16;
        int checks = 250;
        java.util.concurrent.atomic.AtomicInteger permitted = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            ThrottledRequest r = bySubject("caller-" + (t % 4));
            boolean async = t % 2 == 0;
            done.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < checks; i++) {
                    ThrottleDecision d = async ? throttle.checkAsync(r).toCompletableFuture().join() : throttle.check(r);
                    if (d.permitted()) {
                        permitted.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (java.util.concurrent.Future<?> f : done) {
            f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();
        // Four callers of 40 each would be 160; the shared 100 binds, exactly: a request the shared
        // limit refuses gives its caller's token back, so no caller runs dry while tokens remain.
        assertThat(permitted.get()).isEqualTo(100);
    }
}
