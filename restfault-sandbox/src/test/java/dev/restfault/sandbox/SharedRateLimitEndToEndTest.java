package dev.restfault.sandbox;

import static dev.restfault.sandbox.RunningSandbox.RO;
import static dev.restfault.sandbox.RunningSandbox.RW;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.restfault.throttling.Throttle;
import dev.restfault.throttling.ThrottleStore;
import dev.restfault.throttling.testing.RedisServer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The README's two sandboxes on one Redis: a real {@code redis-server} on a free loopback port, two
 * sandboxes configured to it exactly as the README's commands do, and one token's budget (20 per
 * window, the default; the window stretched to an hour so a slow machine cannot roll it over)
 * spent across both; then Redis stopped under them and restarted.
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

    /**
     * The README's outage: Redis stopped under the sandboxes. They fail open (the default): more
     * requests than the budget get through, the outage is logged once, not per request, and once
     * Redis is back (empty, as a Redis without persistence restarts) the token is counted again.
     * Uses the read-write token, so that it does not depend on the other test's order.
     */
    @Test
    void whileRedisIsDownRequestsGoThroughAndTheOutageIsLoggedOnce() throws Exception {
        Logger throttleLog = (Logger) LoggerFactory.getLogger(Throttle.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        throttleLog.addAppender(log);
        try {
            redis.stop();
            for (int i = 0; i < 25; i++) {
                Reply r = first.get("/v1/customers?size=1").token(RW).send();
                assertThat(r.status()).as("fail-open, past the budget of 20").isEqualTo(200);
                assertThat(r.header("RateLimit")).as("not counted while Redis is down").isEmpty();
            }
            synchronized (log) { // the appender's lock, which logback holds while it adds to the list
                assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
                        .satisfies(e -> assertThat(e.getFormattedMessage()).contains("does not answer", "fail-open", "Logged once per outage"));
            }
        } finally {
            throttleLog.detachAppender(log);
            redis.restart();
        }
        Throttle throttle = first.bean(Throttle.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        do {
            first.get("/v1/customers?size=1").token(RW).send(); // the request that asks Redis again
            Thread.sleep(100);
        } while (System.nanoTime() < deadline && throttle.storeDown());
        assertThat(throttle.storeDown()).as("Redis answers again within 20 s of its restart").isFalse();
        Reply r = first.get("/v1/customers?size=1").token(RW).send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("RateLimit")).as("counted again, in a new bucket").hasValueSatisfying(v -> assertThat(v).matches("\"per-token\";r=1[0-9];t=[0-9]+"));
        assertThat(redis.command("KEYS", "restfault:throttle:per-token:*")).isEqualTo("restfault:throttle:per-token:demo-read-write");
    }
}
