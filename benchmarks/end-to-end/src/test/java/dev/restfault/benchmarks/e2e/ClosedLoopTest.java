package dev.restfault.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
        ClosedLoop loop = ClosedLoop.start(server.getAddress().getPort(), scenario, 4);
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
        ClosedLoop loop = ClosedLoop.start(server.getAddress().getPort(), scenario, 2);
        awaitCompleted(loop, ENOUGH);
        loop.close();
        assertThat(loop.failed()).isZero();
        assertThat(loop.completed()).isGreaterThanOrEqualTo(ENOUGH);
        assertThat(requestLines).allMatch(line -> line.startsWith("DELETE /close null"));
    }

    @Test
    void countsAndDescribesAnswersWithAnotherStatus() throws Exception {
        Scenario scenario = Scenario.json("404", "GET", "/wrong", 404, "expects 404, gets 500");
        ClosedLoop loop = ClosedLoop.start(server.getAddress().getPort(), scenario, 2);
        awaitCompleted(loop, 20);
        loop.close();
        assertThat(loop.completed()).isZero();
        assertThat(loop.failed()).isGreaterThanOrEqualTo(20);
        assertThat(loop.failureSamples()).hasSize(5).allMatch("status 500 instead of 404"::equals);
    }

    @Test
    void aServerThatIsNotThereIsAFailureNotAHang() throws Exception {
        int port = server.getAddress().getPort();
        server.stop(0);
        ClosedLoop loop = ClosedLoop.start(port, Scenario.json("200", "GET", "/", 200, "nobody"), 1);
        awaitCompleted(loop, 1);
        loop.close();
        assertThat(loop.completed()).isZero();
        assertThat(loop.failureSamples()).isNotEmpty().allMatch(f -> f.startsWith("GET /: java.net.ConnectException"));
    }

    @Test
    void theRequestIsTheRequestLineHostAndTheScenariosHeaders() {
        Scenario scenario = Scenario.json("405", "DELETE", "/items/1", 405, "wrong method");
        assertThat(new String(ClosedLoop.request(scenario, 8123), StandardCharsets.ISO_8859_1))
                .isEqualTo("DELETE /items/1 HTTP/1.1\r\nHost: 127.0.0.1:8123\r\nAccept: application/json\r\n\r\n");
    }
}
