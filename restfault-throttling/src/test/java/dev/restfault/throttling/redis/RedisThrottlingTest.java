package dev.restfault.throttling.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.restfault.core.exception.ContractException;
import dev.restfault.throttling.CallerKeyResolver;
import dev.restfault.throttling.FailureMode;
import dev.restfault.throttling.LogCapture;
import dev.restfault.throttling.RateLimit;
import dev.restfault.throttling.RefillStyle;
import dev.restfault.throttling.Throttle;
import dev.restfault.throttling.ThrottleDecision;
import dev.restfault.throttling.ThrottleListener;
import dev.restfault.throttling.ThrottledRequest;
import dev.restfault.throttling.testing.RedisServer;
import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Redis store against a real {@code redis-server} on loopback: several "instances" (each a
 * throttle with its own store, client and connection, as separate JVMs would have) sharing
 * limits, the real refill, round trips counted by Redis itself, and Redis killed and restarted.
 */
class RedisThrottlingTest {

    /** Generous: the machine is shared; a test that needs a short bound sets its own. */
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private static RedisServer redis;
    private final List<Throttle> instances = new ArrayList<>();

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    @BeforeEach
    void emptyRedis() throws Exception {
        if (!"PONG".equals(pingOrNull())) {
            redis.restart();
        }
        redis.command("FLUSHALL");
        redis.command("CONFIG", "RESETSTAT");
    }

    @AfterEach
    void closeInstances() {
        instances.forEach(Throttle::close);
    }

    private static String pingOrNull() {
        try {
            return redis.command("PING");
        } catch (IOException e) {
            return null;
        }
    }

    private Throttle instance(RateLimit limit, FailureMode mode, Duration timeout, ThrottleListener listener) {
        return instance(limit, mode, RedisThrottleStore.builder(redis.uri()).timeout(timeout).build(), listener);
    }

    private Throttle instance(RateLimit limit, FailureMode mode, RedisThrottleStore store, ThrottleListener listener) {
        return instance(limit, mode, store, listener, Duration.ofMillis(100));
    }

    private Throttle instance(RateLimit limit, FailureMode mode, RedisThrottleStore store, ThrottleListener listener, Duration retryInterval) {
        Throttle t = Throttle.builder().limit(limit).store(store).failureMode(mode).failClosedRetryAfter(Duration.ofSeconds(9))
                .storeRetryInterval(retryInterval).listener(listener).rateLimitHeaders(true).build();
        instances.add(t);
        return t;
    }

    private Throttle instance(RateLimit limit) {
        return instance(limit, FailureMode.FAIL_OPEN, TIMEOUT, ThrottleListener.NONE);
    }

    private static RateLimit perSubject(long capacity, long tokens, Duration period) {
        return RateLimit.builder("per-subject").capacity(capacity).refill(tokens, period).key(CallerKeyResolver.subject()).build();
    }

    private static ThrottledRequest as(String subject) {
        return ThrottledRequest.builder("GET", "/v1/customers").subject(subject).build();
    }

    private static int status(ThrottleDecision d) {
        return d.rejection().map(ContractException::status).orElse(200);
    }

    @Test
    void twoInstancesShareOneLimit() {
        RateLimit limit = perSubject(5, 5, Duration.ofHours(1));
        Throttle a = instance(limit);
        Throttle b = instance(limit);
        assertThat(status(a.check(as("alice")))).isEqualTo(200);
        assertThat(status(b.check(as("alice")))).isEqualTo(200);
        assertThat(status(a.check(as("alice")))).isEqualTo(200);
        assertThat(status(b.check(as("alice")))).isEqualTo(200);
        ThrottleDecision fifth = a.check(as("alice"));
        assertThat(fifth.headers().get("RateLimit")).matches("\"per-subject\";r=0;t=(3600|359[0-9])"); // less the time spent so far
        ThrottleDecision sixth = b.check(as("alice"));
        assertThat(status(sixth)).as("the sixth request, on the other instance").isEqualTo(429);
        assertThat(Long.parseLong(sixth.rejection().orElseThrow().headers().get("Retry-After"))).isBetween(710L, 720L); // 1 h / 5
        assertThat(status(a.check(as("alice")))).isEqualTo(429);
        assertThat(status(b.check(as("bob")))).as("another caller").isEqualTo(200);
    }

    @Test
    void retryAfterIsTheBucketsRealRefill() throws Exception {
        RateLimit limit = RateLimit.builder("per-subject").capacity(1).refill(1, Duration.ofSeconds(2), RefillStyle.INTERVAL)
                .key(CallerKeyResolver.subject()).build();
        Throttle a = instance(limit);
        Throttle b = instance(limit);
        assertThat(status(a.check(as("carol")))).isEqualTo(200);

        long sent = System.nanoTime();
        ThrottleDecision refused = b.check(as("carol"));
        long received = System.nanoTime();
        long retryAfter = Long.parseLong(refused.rejection().orElseThrow().headers().get("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 2L);

        // The next token comes in (retryAfter - 1, retryAfter] seconds after the 429: a second
        // earlier than announced is still too early...
        sleepUntil(sent + TimeUnit.SECONDS.toNanos(retryAfter - 1) - TimeUnit.MILLISECONDS.toNanos(100));
        ThrottleDecision early = a.check(as("carol"));
        assertThat(status(early)).isEqualTo(429);
        assertThat(Long.parseLong(early.rejection().orElseThrow().headers().get("Retry-After"))).isBetween(1L, retryAfter);
        // ...and once Retry-After has passed, the client gets through.
        sleepUntil(received + TimeUnit.SECONDS.toNanos(retryAfter) + TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(status(b.check(as("carol")))).isEqualTo(200);
        assertThat(status(a.check(as("carol")))).isEqualTo(429);
    }

    @Test
    void oneRoundTripPerRequest_countedByRedis() throws Exception {
        RateLimit limit = perSubject(1_000, 1_000, Duration.ofHours(1));
        Throttle a = instance(limit);
        a.check(as("warm-up")); // opens the connection and loads the script
        redis.command("CONFIG", "RESETSTAT");

        for (int i = 0; i < 50; i++) {
            assertThat(status(a.check(as("dave")))).isEqualTo(200);
        }
        Map<String, Long> calls = redis.commandCalls();
        // INFO commandstats also counts the commands a script runs: each EVALSHA's one GET and SET.
        assertThat(calls).as("every command Redis ran for 50 requests: one EVALSHA each, and the script's GET and SET")
                .containsOnly(Map.entry("evalsha", 50L), Map.entry("get", 50L), Map.entry("set", 50L));

        // A second instance changing the same bucket in turn: its view is stale each time, so
        // the swap fails once and shows the current state: at most two round trips.
        Throttle b = instance(limit);
        b.check(as("warm-up"));
        redis.command("CONFIG", "RESETSTAT");
        for (int i = 0; i < 25; i++) {
            a.check(as("dave"));
            b.check(as("dave"));
        }
        calls = redis.commandCalls();
        assertThat(calls.get("evalsha")).isBetween(50L, 100L);
        assertThat(calls.get("set")).as("every request swapped once").isEqualTo(50L);
        assertThat(calls.get("get")).as("no GET of the client's own: only the script's").isEqualTo(calls.get("evalsha"));
        assertThat(calls).containsOnlyKeys("evalsha", "get", "set");
    }

    @Test
    void aRefusedRequestCostsOneReadAndIsDecidedByRedisNotByAnOldView() throws Exception {
        Throttle a = instance(perSubject(2, 2, Duration.ofHours(1)));
        a.check(as("erin"));
        a.check(as("erin"));
        redis.command("CONFIG", "RESETSTAT");
        for (int i = 0; i < 20; i++) {
            assertThat(status(a.check(as("erin")))).isEqualTo(429);
        }
        assertThat(redis.commandCalls()).containsOnly(Map.entry("get", 20L));

        // Redis loses the bucket (a restart, an eviction): the caller is not refused on this
        // instance's memory of it.
        redis.command("FLUSHALL");
        assertThat(status(a.check(as("erin")))).isEqualTo(200);
        assertThat(status(a.check(as("erin")))).isEqualTo(200);
        assertThat(status(a.check(as("erin")))).isEqualTo(429);
    }

    @Test
    void noMorePermitsThanTheLimitAcrossInstancesOverManyThreads() throws Exception {
        int capacity = 60;
        RateLimit limit = RateLimit.builder("shared").capacity(capacity).refill(capacity, Duration.ofHours(1)).key(CallerKeyResolver.shared()).build();
        LongAdder failures = new LongAdder();
        ThrottleListener countFailures = new ThrottleListener() {
            @Override
            public void storeFailed(RateLimit l, FailureMode mode, Exception cause) {
                failures.increment();
            }
        };
        // Three instances: two blocking, one on the asynchronous path, as a WebFlux one would be.
        Throttle a = instance(limit, FailureMode.FAIL_OPEN, Duration.ofSeconds(10), countFailures);
        Throttle b = instance(limit, FailureMode.FAIL_OPEN, Duration.ofSeconds(10), countFailures);
        Throttle c = instance(limit, FailureMode.FAIL_OPEN, Duration.ofSeconds(10), countFailures);
        int threads = 12;
        int requestsPerThread = 25;
        AtomicInteger permitted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int n = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < requestsPerThread; i++) {
                    ThrottledRequest r = ThrottledRequest.builder("GET", "/").build();
                    ThrottleDecision d = switch (n % 3) {
                        case 0 -> a.check(r);
                        case 1 -> b.check(r);
                        default -> c.checkAsync(r).toCompletableFuture().join();
                    };
                    (d.permitted() ? permitted : refused).incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(failures.sum()).as("the store answered every check (so fail-open let nothing through)").isZero();
        assertThat(permitted.get()).isEqualTo(capacity);
        assertThat(refused.get()).isEqualTo(threads * requestsPerThread - capacity);
    }

    @Test
    void redisKilledAndRestarted_failOpen() throws Exception {
        Duration timeout = Duration.ofMillis(500);
        LongAdder failures = new LongAdder();
        Throttle a = instance(perSubject(2, 2, Duration.ofHours(1)), FailureMode.FAIL_OPEN, timeout, new ThrottleListener() {
            @Override
            public void storeFailed(RateLimit l, FailureMode mode, Exception cause) {
                failures.increment();
            }
        });
        try (LogCapture log = LogCapture.throttle()) {
            assertThat(status(a.check(as("frank")))).isEqualTo(200);
            assertThat(status(a.check(as("frank")))).isEqualTo(200);
            assertThat(status(a.check(as("frank")))).isEqualTo(429);

            redis.stop();
            long slowest = 0;
            for (int i = 0; i < 40; i++) {
                long t0 = System.nanoTime();
                ThrottleDecision d = a.check(as("gina"));
                slowest = Math.max(slowest, System.nanoTime() - t0);
                assertThat(d.permitted()).as("fail-open: let through").isTrue();
                Thread.sleep(10);
            }
            assertThat(Duration.ofNanos(slowest)).as("no request waits past the bound").isLessThan(timeout.plusMillis(1_000));
            assertThat(failures.sum()).isEqualTo(40);
            assertThat(log.messages(Level.WARN)).as("logged once per outage").hasSize(1);
            assertThat(a.storeDown()).isTrue();

            redis.restart(); // empty: Redis without persistence forgets its buckets
            awaitRecovery(a, as("helen"));
            assertThat(log.messages(Level.INFO)).singleElement().asString().contains("answers again");
            assertThat(status(a.check(as("frank")))).as("limited again, from a new bucket").isEqualTo(200);
            assertThat(status(a.check(as("frank")))).isEqualTo(200);
            assertThat(status(a.check(as("frank")))).isEqualTo(429);
        }
    }

    @Test
    void redisKilledAndRestarted_failClosed() throws Exception {
        Duration timeout = Duration.ofMillis(500);
        Throttle a = instance(perSubject(5, 5, Duration.ofHours(1)), FailureMode.FAIL_CLOSED, timeout, ThrottleListener.NONE);
        assertThat(status(a.check(as("ivan")))).isEqualTo(200);
        redis.stop();
        for (int i = 0; i < 20; i++) {
            long t0 = System.nanoTime();
            ThrottleDecision d = a.check(as("ivan"));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(timeout.plusMillis(1_000));
            ContractException e = d.rejection().orElseThrow();
            assertThat(e.status()).as("503, never 500").isEqualTo(503);
            assertThat(e.headers()).containsEntry("Retry-After", "9");
            ThrottleDecision async = a.checkAsync(as("ivan")).toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(status(async)).isEqualTo(503);
        }
        redis.restart();
        awaitRecovery(a, as("judy"));
        assertThat(status(a.check(as("ivan")))).isEqualTo(200);
    }

    @Test
    void redisDownAtStartup() throws Exception {
        RedisServer gone = RedisServer.start();
        RedisURI nobody = gone.uri();
        gone.close();
        RateLimit limit = perSubject(1, 1, Duration.ofHours(1));
        Throttle open = instance(limit, FailureMode.FAIL_OPEN, RedisThrottleStore.builder(nobody).timeout(Duration.ofMillis(300)).build(), ThrottleListener.NONE);
        Throttle closed = instance(limit, FailureMode.FAIL_CLOSED, RedisThrottleStore.builder(nobody).timeout(Duration.ofMillis(300)).build(), ThrottleListener.NONE);
        for (int i = 0; i < 5; i++) {
            assertThat(status(open.check(as("kim")))).isEqualTo(200);
            assertThat(status(closed.check(as("kim")))).isEqualTo(503);
        }
    }

    @Test
    void redisAnsweringTooSlowlyIsAnOutage_boundedByTheTimeout() throws Exception {
        Duration timeout = Duration.ofMillis(300);
        // Probed again once per second (the default), so the loop below never waits for a probe.
        Throttle open = instance(perSubject(100, 100, Duration.ofHours(1)), FailureMode.FAIL_OPEN,
                RedisThrottleStore.builder(redis.uri()).timeout(timeout).build(), ThrottleListener.NONE, Duration.ofSeconds(1));
        Throttle closed = instance(perSubject(100, 100, Duration.ofHours(1)), FailureMode.FAIL_CLOSED,
                RedisThrottleStore.builder(redis.uri()).timeout(timeout).build(), ThrottleListener.NONE, Duration.ofSeconds(1));
        assertThat(status(open.check(as("liam")))).isEqualTo(200);
        assertThat(status(closed.check(as("liam")))).isEqualTo(200);

        redis.command("CLIENT", "PAUSE", "2500", "ALL"); // every command now waits 2.5 s
        long t0 = System.nanoTime();
        assertThat(status(open.check(as("liam")))).isEqualTo(200);
        assertThat(status(closed.check(as("liam")))).isEqualTo(503);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("two checks, each bounded").isLessThan(timeout.multipliedBy(2).plusMillis(1_000));
        long t1 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertThat(status(open.check(as("liam")))).isEqualTo(200);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t1)).as("while down, requests do not wait each for a timeout")
                .isLessThan(timeout);

        Thread.sleep(2_600);
        awaitRecovery(open, as("mia"));
        awaitRecovery(closed, as("mia"));
        assertThat(status(closed.check(as("liam")))).isEqualTo(200);
    }

    @Test
    void keysExpireOnceTheBucketIsFullAgainAndLongKeysAreHashed() throws Exception {
        RateLimit limit = RateLimit.builder("per-tenant").capacity(10).refill(10, Duration.ofSeconds(2))
                .key(CallerKeyResolver.header("MS-PartnerTenantId")).build();
        Throttle a = instance(limit);
        a.check(ThrottledRequest.builder("GET", "/").header("MS-PartnerTenantId", "t1").build());
        a.check(ThrottledRequest.builder("GET", "/").header("MS-PartnerTenantId", "x".repeat(20_000)).build());
        List<String> keys = List.of(redis.command("KEYS", "*").split("\n"));
        assertThat(keys).hasSize(2).contains("restfault:throttle:per-tenant:header:ms-partnertenantid:t1");
        assertThat(keys).allMatch(k -> k.length() < 100);
        long ttl = Long.parseLong(redis.command("PTTL", "restfault:throttle:per-tenant:header:ms-partnertenantid:t1"));
        // One token spent: full again in 200 ms, kept one second longer for clocks apart.
        assertThat(ttl).isBetween(100L, 1_300L);
    }

    @Test
    void storeSettingsAreValidated() {
        RedisThrottleStore.Builder b = RedisThrottleStore.builder(redis.uri());
        assertThatThrownBy(() -> b.timeout(Duration.ZERO)).hasMessage("timeout must be within 1 ms..60 s, was PT0S");
        assertThatThrownBy(() -> b.timeout(Duration.ofMinutes(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.timeout(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.keyPrefix("a b")).hasMessageStartingWith("keyPrefix must be printable ASCII without spaces");
        assertThatThrownBy(() -> b.keyPrefix("a\r\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.keyPrefix("x".repeat(257))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.localBuckets(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedisThrottleStore.builder(null)).isInstanceOf(NullPointerException.class);
        RedisURI withPassword = RedisURI.builder().withHost("127.0.0.1").withPort(redis.port()).withPassword("hunter2".toCharArray()).build();
        try (RedisThrottleStore store = RedisThrottleStore.builder(withPassword).build()) {
            assertThat(store.description()).isEqualTo("redis://127.0.0.1:" + redis.port() + "/0");
            assertThat(store.toString()).doesNotContain("hunter2");
        }
    }

    private static void awaitRecovery(Throttle throttle, ThrottledRequest probe) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            throttle.check(probe);
            if (!throttle.storeDown()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the store did not recover within 20 s of Redis's restart");
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
