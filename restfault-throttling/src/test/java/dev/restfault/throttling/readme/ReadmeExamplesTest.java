package dev.restfault.throttling.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.exception.ContractException;
import dev.restfault.throttling.CallerKeyResolver;
import dev.restfault.throttling.FailureMode;
import dev.restfault.throttling.InMemoryThrottleStore;
import dev.restfault.throttling.RateLimit;
import dev.restfault.throttling.RefillStyle;
import dev.restfault.throttling.Throttle;
import dev.restfault.throttling.ThrottleDecision;
import dev.restfault.throttling.ThrottledRequest;
import dev.restfault.throttling.micrometer.MicrometerThrottleListener;
import dev.restfault.throttling.redis.RedisThrottleStore;
import dev.restfault.throttling.testing.RedisServer;
import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The examples of restfault-throttling's README, compiled and run; {@link ReadmeSyncTest} checks
 * that the README shows them verbatim.
 */
class ReadmeExamplesTest {

    @Test
    void limits() {
        // README-BEGIN tenantLimit
        RateLimit perTenant = RateLimit.builder("per-tenant")
                .capacity(100)                                    // a burst of at most 100 requests
                .refill(100, Duration.ofMinutes(1))               // 100 more per minute, one every 600 ms
                .key(CallerKeyResolver.header("MS-PartnerTenantId")
                        .orElse(CallerKeyResolver.clientAddress()))
                .build();
        // README-END tenantLimit
        // README-BEGIN limits
        RateLimit customerWrites = RateLimit.builder("customer-writes")
                .capacity(10)
                .refill(10, Duration.ofSeconds(10), RefillStyle.INTERVAL) // all 10 back at the end of the window
                .key(CallerKeyResolver.subject())
                .route("/v1/customers/**")
                .method("POST").method("PUT")
                .build();
        Throttle throttle = Throttle.builder()
                .limit(perTenant)
                .limit(customerWrites)
                .store(InMemoryThrottleStore.create())            // the default
                .rateLimitHeaders(true)                           // RateLimit-Policy and RateLimit
                .build();
        // README-END limits

        ThrottledRequest post = ThrottledRequest.builder("POST", "/v1/customers").subject("alice").clientAddress("192.0.2.7").build();
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.check(post).permitted()).isTrue();
        }
        ThrottleDecision refused = throttle.check(post);
        assertThat(refused.rejection().orElseThrow().headers())
                .containsEntry("Retry-After", "10")
                .containsEntry("RateLimit-Policy", "\"customer-writes\";q=10;w=10")
                .containsEntry("RateLimit", "\"customer-writes\";r=0;t=10");
        assertThat(throttle.check(ThrottledRequest.builder("GET", "/v1/customers").clientAddress("192.0.2.7").build())
                .headers()).containsEntry("RateLimit", "\"per-tenant\";r=89;t=7");
    }

    @Test
    void check() {
        Throttle throttle = Throttle.builder().limit(RateLimit.builder("per-token").capacity(1).refill(1, Duration.ofSeconds(30))
                .key(CallerKeyResolver.subject()).build()).rateLimitHeaders(true).build();
        ThrottledRequest request = ThrottledRequest.builder("GET", "/v1/customers").subject("alice").build();
        Map<String, String> response = new LinkedHashMap<>();
        assertThat(handle(throttle, request, response)).isEqualTo("200");
        assertThat(response).containsKeys("RateLimit-Policy", "RateLimit");
        assertThat(handle(throttle, request, new LinkedHashMap<>())).isEqualTo("429 Retry-After: 30");
    }

    private static String handle(Throttle throttle, ThrottledRequest request, Map<String, String> response) {
        try {
            // README-BEGIN check
            ThrottleDecision decision = throttle.check(request);
            if (!decision.permitted()) {
                throw decision.rejection().orElseThrow();  // a ContractException: 429 (or 503), rendered like any other
            }
            decision.forEachHeader(response::put);         // RateLimit-Policy, RateLimit, when enabled
            // README-END check
            return "200";
        } catch (ContractException e) {
            return e.status() + " Retry-After: " + e.headers().get("Retry-After");
        }
    }

    @Test
    void redis() throws Exception {
        RedisServer gone = RedisServer.start();
        String redisUrl = "redis://127.0.0.1:" + gone.port();
        gone.close(); // the example's store connects in the background: to nothing, here
        RateLimit perTenant = RateLimit.builder("per-tenant").capacity(100).refill(100, Duration.ofMinutes(1))
                .key(CallerKeyResolver.header("MS-PartnerTenantId")).build();
        // README-BEGIN redis
        RedisThrottleStore store = RedisThrottleStore.builder(RedisURI.create(redisUrl)) // "redis://cache:6379"
                .timeout(Duration.ofMillis(200))                  // the longest a request waits for Redis
                .keyPrefix("orders-service:throttle:")
                .build();                                         // connects in the background
        Throttle throttle = Throttle.builder()
                .limit(perTenant)
                .store(store)
                .failureMode(FailureMode.FAIL_CLOSED)             // 503 while Redis is down (default: FAIL_OPEN)
                .failClosedRetryAfter(Duration.ofSeconds(10))
                .build();
        // README-END redis
        assertThat(throttle.store().description()).isEqualTo(redisUrl + "/0");
        assertThat(throttle.check(ThrottledRequest.builder("GET", "/").header("MS-PartnerTenantId", "t").build()).rejection()
                .orElseThrow().status()).as("fail-closed, Redis down").isEqualTo(503);
        throttle.close();
    }

    @Test
    void metrics() {
        MeterRegistry meterRegistry = new SimpleMeterRegistry();
        RateLimit perTenant = RateLimit.builder("per-tenant").capacity(1).refill(1, Duration.ofMinutes(1))
                .key(CallerKeyResolver.shared()).build();
        // README-BEGIN metrics
        Throttle throttle = Throttle.builder()
                .limit(perTenant)
                .listener(new MicrometerThrottleListener(meterRegistry))
                .build();
        // restfault.throttling.requests{limit="per-tenant", outcome="permitted"|"rejected"}
        // restfault.throttling.store.failures{limit="per-tenant", mode="fail-open"|"fail-closed"}
        // README-END metrics
        throttle.check(ThrottledRequest.builder("GET", "/").build());
        throttle.check(ThrottledRequest.builder("GET", "/").build());
        assertThat(meterRegistry.get("restfault.throttling.requests").tags("limit", "per-tenant", "outcome", "rejected").counter().count())
                .isEqualTo(1);
    }
}
