package dev.restfault.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.http.RequestIds;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.spring.throttleapp.ThrottleApplication;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
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
 * Throttling in a Spring MVC application, over real HTTP on a real server: the limits of
 * {@code restfault.throttling.*} and a {@code RateLimit} bean, enforced by the starter's filter,
 * and every refusal rendered like every other contract error. Each subclass runs the application
 * on its server; the buckets live in memory (the Redis store: {@code RedisThrottlingStarterTest}).
 * Each test uses its own callers, as the buckets are shared by the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractThrottlingTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ContractMessages TEXTS = ContractMessages.defaults();

    private ConfigurableApplicationContext context;
    private HttpClient client;
    private int port;

    /** The auto-configuration of the server NOT under test, excluded so the other one starts. */
    abstract String otherServerAutoConfiguration();

    @BeforeAll
    void start() {
        context = new SpringApplicationBuilder(ThrottleApplication.class)
                .properties(
                        "spring.config.location=classpath:/throttleapp/application.properties",
                        "server.port=0",
                        "server.address=127.0.0.1",
                        "spring.autoconfigure.exclude=" + otherServerAutoConfiguration())
                .run();
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    void stop() {
        client = null;
        if (context != null) {
            context.close();
        }
    }

    record Reply(int status, java.net.http.HttpHeaders headers, byte[] body) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> r = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply tenantGet(String path, String tenant) {
        return send(request(path).header("MS-PartnerTenantId", tenant));
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8));
    }

    /** What every contract error carries, whatever refused the request. */
    static void assertContractError(Reply r, int status) {
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(RequestIds.isValid(r.header("MS-RequestId"))).isTrue();
        assertThat(RequestIds.isValid(r.header("MS-CorrelationId"))).isTrue();
        assertThat(r.json().get("source").asText()).isEqualTo("throttle-test");
    }

    @Test
    void aTenantOverItsLimitGetsAContract429WithTheIdsAndAnExactRetryAfter() {
        String tenant = "tenant-" + UUID.randomUUID();
        int servedBefore = ThrottleApplication.SERVED.get();
        for (int i = 0; i < 4; i++) {
            Reply ok = tenantGet("/api/items", tenant);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("RateLimit-Policy")).isEqualTo("\"per-tenant\";q=4;w=3600");
            // Full again in (i + 1) x 900 s, less the moments between the requests.
            long t = Long.parseLong(ok.header("RateLimit").replaceFirst(".*;t=", ""));
            assertThat(ok.header("RateLimit")).startsWith("\"per-tenant\";r=" + (3 - i) + ";t=");
            assertThat(t).isBetween(900L * (i + 1) - 5, 900L * (i + 1));
        }
        String correlation = UUID.randomUUID().toString();
        Reply refused = send(request("/api/items").header("MS-PartnerTenantId", tenant)
                .header("MS-CorrelationId", correlation).header("X-Locale", "fr-FR"));
        assertContractError(refused, 429);
        assertThat(refused.header("MS-CorrelationId")).as("the caller's correlation id, echoed").isEqualTo(correlation);
        assertThat(refused.header("Retry-After")).as("one token per 900 s; just spent").isIn("900", "899");
        assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"per-tenant\";q=4;w=3600");
        assertThat(refused.header("RateLimit")).isEqualTo("\"per-tenant\";r=0;t=" + refused.header("Retry-After"));
        assertThat(refused.header("Content-Language")).isEqualTo("fr-FR");
        JsonNode body = refused.json();
        assertThat(body.get("code").asText()).isEqualTo("tooManyRequests");
        assertThat(body.get("description").asText()).isEqualTo(TEXTS.statusDescription(429, Locale.FRANCE));
        assertThat(ThrottleApplication.SERVED.get() - servedBefore).as("the refused request never reached the controller").isEqualTo(4);

        Reply problem = send(request("/api/items").header("MS-PartnerTenantId", tenant).header("Accept", "application/problem+json"));
        assertThat(problem.status()).isEqualTo(429);
        assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
        assertThat(problem.json().get("status").asInt()).isEqualTo(429);
        assertThat(problem.header("Retry-After")).isNotNull();

        assertThat(tenantGet("/api/items", "another-" + tenant).status()).as("another tenant").isEqualTo(200);
        assertThat(send(request("/api/items").header("MS-PartnerTenantId", tenant).method("HEAD", HttpRequest.BodyPublishers.noBody()))
                .status()).as("a HEAD counts as the GET it is").isEqualTo(429);
        assertThat(send(request("/api/items").header("MS-PartnerTenantId", tenant).method("OPTIONS", HttpRequest.BodyPublishers.noBody()))
                .status()).as("the limit counts GETs only").isNotEqualTo(429);
    }

    @Test
    void errorResponsesOfPermittedRequestsCarryTheRateLimitHeadersAndCountOnce() {
        String tenant = "tenant-" + UUID.randomUUID();
        Reply notFound = tenantGet("/api/items/7", tenant);
        assertContractError(notFound, 404);
        assertThat(notFound.header("RateLimit")).matches("\"per-tenant\";r=3;t=(900|899)");
        // sendError renders on the error dispatch; the filter counts the request, not the dispatch.
        for (int i = 0; i < 3; i++) {
            Reply gone = tenantGet("/api/gone", tenant);
            assertContractError(gone, 410);
            assertThat(gone.header("RateLimit")).startsWith("\"per-tenant\";r=" + (2 - i) + ";");
        }
        assertContractError(tenantGet("/api/gone", tenant), 429);
    }

    @Test
    void thePartnerApiFormatAndAPathNothingServes() {
        String tenant = "tenant-" + UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            assertThat(tenantGet("/legacy/anything", tenant).status()).isEqualTo(404);
        }
        Reply refused = tenantGet("/legacy/anything", tenant);
        assertThat(refused.status()).isEqualTo(429);
        JsonNode error = refused.json().get("error");
        assertThat(error.get("code").asText()).isEqualTo("tooManyRequests");
        assertThat(error.get("message").asText()).isEqualTo(TEXTS.statusDescription(429, Locale.US));
    }

    @Test
    void aUserIsCountedByTheSubjectOfItsCredentials() {
        for (int i = 0; i < 3; i++) {
            assertThat(send(request("/api/me").header("Authorization", basic("alice"))).status()).isEqualTo(200);
        }
        Reply refused = send(request("/api/me").header("Authorization", basic("alice")));
        assertContractError(refused, 429);
        assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"per-user\";q=3;w=3600");
        assertThat(send(request("/api/me").header("Authorization", basic("bob"))).status()).as("bob has his own").isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            Reply anonymous = send(request("/api/me"));
            assertContractError(anonymous, 401);
            assertThat(anonymous.header("RateLimit")).as("Spring Security refused it before the throttle").isNull();
        }
    }

    @Test
    void aLimitsOwnTextIsLocalizedFromTheMessageSource() {
        // The write budget (2 per hour, shared) may be spent by another test already.
        Reply en = send(request("/api/items").POST(HttpRequest.BodyPublishers.noBody()));
        for (int i = 0; i < 2 && en.status() == 200; i++) {
            en = send(request("/api/items").POST(HttpRequest.BodyPublishers.noBody()));
        }
        assertContractError(en, 429);
        long wait = Long.parseLong(en.header("Retry-After"));
        assertThat(wait).isBetween(3590L, 3600L);
        assertThat(en.json().get("code").asText()).isEqualTo("tooManyRequests");
        assertThat(en.json().get("description").asText())
                .isEqualTo("Only 2 writes per 3600 seconds, all callers together. Try again in " + wait + " seconds.");
        Reply fr = send(request("/api/items").POST(HttpRequest.BodyPublishers.noBody()).header("Accept-Language", "fr-FR"));
        assertThat(fr.json().get("description").asText()).startsWith("2 écritures seulement toutes les 3600 secondes");
        assertThat(fr.header("Content-Language")).isEqualTo("fr-FR");
    }

    @Test
    void aRateLimitBeanWithTheApplicationsKeyAndCode() {
        assertThat(send(request("/api/reports").header("X-Api-Key", "team-a-1")).status()).isEqualTo(200);
        Reply refused = send(request("/api/reports").header("X-Api-Key", "team-a-2"));
        assertContractError(refused, 429);
        assertThat(refused.json().get("code").asText()).isEqualTo("reportsThrottled");
        assertThat(refused.json().get("description").asText())
                .isEqualTo("One report per team and minute. Try again in " + refused.header("Retry-After") + " seconds.");
        assertThat(send(request("/api/reports").header("X-Api-Key", "b-1")).status()).isEqualTo(200);
        assertThat(send(request("/api/reports")).status()).as("no API key: not counted").isEqualTo(200);
        assertThat(send(request("/api/reports")).status()).isEqualTo(200);
    }

    @Test
    void hostileTenantValuesAreNeverEchoed() throws IOException {
        String hostile = "<evil>alert(1)</evil>\u00e9\u00ff" + "x".repeat(4000);
        try (RawHttp raw = new RawHttp(port)) {
            for (int i = 0; i < 5; i++) {
                raw.send("GET /api/items HTTP/1.1\r\nHost: 127.0.0.1\r\nMS-PartnerTenantId: " + hostile + "\r\n\r\n");
                RawHttp.Response r = raw.read();
                assertThat(r.status()).isEqualTo(i < 4 ? 200 : 429);
                assertThat(r.body()).doesNotContain("evil", "xxxx");
                assertThat(r.headers().toString()).doesNotContain("evil", "xxxx");
            }
        }
    }

    @Test
    void aRefusedRequestsBodyIsDrainedAndTheConnectionServesTheNextRequest() throws IOException {
        for (int i = 0; i < 2; i++) {
            send(request("/api/items").POST(HttpRequest.BodyPublishers.noBody())); // the shared write budget, spent
        }
        String body = "{\"name\":\"" + "x".repeat(2_000) + "\"}";
        try (RawHttp raw = new RawHttp(port)) {
            raw.send("POST /api/items HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body);
            RawHttp.Response refused = raw.read();
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.headers()).doesNotContainKey("connection");
            raw.send("GET /api/items HTTP/1.1\r\nHost: 127.0.0.1\r\nMS-PartnerTenantId: keep-alive-" + UUID.randomUUID() + "\r\n\r\n");
            assertThat(raw.read().status()).as("the same connection, after the refused body").isEqualTo(200);
        }
    }

    @Test
    void decisionsAreCountedInMicrometerByLimit() {
        String tenant = "tenant-" + UUID.randomUUID();
        MeterRegistry registry = context.getBean(MeterRegistry.class);
        double before = registry.get("restfault.throttling.requests").tags("limit", "per-tenant", "outcome", "rejected").counter().count();
        for (int i = 0; i < 6; i++) {
            tenantGet("/api/items", tenant);
        }
        assertThat(registry.get("restfault.throttling.requests").tags("limit", "per-tenant", "outcome", "rejected").counter().count())
                .isEqualTo(before + 2);
    }
}
