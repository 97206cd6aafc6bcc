package dev.restfault.throttling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Caller keys: where they come from, and what hostile values do (nothing). */
class CallerKeyResolverTest {

    @Test
    void builtInKeysAreNamespacedAndTrimmed() {
        ThrottledRequest r = ThrottledRequest.builder("GET", "/").subject(" alice ").clientAddress("203.0.113.9")
                .header("MS-PartnerTenantId", "\t4ee9b3c8 ").build();
        assertThat(CallerKeyResolver.subject().resolve(r)).contains("subject:alice");
        assertThat(CallerKeyResolver.clientAddress().resolve(r)).contains("address:203.0.113.9");
        assertThat(CallerKeyResolver.header("ms-partnertenantid").resolve(r)).contains("header:ms-partnertenantid:4ee9b3c8");
        assertThat(CallerKeyResolver.shared().resolve(r)).contains("shared");
        // A tenant named like an address does not share the address's bucket.
        ThrottledRequest tenantLikeAddress = ThrottledRequest.builder("GET", "/").header("T", "203.0.113.9").clientAddress("203.0.113.9").build();
        assertThat(CallerKeyResolver.header("T").resolve(tenantLikeAddress)).isNotEqualTo(CallerKeyResolver.clientAddress().resolve(tenantLikeAddress));
    }

    @Test
    void absentAndBlankValuesAreNoKey() {
        ThrottledRequest none = ThrottledRequest.builder("GET", "/").header("T", " \t ").subject("").build();
        assertThat(CallerKeyResolver.subject().resolve(none)).isEmpty();
        assertThat(CallerKeyResolver.clientAddress().resolve(none)).isEmpty();
        assertThat(CallerKeyResolver.header("T").resolve(none)).isEmpty();
        assertThat(CallerKeyResolver.header("Other").resolve(none)).isEmpty();
    }

    @Test
    void orElseFallsBackOnlyWhenTheFirstHasNoKey() {
        CallerKeyResolver key = CallerKeyResolver.subject().orElse(CallerKeyResolver.clientAddress());
        assertThat(key.resolve(ThrottledRequest.builder("GET", "/").subject("a").clientAddress("192.0.2.1").build())).contains("subject:a");
        assertThat(key.resolve(ThrottledRequest.builder("GET", "/").clientAddress("192.0.2.1").build())).contains("address:192.0.2.1");
        assertThat(key.resolve(ThrottledRequest.builder("GET", "/").build())).isEmpty();
        assertThat(key).hasToString("subject or else client address");
        assertThatThrownBy(() -> key.orElse(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void headerNamesMustBeTokens() {
        assertThatThrownBy(() -> CallerKeyResolver.header("X Tenant")).hasMessageStartingWith("header name must be a token");
        assertThatThrownBy(() -> CallerKeyResolver.header("X-Tenant\r\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallerKeyResolver.header(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallerKeyResolver.header("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hostileTenantValuesAreBucketNamesAndNothingElse() {
        RateLimit limit = RateLimit.builder("per-tenant").capacity(1).refill(1, Duration.ofMinutes(1))
                .key(CallerKeyResolver.header("MS-PartnerTenantId")).build();
        InMemoryThrottleStore store = InMemoryThrottleStore.create();
        Throttle throttle = Throttle.builder().limit(limit).store(store).rateLimitHeaders(true).build();
        String[] hostile = {
            "t\r\nSet-Cookie: stolen=1", "t\nX-Injected: yes", "\u0000\u0007", "<script>alert(1)</script>", "\u202e\u2028emoji\uD83D\uDE00",
            "%0d%0aLocation:%20http://evil", "\uD800", "x".repeat(10_000), "'; DROP TABLE tenants; --"};
        try (LogCapture log = LogCapture.throttle()) {
            for (String value : hostile) {
                assertThat(throttle.check(Requests.byTenant(value)).permitted()).isTrue();
                ThrottleDecision refused = throttle.check(Requests.byTenant(value));
                assertThat(refused.permitted()).as("each value is its own bucket, and a refused one").isFalse();
                refused.rejection().orElseThrow().headers().forEach((name, v) -> {
                    assertThat(v).doesNotContain("\r", "\n", "Set-Cookie", "Injected", "script", "evil");
                    assertThat(v).matches("[\\x20-\\x7e]*");
                });
                assertThat(refused.rejection().orElseThrow().getMessage()).doesNotContain(value);
            }
            assertThat(log.everything()).isEmpty();
        }
        assertThat(store.size(limit)).isEqualTo(hostile.length);
    }

    @Test
    void longKeysAreStoredAsTheirDigest() {
        String longKey = "k".repeat(Throttle.MAX_PLAIN_KEY_LENGTH + 1);
        String stored = Throttle.storeKey(longKey);
        assertThat(stored).startsWith("sha256:").hasSize("sha256:".length() + 43);
        assertThat(Throttle.storeKey(longKey)).as("the same key, the same bucket").isEqualTo(stored);
        assertThat(Throttle.storeKey(longKey + "x")).isNotEqualTo(stored);
        String exactlyMax = "k".repeat(Throttle.MAX_PLAIN_KEY_LENGTH);
        assertThat(Throttle.storeKey(exactlyMax)).isSameAs(exactlyMax);
        assertThat(Throttle.storeKey("\uD800".repeat(200))).as("unpaired surrogates hash too").startsWith("sha256:");
    }

    @Test
    void anApplicationResolverIsALambda() {
        CallerKeyResolver apiKeyOwner = request -> request.header("X-Api-Key").map(k -> k.startsWith("team-a") ? "team-a" : "others");
        RateLimit limit = RateLimit.builder("per-team").capacity(1).refill(1, Duration.ofHours(1)).key(apiKeyOwner).build();
        Throttle throttle = Throttle.builder().limit(limit).build();
        assertThat(throttle.check(ThrottledRequest.builder("GET", "/").header("X-Api-Key", "team-a-1").build()).permitted()).isTrue();
        assertThat(throttle.check(ThrottledRequest.builder("GET", "/").header("X-Api-Key", "team-a-2").build()).permitted()).isFalse();
        assertThat(throttle.check(ThrottledRequest.builder("GET", "/").header("X-Api-Key", "b").build()).permitted()).isTrue();
        CallerKeyResolver broken = request -> null;
        assertThat(Throttle.builder().limit(RateLimit.builder("b").capacity(1).refill(1, Duration.ofHours(1)).key(broken).build()).build()
                .check(Requests.get("/")).permitted()).as("a resolver answering null means no key").isTrue();
        CallerKeyResolver throwing = request -> {
            throw new IllegalStateException("application bug");
        };
        Throttle t = Throttle.builder().limit(RateLimit.builder("t").capacity(1).refill(1, Duration.ofHours(1)).key(throwing).build()).build();
        assertThatThrownBy(() -> t.check(Requests.get("/"))).hasMessage("application bug");
        assertThat(t.checkAsync(Requests.get("/")).toCompletableFuture()).isCompletedExceptionally();
        assertThat(Optional.empty()).isEmpty();
    }

    @Test
    void theRequestBuilderValidatesAndReadsHeadersCaseInsensitively() {
        assertThatThrownBy(() -> ThrottledRequest.builder("GE T", "/")).hasMessage("method must be a token");
        assertThatThrownBy(() -> ThrottledRequest.builder(null, "/")).isInstanceOf(IllegalArgumentException.class);
        ThrottledRequest r = ThrottledRequest.builder("GET", "/secret/path").header("X-A", "1").header("x-b", "2").header("X-B", null).build();
        assertThat(r.header("x-a")).contains("1");
        assertThat(r.header("X-B")).isEmpty();
        assertThat(r.header(null)).isEmpty();
        assertThat(r.subject()).isEmpty();
        assertThat(r.clientAddress()).isEmpty();
        assertThat(r).hasToString("ThrottledRequest[GET]");
    }
}
