package dev.restfault.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.restfault.core.http.RequestIds;
import dev.restfault.spring.throttleapp.ThrottleApplication;
import dev.restfault.throttling.Throttle;
import dev.restfault.throttling.ThrottleStore;
import dev.restfault.throttling.testing.RedisServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of an application sharing their limits through a real Redis
 * ({@code restfault.throttling.store=redis}, connected with Spring Boot's {@code spring.data.redis.*}),
 * many threads on both at once getting no more than the limit, then Redis killed and restarted
 * under them: one instance fails open (logged once, every check counted), the other closed (a
 * contract 503 with Retry-After), neither ever answers 500 or waits past the store's timeout. On
 * Tomcat; the filter is the same on Jetty.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisThrottlingStarterTest {

    private RedisServer redis;
    private final List<ConfigurableApplicationContext> apps = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private int open;
    private int closed;

    @BeforeAll
    void start() throws Exception {
        redis = RedisServer.start();
        open = port(app("fail-open"));
        closed = port(app("fail-closed"));
    }

    @AfterAll
    void stop() throws Exception {
        apps.forEach(ConfigurableApplicationContext::close);
        if (redis != null) {
            redis.close();
        }
    }

    private ConfigurableApplicationContext app(String failureMode, String... more) {
        List<String> properties = new ArrayList<>(List.of(
                "spring.config.location=classpath:/throttleapp/application.properties",
                "server.port=0",
                "server.address=127.0.0.1",
                "spring.autoconfigure.exclude=" + AbstractContractErrorsTest.JETTY_AUTOCONFIG,
                "spring.data.redis.host=127.0.0.1",
                "spring.data.redis.port=" + redis.port(),
                "restfault.throttling.store=redis",
                "restfault.throttling.failure-mode=" + failureMode,
                "restfault.throttling.redis.timeout=500ms",
                "restfault.throttling.store-retry-interval=200ms"));
        properties.addAll(List.of(more));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ThrottleApplication.class)
                .properties(properties.toArray(new String[0])).run();
        apps.add(context);
        return context;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private HttpResponse<String> get(int port, String tenant) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/items"))
                    .header("MS-PartnerTenantId", tenant).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twoInstancesShareATenantsLimitThroughRedis() {
        String tenant = "shared-" + UUID.randomUUID();
        assertThat(get(open, tenant).statusCode()).isEqualTo(200);
        assertThat(get(closed, tenant).statusCode()).isEqualTo(200);
        assertThat(get(open, tenant).statusCode()).isEqualTo(200);
        HttpResponse<String> fourth = get(closed, tenant);
        assertThat(fourth.statusCode()).isEqualTo(200);
        assertThat(fourth.headers().firstValue("RateLimit")).hasValueSatisfying(v -> assertThat(v).matches("\"per-tenant\";r=0;t=3(600|5[0-9]{2})"));
        HttpResponse<String> fifth = get(open, tenant);
        assertThat(fifth.statusCode()).as("the fifth request, whichever instance gets it").isEqualTo(429);
        assertThat(fifth.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(899L, 900L));
        assertThat(get(closed, tenant).statusCode()).isEqualTo(429);
        ThrottleStore store = apps.get(0).getBean(ThrottleStore.class);
        assertThat(store.description()).isEqualTo("redis://127.0.0.1:" + redis.port() + "/0");
    }

    /** The fail-open instance's count of the checks Redis failed, for the per-tenant limit. */
    private double openStoreFailures() {
        Counter c = apps.get(0).getBean(MeterRegistry.class).find("restfault.throttling.store.failures")
                .tags("limit", "per-tenant", "mode", "fail-open").counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void redisKilledAndRestarted_openLetsThrough_closedAnswers503_neverA500() throws Exception {
        String tenant = "outage-" + UUID.randomUUID();
        assertThat(get(open, tenant).statusCode()).isEqualTo(200);
        double failuresBefore = openStoreFailures();
        Logger throttleLog = (Logger) LoggerFactory.getLogger(Throttle.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        throttleLog.addAppender(log);
        redis.stop();
        try {
            for (int i = 0; i < 10; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> o = get(open, tenant);
                HttpResponse<String> c = get(closed, tenant);
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("two requests, each bounded by the 500 ms timeout")
                        .isLessThan(Duration.ofSeconds(3));
                assertThat(o.statusCode()).as("fail-open").isEqualTo(200);
                assertThat(c.statusCode()).as("fail-closed").isEqualTo(503);
                assertThat(c.headers().firstValue("Retry-After")).contains("5");
                assertThat(c.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
                assertThat(RequestIds.isValid(c.headers().firstValue("MS-RequestId").orElse(null))).isTrue();
                assertThat(c.body()).contains("\"code\":\"serviceUnavailable\"").doesNotContain("Redis", "redis", "Exception", "127.0.0.1");
            }
            assertThat(openStoreFailures() - failuresBefore).as("every request let through unlimited is counted").isEqualTo(10);
            List<String> warnings = warnings(log);
            assertThat(warnings).as("one warning per outage and instance, not one per request").hasSize(2);
            assertThat(warnings).anySatisfy(w -> assertThat(w).contains("(fail-open)"))
                    .anySatisfy(w -> assertThat(w).contains("(fail-closed)"));
        } finally {
            throttleLog.detachAppender(log);
            redis.restart();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && (status = get(closed, "probe-" + UUID.randomUUID()).statusCode()) != 200) {
            Thread.sleep(100);
        }
        assertThat(status).as("the fail-closed instance serves again once Redis is back").isEqualTo(200);
        assertThat(apps.get(1).getBean(Throttle.class).storeDown()).isFalse();
        // The fail-open instance notices at its next probe; the other tests need both counting again.
        Throttle openThrottle = apps.get(0).getBean(Throttle.class);
        while (System.nanoTime() < deadline && openThrottle.storeDown()) {
            get(open, "probe-" + UUID.randomUUID());
            Thread.sleep(100);
        }
        assertThat(openThrottle.storeDown()).as("the fail-open instance counts again once Redis is back").isFalse();
    }

    private static List<String> warnings(ListAppender<ILoggingEvent> log) {
        synchronized (log) { // the appender's lock, which logback holds while it adds to the list
            return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    /**
     * Many threads sending one tenant's requests to both instances at once: across the two, no
     * more 200s than the limit (4 an hour), every other answer a 429, never an error of the
     * store (Redis answered every check, so fail-open let nothing through). Bounded by request
     * count: 8 threads of 12 requests.
     */
    @Test
    void manyThreadsOnTwoInstancesGetNoMorePermitsThanTheLimit() throws Exception {
        String tenant = "crowd-" + UUID.randomUUID();
        double failuresBefore = openStoreFailures();
        int threads = 8;
        int requestsPerThread = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Map<Integer, Integer>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int n = t;
            results.add(pool.submit(() -> {
                start.await();
                Map<Integer, Integer> statuses = new HashMap<>();
                for (int i = 0; i < requestsPerThread; i++) {
                    statuses.merge(get((n + i) % 2 == 0 ? open : closed, tenant).statusCode(), 1, Integer::sum);
                }
                return statuses;
            }));
        }
        start.countDown();
        Map<Integer, Integer> statuses = new HashMap<>();
        try {
            for (Future<Map<Integer, Integer>> f : results) {
                f.get(60, TimeUnit.SECONDS).forEach((status, n) -> statuses.merge(status, n, Integer::sum));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(openStoreFailures() - failuresBefore).as("Redis answered every check").isZero();
        assertThat(statuses).containsOnly(Map.entry(200, 4), Map.entry(429, threads * requestsPerThread - 4));
    }

    @Test
    void theReadmesPropertiesConfigureAWorkingThrottle() throws IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Throttling"));
        String block = section.substring(section.indexOf("```properties") + "```properties".length(), section.indexOf("```", section.indexOf("```properties") + 3));
        List<String> properties = new ArrayList<>(List.of(
                "spring.config.location=optional:classpath:/nothing-here.properties",
                "server.port=0",
                "server.address=127.0.0.1",
                "spring.autoconfigure.exclude=" + AbstractContractErrorsTest.JETTY_AUTOCONFIG,
                "spring.data.redis.host=127.0.0.1",
                "spring.data.redis.port=" + redis.port()));
        for (String line : block.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                properties.add(line.trim());
            }
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ThrottleApplication.class)
                .properties(properties.toArray(new String[0])).run()) {
            Throttle throttle = context.getBean(Throttle.class);
            assertThat(throttle.limits()).extracting(l -> l.name()).containsExactly("per-tenant", "user-writes", "reports");
            assertThat(throttle.store().description()).startsWith("redis://127.0.0.1:" + redis.port());
            HttpResponse<String> r;
            try {
                r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(context) + "/v1/customers"))
                        .header("MS-PartnerTenantId", "readme-" + UUID.randomUUID()).build(), HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.headers().firstValue("RateLimit-Policy")).contains("\"per-tenant\";q=100;w=60");
        }
    }

    @Test
    void aRedisClusterIsRefusedAtStartWithTheProperty() {
        assertThatThrownBy(() -> app("fail-open", "spring.data.redis.cluster.nodes=127.0.0.1:1,127.0.0.1:2"))
                .hasStackTraceContaining("spring.data.redis.cluster is not supported");
    }
}
