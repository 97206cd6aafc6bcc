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

    /**
     * A base URL the HTTP client cannot call, or that would put {@code credit/{id}} in its query
     * or fragment, stops the start naming the property, instead of failing every credit call later
     * (the JDK's client refuses a URL without a host only when the call is made: a generic 500).
     */
    @Test
    void theUpstreamMustBeAnHttpUrlWithAHostAndAPathOnly() {
        for (String bad : new String[] {"http:///credit", "http:upstream.example", "https://upstream.example/api?key=1",
                "http://upstream.example/api#top", "http://user:secret@upstream.example/"}) {
            assertThatThrownBy(() -> new SandboxProperties.Upstream(URI.create(bad),
                    SandboxProperties.UpstreamMode.OK, Duration.ofSeconds(1), Duration.ofSeconds(1), 16))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sandbox.upstream.base-url")
                    .hasMessageNotContaining("secret");
        }
        for (String good : new String[] {"http://127.0.0.1:8081", "https://upstream.example/api/", "http://[::1]:9000/x"}) {
            new SandboxProperties.Upstream(URI.create(good), SandboxProperties.UpstreamMode.OK, Duration.ofSeconds(1),
                    Duration.ofSeconds(1), 16);
        }
    }
}
