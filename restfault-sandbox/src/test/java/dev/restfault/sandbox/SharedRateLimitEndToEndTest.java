package dev.restfault.sandbox;

import static dev.restfault.sandbox.RunningSandbox.RO;
import static dev.restfault.sandbox.RunningSandbox.RW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.throttling.ThrottleStore;
import dev.restfault.throttling.testing.RedisServer;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's two sandboxes on one Redis: a real {@code redis-server} on a free loopback port, two
 * sandboxes configured to it exactly as the README's commands do, and one token's budget (20 per
 * window, the default; the window stretched to an hour so a slow machine cannot roll it over)
 * spent across both.
 */
class SharedRateLimitEndToEndTest {

    private static RedisServer redis;
    private static RunningSandbox first;
    private static RunningSandbox second;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServer.start();
        String[] args = {"--restfault.throttling.store=redis", "--spring.data.redis.host=127.0.0.1",
            "--spring.data.redis.port=" + redis.port(), "--sandbox.rate-limit.window=1h"};
        first = RunningSandbox.start(args);
        second = RunningSandbox.start(args);
    }

    @AfterAll
    static void stop() throws Exception {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        redis.close();
    }

    @Test
    void twoSandboxesShareOneTokensBudget() throws Exception {
        assertThat(first.bean(ThrottleStore.class).description()).isEqualTo("redis://127.0.0.1:" + redis.port() + "/0");
        for (int i = 0; i < 10; i++) {
            assertThat(first.get("/v1/customers?size=1").token(RO).send().status()).isEqualTo(200);
            Reply r = second.get("/v1/customers?size=1").token(RO).send();
            assertThat(r.status()).isEqualTo(200);
            // t counts down from 3600: the window began with the first request.
            assertThat(r.header("RateLimit").orElseThrow()).matches("\"per-token\";r=" + (18 - 2 * i) + ";t=3(600|5[0-9]{2})");
        }
        for (RunningSandbox sandbox : new RunningSandbox[] {first, second}) {
            Reply refused = sandbox.get("/v1/customers").token(RO).header("X-Locale", "ja-JP").send();
            long wait = Long.parseLong(refused.header("Retry-After").orElseThrow());
            ErrorCheck.of(refused, 429, dev.restfault.core.model.ErrorFormat.PARTNER_CENTER, Locale.JAPAN).code("tooManyRequests")
                    .description(l -> ExpectedTexts.text(Texts.RATE_LIMITED, l, 20, 3600, wait));
            assertThat(refused.header("RateLimit-Policy")).contains("\"per-token\";q=20;w=3600");
        }
        assertThat(second.get("/v1/customers?size=1").token(RW).send().status()).as("another token, its own budget").isEqualTo(200);
        assertThat(redis.command("KEYS", "restfault:throttle:per-token:*").split("\n"))
                .containsExactlyInAnyOrder("restfault:throttle:per-token:demo-read-only", "restfault:throttle:per-token:demo-read-write");
    }
}
