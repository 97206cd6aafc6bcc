package dev.restfault.spring.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.http.RequestIds;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.spring.reactive.throttleapp.ReactiveThrottleApplication;
import dev.restfault.throttling.Throttle;
import dev.restfault.throttling.testing.RedisServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Throttling on Spring WebFlux, over real HTTP on Reactor Netty (on a class path without the
 * servlet stack): two instances of a WebFlux application sharing their limits through a real
 * Redis, the starter's {@code WebFilter} asking the throttle without blocking, and every refusal
 * rendered by the reactive adapter like every other contract error: the ids, the caller's
 * language, an exact {@code Retry-After}. Then Redis killed and restarted under them: one instance
 * fails open, the other closed (a contract 503), never a 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReactiveThrottlingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    private ConfigurableApplicationContext app(String failureMode) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ReactiveThrottleApplication.class).properties(
                "spring.config.location=optional:classpath:/nothing-here.properties",
                "spring.main.banner-mode=off",
                "spring.application.name=throttle-test",
                "server.port=0",
                "server.address=127.0.0.1",
                "spring.data.redis.host=127.0.0.1",
                "spring.data.redis.port=" + redis.port(),
                "restfault.throttling.store=redis",
                "restfault.throttling.failure-mode=" + failureMode,
                "restfault.throttling.redis.timeout=500ms",
                "restfault.throttling.store-retry-interval=200ms",
                "restfault.throttling.rate-limit-headers=true",
                "restfault.throttling.limits.per-tenant.capacity=4",
                "restfault.throttling.limits.per-tenant.refill-period=1h",
                "restfault.throttling.limits.per-tenant.key=header",
                "restfault.throttling.limits.per-tenant.header=MS-PartnerTenantId",
                "restfault.throttling.limits.per-tenant.routes=/api/items/**",
                "restfault.throttling.limits.per-tenant.methods=GET",
                "restfault.throttling.limits.per-user.capacity=2",
                "restfault.throttling.limits.per-user.refill-period=1h",
                "restfault.throttling.limits.per-user.key=subject",
                "restfault.throttling.limits.per-user.routes=/api/me").run();
        apps.add(context);
        return context;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private HttpResponse<String> send(int port, String path, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
            if (headers.length > 0) {
                request.headers(headers);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> tenantGet(int port, String tenant, String... more) {
        List<String> headers = new ArrayList<>(List.of("MS-PartnerTenantId", tenant));
        headers.addAll(List.of(more));
        return send(port, "/api/items", headers.toArray(new String[0]));
    }

    @Test
    void twoInstancesShareATenantsLimit_andTheRefusalIsAContract429() {
        String tenant = "tenant-" + UUID.randomUUID();
        int servedBefore = ReactiveThrottleApplication.SERVED.get();
        for (int i = 0; i < 4; i++) {
            int left = 3 - i;
            HttpResponse<String> ok = tenantGet(i % 2 == 0 ? open : closed, tenant);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("RateLimit-Policy")).contains("\"per-tenant\";q=4;w=3600");
            assertThat(ok.headers().firstValue("RateLimit")).hasValueSatisfying(v -> assertThat(v).startsWith("\"per-tenant\";r=" + left + ";t="));
        }
        String correlation = UUID.randomUUID().toString();
        HttpResponse<String> refused = tenantGet(open, tenant, "MS-CorrelationId", correlation, "X-Locale", "fr-FR");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(refused.headers().firstValue("MS-CorrelationId")).as("the caller's correlation id, echoed").contains(correlation);
        assertThat(RequestIds.isValid(refused.headers().firstValue("MS-RequestId").orElse(null))).isTrue();
        String retryAfter = refused.headers().firstValue("Retry-After").orElseThrow();
        assertThat(Long.parseLong(retryAfter)).as("one token per 900 s, just spent on the other instance").isBetween(895L, 900L);
        assertThat(refused.headers().firstValue("RateLimit")).contains("\"per-tenant\";r=0;t=" + retryAfter);
        assertThat(refused.headers().firstValue("Content-Language")).contains("fr-FR");
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.get("code").asText()).isEqualTo("tooManyRequests");
        assertThat(body.get("description").asText()).isEqualTo(ContractMessages.defaults().statusDescription(429, Locale.FRANCE));
        assertThat(body.get("source").asText()).isEqualTo("throttle-test");
        assertThat(tenantGet(closed, tenant).statusCode()).as("the other instance refuses too").isEqualTo(429);
        assertThat(ReactiveThrottleApplication.SERVED.get() - servedBefore).as("refused requests never reach the controller").isEqualTo(4);

        MeterRegistry registry = apps.get(0).getBean(MeterRegistry.class);
        assertThat(registry.get("restfault.throttling.requests").tags("limit", "per-tenant", "outcome", "rejected").counter().count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aUserIsCountedByTheSubjectReactiveSecurityAuthenticated() {
        String alice = "Basic " + Base64.getEncoder().encodeToString("alice:alice-pw".getBytes(StandardCharsets.UTF_8));
        // Other tests do not use /api/me; the bucket is alice's across both instances.
        assertThat(send(open, "/api/me", "Authorization", alice).statusCode()).isEqualTo(200);
        HttpResponse<String> second = send(closed, "/api/me", "Authorization", alice);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("RateLimit")).hasValueSatisfying(v -> assertThat(v).startsWith("\"per-user\";r=0;t="));
        HttpResponse<String> third = send(open, "/api/me", "Authorization", alice);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.body()).contains("\"code\":\"tooManyRequests\"").doesNotContain("alice");
        assertThat(send(open, "/api/me").statusCode()).as("anonymous: the 401, not counted").isEqualTo(401);
    }

    @Test
    void redisKilledAndRestarted_openLetsThrough_closedAnswers503_neverA500() throws Exception {
        String tenant = "outage-" + UUID.randomUUID();
        assertThat(tenantGet(open, tenant).statusCode()).isEqualTo(200);
        redis.stop();
        try {
            for (int i = 0; i < 6; i++) {
                HttpResponse<String> o = tenantGet(open, tenant);
                HttpResponse<String> c = tenantGet(closed, tenant);
                assertThat(o.statusCode()).as("fail-open, past the limit of 4").isEqualTo(200);
                assertThat(c.statusCode()).as("fail-closed").isEqualTo(503);
                assertThat(c.headers().firstValue("Retry-After")).contains("5");
                assertThat(RequestIds.isValid(c.headers().firstValue("MS-RequestId").orElse(null))).isTrue();
                assertThat(c.body()).contains("\"code\":\"serviceUnavailable\"").doesNotContain("Redis", "redis", "Exception", "127.0.0.1");
            }
        } finally {
            redis.restart();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (ConfigurableApplicationContext app : apps) {
            Throttle throttle = app.getBean(Throttle.class);
            while (System.nanoTime() < deadline && throttle.storeDown()) {
                tenantGet(port(app), "probe-" + UUID.randomUUID());
                Thread.sleep(100);
            }
            assertThat(throttle.storeDown()).as("counting again once Redis is back").isFalse();
        }
        assertThat(tenantGet(closed, "after-" + UUID.randomUUID()).statusCode()).isEqualTo(200);
    }
}
