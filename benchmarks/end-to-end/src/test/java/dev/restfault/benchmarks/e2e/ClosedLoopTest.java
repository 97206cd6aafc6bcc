package dev.restfault.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator against the JDK's HTTP server on loopback: bounded by request counts, never by time. */
class ClosedLoopTest {

    private static final byte[] BODY = "{\"code\":\"notFound\"}".getBytes(StandardCharsets.UTF_8);
    private static final int ENOUGH = 300;
    /** What this server answers: the body above, as JSON. */
    private static final ResponseCheck SERVERS_ANSWER = exchange -> {
        List<String> problems = new ArrayList<>();
        if (!exchange.mediaType().equals("application/json")) {
            problems.add("media type " + exchange.mediaType());
        }
        if (!exchange.body().equals(new String(BODY, StandardCharsets.UTF_8))) {
            problems.add("body " + exchange.body());
        }
        return problems;
    };

    private HttpServer server;
    private ExecutorService threads;
    private final ConcurrentLinkedQueue<String> requestLines = new ConcurrentLinkedQueue<>();
    private final AtomicInteger answered = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", exchange -> {
            requestLines.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Accept") + " " + exchange.getRequestHeaders().containsKey("User-Agent"));
            int status = exchange.getRequestURI().getPath().equals("/wrong") ? 500 : 404;
            if (exchange.getRequestURI().getPath().equals("/close") && answered.incrementAndGet() % 2 == 0) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
        threads = Executors.newFixedThreadPool(4);
        server.setExecutor(threads);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    private static void awaitCompleted(ClosedLoop loop, long count) throws InterruptedException {
        for (int i = 0; i < 600 && loop.completed() + loop.failed() < count; i++) {
            Thread.sleep(50);
        }
        assertThat(loop.completed() + loop.failed()).as("answers within 30 s").isGreaterThanOrEqualTo(count);
    }

    @Test
    void keepsTheConnectionsBusyAndReadsEveryAnswerToItsEnd() throws Exception {
        Scenario scenario = Scenario.json("404", "GET", "/items/0", 404, "missing");
        ClosedLoop loop = ClosedLoop.start(server.getAddress().getPort(), scenario, SERVERS_ANSWER, 4);
        awaitCompleted(loop, ENOUGH);
        loop.close();
        assertThat(loop.failed()).isZero();
        assertThat(loop.failureSamples()).isEmpty();
        assertThat(loop.bodyBytes()).isEqualTo(loop.completed() * BODY.length);
        // Only what the scenario asks for: no User-Agent.
        assertThat(requestLines).hasSizeGreaterThanOrEqualTo(ENOUGH).allMatch("GET /items/0 application/json false"::equals);
    }

    @Test
    void reconnectsWhenTheServerClosesAfterAnAnswer() throws Exception {
        Scenario scenario = new Scenario("close", "DELETE", "/close", Map.of(), 404, "closing");
        ClosedLoop loop = ClosedLoop.start(server.getAddress().getPort(), scenario, SERVERS_ANSWER, 2);
        awaitCompleted(loop, ENOUGH);
        loop.close();
        assertThat(loop.failed()).isZero();
        assertThat(loop.completed()).isGreaterThanOrEqualTo(ENOUGH);
        assertThat(requestLines).allMatch(line -> line.startsWith("DELETE /close null"));
    }

    @Test
    void aPacedLoadSendsNoEarlierThanItsTurns() throws Exception {
        Scenario scenario = Scenario.json("404", "GET", "/items/0", 404, "missing");
        long started = System.nanoTime();
        ClosedLoop loop = ClosedLoop.start(server.getAddress().getPort(), scenario, SERVERS_ANSWER, 4, 200);
        awaitCompleted(loop, 60);
        long elapsed = System.nanoTime() - started;
        loop.close();
        assertThat(loop.failed()).isZero();
        assertThat(loop.bodyBytes()).isEqualTo(loop.completed() * BODY.length);
        // One turn every 5 ms from the start: the 60th request cannot leave before 59 turns have
        // passed, however fast this server answers (unpaced, four connections take a few ms for 60).
        assertThat(elapsed).isGreaterThanOrEqualTo(59 * 5_000_000L);
    }

    @Test
    void aPacedLoadReconnectsAndChecksAsAnUnpacedOne() throws Exception {
        Scenario scenario = new Scenario("close", "DELETE", "/close", Map.of(), 404, "closing");
        ClosedLoop loop = ClosedLoop.start(server.getAddress().getPort(), scenario, SERVERS_ANSWER, 2, 5_000);
        awaitCompleted(loop, ENOUGH);
        loop.close();
        assertThat(loop.failed()).isZero();
        assertThat(loop.completed()).isGreaterThanOrEqualTo(ENOUGH);

        ClosedLoop wrong = ClosedLoop.start(server.getAddress().getPort(), Scenario.json("404", "GET", "/wrong", 404, "gets 500"),
                SERVERS_ANSWER, 2, 5_000);
        awaitCompleted(wrong, 20);
        wrong.close();
        assertThat(wrong.completed()).isZero();
        assertThat(wrong.failureSamples()).hasSize(5).allMatch("status 500 instead of 404"::equals);
    }

    @Test
    void aRateThatIsNotARateIsRefused() {
        Scenario scenario = Scenario.json("404", "GET", "/items/0", 404, "missing");
        for (double rate : new double[] {-1, Double.NaN, 2e9}) {
            assertThatThrownBy(() -> ClosedLoop.start(server.getAddress().getPort(), scenario, SERVERS_ANSWER, 1, rate))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("rate must be 0 (not paced) or positive requests a second");
        }
    }

    @Test
    void countsAndDescribesAnswersWithAnotherStatus() throws Exception {
        Scenario scenario = Scenario.json("404", "GET", "/wrong", 404, "expects 404, gets 500");
        ClosedLoop loop = ClosedLoop.start(server.getAddress().getPort(), scenario, SERVERS_ANSWER, 2);
        awaitCompleted(loop, 20);
        loop.close();
        assertThat(loop.completed()).isZero();
        assertThat(loop.failed()).isGreaterThanOrEqualTo(20);
        assertThat(loop.failureSamples()).hasSize(5).allMatch("status 500 instead of 404"::equals);
    }

    @Test
    void everyAnswerIsHeldToTheSetupsCheck() throws Exception {
        Scenario scenario = Scenario.json("404", "GET", "/items/0", 404, "missing");
        ResponseCheck anotherBody = exchange -> exchange.body().contains("\"code\":\"notFound\"")
                && exchange.header("X-Setup").isPresent() ? List.of() : List.of("no X-Setup header");
        ClosedLoop loop = ClosedLoop.start(server.getAddress().getPort(), scenario, anotherBody, 2);
        awaitCompleted(loop, 20);
        loop.close();
        assertThat(loop.completed()).isZero();
        assertThat(loop.failed()).isGreaterThanOrEqualTo(20);
        assertThat(loop.failureSamples()).allMatch("answer not as the setup claims: [no X-Setup header]"::equals);
    }

    @Test
    void theFirstAnswerOfEachConnectionAndASampleGetTheThoroughCheck() throws Exception {
        Scenario scenario = Scenario.json("404", "GET", "/items/0", 404, "missing");
        AtomicInteger cheap = new AtomicInteger();
        AtomicInteger thorough = new AtomicInteger();
        ResponseCheck counting = new ResponseCheck() {
            @Override
            public List<String> problems(Exchange exchange) {
                cheap.incrementAndGet();
                return SERVERS_ANSWER.problems(exchange);
            }

            @Override
            public List<String> thoroughProblems(Exchange exchange) {
                thorough.incrementAndGet();
                return SERVERS_ANSWER.problems(exchange);
            }
        };
        ClosedLoop loop = ClosedLoop.start(server.getAddress().getPort(), scenario, counting, 16, 3, 0);
        awaitCompleted(loop, 60);
        loop.close();
        assertThat(loop.failed()).isZero();
        assertThat(cheap.get() + thorough.get()).isEqualTo(loop.completed());
        // Each connection's first answer, then one in 16 of the others.
        assertThat(thorough.get()).isEqualTo(3 + (int) ((loop.completed() - 3) / 16));
    }

    @Test
    void anAnswerThatFailsOnlyTheThoroughCheckIsCaughtOnEachConnectionsFirstAnswer() throws Exception {
        Scenario scenario = Scenario.json("404", "GET", "/items/0", 404, "missing");
        ResponseCheck thoroughFails = new ResponseCheck() {
            @Override
            public List<String> problems(Exchange exchange) {
                return List.of();
            }

            @Override
            public List<String> thoroughProblems(Exchange exchange) {
                return List.of("not conforming");
            }
        };
        ClosedLoop loop = ClosedLoop.start(server.getAddress().getPort(), scenario, thoroughFails, 2);
        awaitCompleted(loop, 20);
        loop.close();
        assertThat(loop.failed()).isEqualTo(2);
        assertThat(loop.failureSamples()).containsOnly("answer not as the setup claims: [not conforming]");
    }

    @Test
    void aServerThatIsNotThereIsAFailureNotAHang() throws Exception {
        int port = server.getAddress().getPort();
        server.stop(0);
        ClosedLoop loop = ClosedLoop.start(port, Scenario.json("200", "GET", "/", 200, "nobody"), SERVERS_ANSWER, 1);
        awaitCompleted(loop, 1);
        loop.close();
        assertThat(loop.completed()).isZero();
        assertThat(loop.failureSamples()).isNotEmpty().allMatch(f -> f.startsWith("GET /: java.net.ConnectException"));
    }

    @Test
    void theRequestIsTheRequestLineHostAndTheScenariosHeaders() {
        Scenario scenario = Scenario.json("405", "DELETE", "/items/1", 405, "wrong method");
        assertThat(new String(ClosedLoop.request(scenario, 8123, 0), StandardCharsets.ISO_8859_1))
                .isEqualTo("DELETE /items/1 HTTP/1.1\r\nHost: 127.0.0.1:8123\r\nAccept: application/json\r\n\r\n");
    }

    @Test
    void eachConnectionIsAnotherCallerWhereTheScenarioSaysSo() throws Exception {
        Scenario scenario = new Scenario("200", "GET", "/items/1", Map.of("MS-PartnerTenantId", "tenant-" + Scenario.CONNECTION),
                404, "one tenant per connection");
        assertThat(new String(ClosedLoop.request(scenario, 8123, 7), StandardCharsets.ISO_8859_1))
                .contains("\r\nMS-PartnerTenantId: tenant-7\r\n");
        ConcurrentLinkedQueue<String> tenants = new ConcurrentLinkedQueue<>();
        server.createContext("/items/1", exchange -> {
            tenants.add(exchange.getRequestHeaders().getFirst("MS-PartnerTenantId"));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(404, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
        ClosedLoop loop = ClosedLoop.start(server.getAddress().getPort(), scenario, SERVERS_ANSWER, 3);
        awaitCompleted(loop, 30);
        loop.close();
        assertThat(loop.failed()).isZero();
        assertThat(Set.copyOf(tenants)).containsExactlyInAnyOrder("tenant-0", "tenant-1", "tenant-2");
    }
}
