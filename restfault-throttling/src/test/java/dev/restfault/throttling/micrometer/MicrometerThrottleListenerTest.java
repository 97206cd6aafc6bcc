package dev.restfault.throttling.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.throttling.BucketProbe;
import dev.restfault.throttling.CallerKeyResolver;
import dev.restfault.throttling.FailureMode;
import dev.restfault.throttling.RateLimit;
import dev.restfault.throttling.Throttle;
import dev.restfault.throttling.ThrottleStore;
import dev.restfault.throttling.ThrottledRequest;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Micrometer counters, tagged with the limit's name and never with a caller. */
class MicrometerThrottleListenerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RateLimit perTenant = RateLimit.builder("per-tenant").capacity(2).refill(2, Duration.ofHours(1))
            .key(CallerKeyResolver.header("MS-PartnerTenantId")).build();

    private static ThrottledRequest tenant(String id) {
        return ThrottledRequest.builder("GET", "/").header("MS-PartnerTenantId", id).build();
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    @Test
    void countsPermittedAndRejectedRequestsPerLimit() {
        Throttle throttle = Throttle.builder().limit(perTenant).listener(new MicrometerThrottleListener(registry)).build();
        for (int i = 0; i < 5; i++) {
            throttle.check(tenant("t1"));
        }
        throttle.check(tenant("t2"));
        assertThat(count(MicrometerThrottleListener.REQUESTS, "limit", "per-tenant", "outcome", "permitted")).isEqualTo(3);
        assertThat(count(MicrometerThrottleListener.REQUESTS, "limit", "per-tenant", "outcome", "rejected")).isEqualTo(3);
        for (Meter meter : registry.getMeters()) {
            assertThat(meter.getId().getTags()).noneMatch(tag -> tag.getValue().contains("t1") || tag.getValue().contains("t2"));
        }
    }

    @Test
    void countsStoreFailuresByMode() {
        ThrottleStore down = new ThrottleStore() {
            @Override
            public BucketProbe tryConsume(RateLimit limit, String key) {
                throw new IllegalStateException("down");
            }

            @Override
            public void refund(RateLimit limit, String key) {
            }

            @Override
            public String description() {
                return "down";
            }
        };
        MicrometerThrottleListener listener = new MicrometerThrottleListener(registry);
        Throttle open = Throttle.builder().limit(perTenant).store(down).listener(listener).build();
        Throttle closed = Throttle.builder().limit(perTenant).store(down).failureMode(FailureMode.FAIL_CLOSED).listener(listener).build();
        for (int i = 0; i < 4; i++) {
            open.check(tenant("t"));
        }
        closed.check(tenant("t"));
        assertThat(count(MicrometerThrottleListener.STORE_FAILURES, "limit", "per-tenant", "mode", "fail-open")).isEqualTo(4);
        assertThat(count(MicrometerThrottleListener.STORE_FAILURES, "limit", "per-tenant", "mode", "fail-closed")).isEqualTo(1);
        assertThatThrownBy(() -> new MicrometerThrottleListener(null)).isInstanceOf(NullPointerException.class);
    }
}
