package dev.restfault.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.sandbox.config.SandboxProperties;
import dev.restfault.sandbox.config.SandboxProperties.Access;
import dev.restfault.sandbox.config.SandboxProperties.Token;
import dev.restfault.sandbox.security.TokenAuthenticator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupBannerTest {

    @Test
    void printsTheUrlTheTokensAndThreeCurlLines() {
        SandboxProperties p = new SandboxProperties(
                new SandboxProperties.Auth(List.of(new Token("w", "token-rw-1", Access.READ_WRITE),
                        new Token("r", "token-ro-1", Access.READ_ONLY))),
                new SandboxProperties.RateLimit(20, Duration.ofSeconds(10)),
                new SandboxProperties.Concurrency(16, Duration.ofSeconds(2)),
                new SandboxProperties.Maintenance(false, Duration.ofSeconds(60)),
                new SandboxProperties.Upstream(null, SandboxProperties.UpstreamMode.OK, Duration.ofSeconds(2), Duration.ofSeconds(1), 16),
                new SandboxProperties.Simulate(Duration.ofSeconds(5), 4),
                new SandboxProperties.Customers(10), true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new StartupBanner(p, new TokenAuthenticator(p)).print(new PrintStream(out, true, StandardCharsets.UTF_8), 8080, 1234);
        String banner = out.toString(StandardCharsets.UTF_8);
        assertThat(banner).contains("http://localhost:8080", "token-rw-1", "token-ro-1", "1234 ms");
        assertThat(banner.lines().filter(l -> l.trim().startsWith("curl "))).hasSize(3);
        assertThat(banner).contains("# 401", "# 403", "# 404");
        assertThat(banner).contains("http://localhost:8080/console", "http://localhost:8080/v3/api-docs");
    }
}
