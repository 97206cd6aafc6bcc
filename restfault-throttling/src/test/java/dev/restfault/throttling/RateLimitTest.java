package dev.restfault.throttling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Limits: what they accept, what they refuse and say why, and what they derive. */
class RateLimitTest {

    private static RateLimit.Builder valid() {
        return RateLimit.builder("l").capacity(10).refill(10, Duration.ofSeconds(1)).key(CallerKeyResolver.shared());
    }

    @Test
    void namesAreHeaderMetricAndKeySafe() {
        assertThat(RateLimit.builder("per-tenant_v1.2").capacity(1).refill(1, Duration.ofSeconds(1)).key(CallerKeyResolver.shared()).build().name())
                .isEqualTo("per-tenant_v1.2");
        assertThatThrownBy(() -> RateLimit.builder(null)).hasMessage("limit name must not be null or empty");
        assertThatThrownBy(() -> RateLimit.builder("")).hasMessage("limit name must not be null or empty");
        assertThatThrownBy(() -> RateLimit.builder("a".repeat(65))).hasMessage("limit name is 65 characters long, max 64");
        for (String bad : new String[] {"per tenant", "a\"b", "a\r\nX-Injected: 1", "ä", "a:b", "a;q=1", "a,b"}) {
            assertThatThrownBy(() -> RateLimit.builder(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("limit name may hold only ASCII letters")
                    .hasMessageNotContaining(bad);
        }
    }

    @Test
    void absurdNumbersAreRefusedWithTheRule() {
        assertThatThrownBy(() -> valid().capacity(0)).hasMessage("capacity must be within 1..1000000000, was 0");
        assertThatThrownBy(() -> valid().capacity(-5)).hasMessage("capacity must be within 1..1000000000, was -5");
        assertThatThrownBy(() -> valid().capacity(Long.MAX_VALUE)).hasMessage("capacity must be within 1..1000000000, was 9223372036854775807");
        assertThatThrownBy(() -> valid().refill(0, Duration.ofSeconds(1))).hasMessage("refill tokens must be within 1..1000000000, was 0");
        assertThatThrownBy(() -> valid().refill(Long.MIN_VALUE, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> valid().refill(1, null)).hasMessage("refill period must not be null");
        assertThatThrownBy(() -> valid().refill(1, Duration.ZERO)).hasMessageStartingWith("refill period must be within PT0.001S..PT24H, was PT0S");
        assertThatThrownBy(() -> valid().refill(1, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> valid().refill(1, Duration.ofNanos(999_999))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> valid().refill(1, Duration.ofDays(1).plusNanos(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> valid().refill(1, Duration.ofSeconds(Long.MAX_VALUE))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> valid().refill(1_000_001, Duration.ofMillis(1)))
                .hasMessage("refill of 1000001 tokens per PT0.001S is faster than one token per nanosecond");
        assertThatThrownBy(() -> valid().refill(1, Duration.ofSeconds(1), null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void capacityRefillAndKeyAreRequired() {
        assertThatThrownBy(() -> RateLimit.builder("l").refill(1, Duration.ofSeconds(1)).key(CallerKeyResolver.shared()).build())
                .isInstanceOf(IllegalStateException.class).hasMessage("limit l needs a capacity");
        assertThatThrownBy(() -> RateLimit.builder("l").capacity(1).key(CallerKeyResolver.shared()).build())
                .hasMessage("limit l needs a refill");
        assertThatThrownBy(() -> RateLimit.builder("l").capacity(1).refill(1, Duration.ofSeconds(1)).build())
                .hasMessage("limit l needs a key");
        assertThatThrownBy(() -> valid().key(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> valid().method("GE T")).hasMessage("method must be a token, such as POST");
        assertThatThrownBy(() -> valid().method(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> valid().route("v1/x")).hasMessage("route pattern must start with '/'");
    }

    @Test
    void theExtremesThatAreAllowedWork() {
        RateLimit fastest = valid().capacity(RateLimit.MAX_TOKENS).refill(1_000_000, Duration.ofMillis(1)).build();
        assertThat(fastest.timeToFull()).isEqualTo(Duration.ofSeconds(1));
        RateLimit slowest = valid().capacity(RateLimit.MAX_TOKENS).refill(1, RateLimit.MAX_PERIOD, RefillStyle.INTERVAL).build();
        assertThat(slowest.timeToFull()).isEqualTo(Duration.ofDays(RateLimit.MAX_TOKENS));
        assertThat(slowest.policyItem()).isEqualTo("\"l\";q=1000000000;w=86400000000000");
        Throttle throttle = Throttle.builder().limits(List.of(fastest)).build();
        assertThat(throttle.check(Requests.get("/")).permitted()).isTrue();
    }

    @Test
    void timeToFullAndPolicyWindow() {
        // Greedy: capacity x period / tokens.
        assertThat(valid().capacity(20).refill(10, Duration.ofSeconds(10)).build().timeToFull()).isEqualTo(Duration.ofSeconds(20));
        assertThat(valid().capacity(3).refill(2, Duration.ofSeconds(1)).build().policyItem()).isEqualTo("\"l\";q=3;w=2"); // 1.5 s
        // Interval: whole periods.
        assertThat(valid().capacity(3).refill(2, Duration.ofSeconds(1), RefillStyle.INTERVAL).build().timeToFull()).isEqualTo(Duration.ofSeconds(2));
        assertThat(valid().capacity(1).refill(1, Duration.ofMillis(1)).build().policyItem()).as("w is at least 1").isEqualTo("\"l\";q=1;w=1");
    }

    @Test
    void equalityIsTheBucketsIdentity() {
        RateLimit a = valid().route("/a").build();
        RateLimit b = valid().key(CallerKeyResolver.subject()).method("GET").build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(valid().capacity(11).build());
        assertThat(a).isNotEqualTo(valid().refill(10, Duration.ofSeconds(1), RefillStyle.INTERVAL).build());
        assertThat(a.toString()).isEqualTo("RateLimit[l: 10 tokens, 10 per PT1S greedy, key shared, routes [/a]]");
    }

    @Test
    void appliesToRoutesAndMethods() {
        RateLimit limit = valid().route("/v1/customers/{id}").route("/v1/orders/**").methods(List.of("get", "HEAD")).build();
        assertThat(limit.methods()).containsExactlyInAnyOrder("GET", "HEAD");
        assertThat(limit.appliesTo("GET", "/v1/customers/7")).isTrue();
        assertThat(limit.appliesTo("head", "/v1/orders")).isTrue();
        assertThat(limit.appliesTo("POST", "/v1/customers/7")).isFalse();
        assertThat(limit.appliesTo("GET", "/v1/customers")).isFalse();
        assertThat(limit.appliesTo(null, "/v1/orders")).isFalse();
        RateLimit reads = valid().method("GET").build();
        assertThat(reads.appliesTo("HEAD", "/x")).as("a HEAD is a GET's work").isTrue();
        assertThat(reads.appliesTo("OPTIONS", "/x")).isFalse();
        assertThat(valid().method("HEAD").build().appliesTo("GET", "/x")).as("but not the other way round").isFalse();
        assertThat(valid().build().appliesTo(null, null)).as("no routes, no methods: everything").isTrue();
    }
}
