package dev.restfault.sandbox.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The bounds that Bean Validation cannot express are checked by the records themselves. */
class SandboxPropertiesTest {

    @Test
    void durationsOutsideTheirRangeNameTheProperty() {
        assertThatThrownBy(() -> new SandboxProperties.RateLimit(10, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sandbox.rate-limit.window");
        assertThatThrownBy(() -> new SandboxProperties.Concurrency(10, Duration.ofDays(2)))
                .hasMessageContaining("sandbox.concurrency.retry-after");
        assertThatThrownBy(() -> new SandboxProperties.Maintenance(false, Duration.ofSeconds(-1)))
                .hasMessageContaining("sandbox.maintenance.retry-after");
        assertThatThrownBy(() -> new SandboxProperties.Upstream(null, SandboxProperties.UpstreamMode.OK,
                Duration.ofMinutes(5), Duration.ofSeconds(1), 16))
                .hasMessageContaining("sandbox.upstream.timeout");
        assertThatThrownBy(() -> new SandboxProperties.Simulate(Duration.ofMillis(10), 4))
                .hasMessageContaining("sandbox.simulate.default-retry-after");
    }

    @Test
    void theUpstreamMustBeHttp() {
        assertThatThrownBy(() -> new SandboxProperties.Upstream(URI.create("file:///etc/passwd"),
                SandboxProperties.UpstreamMode.OK, Duration.ofSeconds(1), Duration.ofSeconds(1), 16))
                .hasMessageContaining("sandbox.upstream.base-url");
        assertThatThrownBy(() -> new SandboxProperties.Upstream(URI.create("relative/path"),
                SandboxProperties.UpstreamMode.OK, Duration.ofSeconds(1), Duration.ofSeconds(1), 16))
                .hasMessageContaining("sandbox.upstream.base-url");
    }
}
