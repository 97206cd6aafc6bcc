package dev.restfault.testkit.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.testkit.LoopbackServers;
import dev.restfault.testkit.check.ContractChecker;
import dev.restfault.testkit.check.Rule;
import dev.restfault.testkit.check.Violation;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The probe against real loopback servers: one that keeps the contract, one that breaks it. */
class ProbeTest {

    private static Map<ProbeCase, ProbeResult> byCase(ProbeReport report) {
        return report.results().stream().collect(Collectors.toMap(ProbeResult::probeCase, r -> r));
    }

    private static List<String> rules(ProbeResult r) {
        return r.violations().stream().map(Violation::ruleId).collect(Collectors.toList());
    }

    @Test
    void aConformantServerPasses() throws IOException {
        try (LoopbackServers.Running server = LoopbackServers.conformant()) {
            List<String> progress = new ArrayList<>();
            ProbeReport report = Probe.builder(server.baseUrl()).resource("orders").token(LoopbackServers.GOOD_TOKEN)
                    .timeout(Duration.ofSeconds(5)).build()
                    .run(new ProbeListener() {
                        @Override
                        public void sending(ProbeCase c, int index, int total) {
                            progress.add(index + "/" + total + " " + c.id());
                        }
                    });
            assertThat(report.violations()).as(ProbeReports.text(report)).isEmpty();
            assertThat(report.isConformant()).isTrue();
            assertThat(report.results()).hasSize(ProbeCase.values().length);
            assertThat(progress).first().isEqualTo("1/10 unknown-path");
            Map<ProbeCase, ProbeResult> r = byCase(report);
            assertThat(r.get(ProbeCase.UNKNOWN_PATH).status()).hasValue(404);
            assertThat(r.get(ProbeCase.NO_CREDENTIALS).status()).hasValue(401);
            assertThat(r.get(ProbeCase.BAD_TOKEN).status()).hasValue(401);
            assertThat(r.get(ProbeCase.WRONG_METHOD).status()).hasValue(405);
            assertThat(r.get(ProbeCase.NOT_ACCEPTABLE).status()).hasValue(406);
            assertThat(r.get(ProbeCase.MALFORMED_BODY).status()).hasValue(400);
            // 431 with fresh ids: not echoing the ids of a refused header block is no violation.
            assertThat(r.get(ProbeCase.HUGE_HEADER).status()).hasValue(431);
            // Every request stayed under the base path.
            assertThat(server.requests).hasSize(ProbeCase.values().length).allMatch(line -> line.split(" ")[1].startsWith("/api/"));
            assertThat(server.requests).filteredOn(line -> line.contains("X-Locale")).singleElement().asString()
                    .endsWith("X-Locale:ja-JP");
        }
    }

    @Test
    void problemDetailsNobodyAskedForAndA406NamingOnlyTheRefusedTypeAreReported() throws IOException {
        try (LoopbackServers.Running server = LoopbackServers.overEager()) {
            ProbeReport report = Probe.builder(server.baseUrl()).resource("orders").token(LoopbackServers.GOOD_TOKEN)
                    .timeout(Duration.ofSeconds(5)).build().run();
            assertThat(report.isConformant()).isFalse();
            Map<ProbeCase, ProbeResult> r = byCase(report);
            // Accept: application/json, answered with problem details.
            for (ProbeCase c : List.of(ProbeCase.UNKNOWN_PATH, ProbeCase.NO_CREDENTIALS, ProbeCase.WRONG_METHOD,
                    ProbeCase.MALFORMED_BODY, ProbeCase.LOCALE)) {
                assertThat(rules(r.get(c))).as(c.id()).containsExactly("problem-not-preferred");
            }
            // The one case that asked for them is fine.
            assertThat(rules(r.get(ProbeCase.PROBLEM_ACCEPT))).isEmpty();
            // Accept: application/x-restfault-probe: a tie (both 0) keeps plain JSON, and the
            // 406 names only the refused type.
            assertThat(r.get(ProbeCase.NOT_ACCEPTABLE).status()).hasValue(406);
            assertThat(rules(r.get(ProbeCase.NOT_ACCEPTABLE))).containsExactlyInAnyOrder("problem-not-preferred", "406-available");
            assertThat(r.get(ProbeCase.NOT_ACCEPTABLE).violations()).extracting(Violation::explanation)
                    .contains("406 names only the type the request asked for, not the types that are available");
        }
    }

    @Test
    void aBrokenServerHasEachViolationReported() throws IOException {
        try (LoopbackServers.Running server = LoopbackServers.broken()) {
            ProbeReport report = Probe.builder(server.baseUrl()).token("any").timeout(Duration.ofSeconds(5)).build().run();
            assertThat(report.isConformant()).isFalse();
            Map<ProbeCase, ProbeResult> r = byCase(report);
            assertThat(rules(r.get(ProbeCase.UNKNOWN_PATH)))
                    .contains("content-type", "body-not-json", "cache-control", "nosniff", "correlation-id", "request-id");
            assertThat(r.get(ProbeCase.UNKNOWN_PATH).violations()).extracting(Violation::toString)
                    .contains("content-type: text/html, not application/json or application/problem+json (Content-Type: text/html)");
            assertThat(r.get(ProbeCase.NO_CREDENTIALS).violations()).extracting(Violation::toString)
                    .contains("required-header: 401 without WWW-Authenticate");
            assertThat(rules(r.get(ProbeCase.MALFORMED_BODY))).contains("leak-stack-trace", "leak-exception", "client-error-as-5xx");
            String text = ProbeReports.text(report);
            assertThat(text).contains("FAIL unknown-path", "not conformant", "leak-stack-trace");
            assertThat(ProbeReports.json(report)).contains("\"conformant\":false", "\"rule\":\"required-header\"");
            assertThat(ProbeReports.html(report)).contains("<!DOCTYPE html>").doesNotContain("<h1>404 Not Found</h1>");
        }
    }

    @Test
    void theLocaleCaseAsksForTheChosenLanguage() throws IOException {
        try (LoopbackServers.Running server = LoopbackServers.conformant()) {
            ProbeReport report = Probe.builder(server.baseUrl()).locale(java.util.Locale.TAIWAN).timeout(Duration.ofSeconds(5))
                    .skip(ProbeCase.HUGE_HEADER).build().run();
            assertThat(report.violations()).as(ProbeReports.text(report)).isEmpty();
            assertThat(server.requests).filteredOn(line -> line.contains("X-Locale")).singleElement().asString()
                    .endsWith("X-Locale:zh-TW");
        }
        assertThatThrownBy(() -> Probe.builder(URI.create("http://h/")).locale(java.util.Locale.ROOT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anotherFormatThanPromisedIsReported() throws IOException {
        try (LoopbackServers.Running server = LoopbackServers.conformant()) {
            ProbeReport report = Probe.builder(server.baseUrl()).resource("orders").token(LoopbackServers.GOOD_TOKEN)
                    .expectedFormat(dev.restfault.core.model.ErrorFormat.PARTNER_API)
                    .skip(ProbeCase.HUGE_HEADER, ProbeCase.PROBLEM_ACCEPT).timeout(Duration.ofSeconds(5)).build().run();
            assertThat(report.results()).hasSize(8).allSatisfy(r -> assertThat(rules(r)).containsExactly("expected-format"));
            assertThat(report.violations().get(0).explanation()).isEqualTo("a partner-center error, the API promises partner-api");
        }
    }

    @Test
    void aServerThatResetsTheConnectionIsReportedAsNoResponse() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                for (int i = 0; i < 3; i++) {
                    try (Socket s = socket.accept()) {
                        s.setSoLinger(true, 0); // reset, no answer
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ProbeReport report = Probe.builder(URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/"))
                    .timeout(Duration.ofSeconds(2))
                    .skip(ProbeCase.WRONG_METHOD, ProbeCase.NOT_ACCEPTABLE, ProbeCase.MALFORMED_BODY, ProbeCase.NO_CREDENTIALS,
                            ProbeCase.BAD_TOKEN, ProbeCase.HUGE_HEADER, ProbeCase.LOCALE, ProbeCase.INVALID_IDS, ProbeCase.PROBLEM_ACCEPT)
                    .build().run();
            assertThat(report.results()).singleElement().satisfies(res -> {
                assertThat(res.status()).isEmpty();
                assertThat(res.violations()).extracting(Violation::rule).containsExactly(Rule.NO_RESPONSE);
            });
            assertThat(report.isUnreachable()).isTrue();
        }
    }

    @Test
    void nothingListeningIsUnreachable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProbeReport report = Probe.builder(URI.create("http://127.0.0.1:" + port + "/api")).timeout(Duration.ofSeconds(2)).build().run();
        assertThat(report.isUnreachable()).isTrue();
        assertThat(report.results()).allSatisfy(r -> assertThat(r.failure()).contains("connection refused"));
        assertThat(report.baseUrl().toString()).endsWith("/api/");
    }

    @Test
    void theProbeStaysWithinTheBaseUrl() {
        URI base = URI.create("http://127.0.0.1:1/api/");
        for (String escape : new String[] {"../admin", "/admin", "http://evil.example/", "//evil.example/x", "a/../../b",
                "orders/%2e%2e/%2e%2e/admin", "%2E%2E/admin", "a%2f..%2fb", "a%5c..%5cb", "a\\..\\b"}) {
            assertThatThrownBy(() -> Probe.builder(base).resource(escape)).as(escape).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Probe.builder(URI.create("ftp://h/"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Probe.builder(URI.create("http://u:p@h/"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Probe.builder(URI.create("/relative"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Probe.builder(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Probe.builder(base).token("a\r\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Probe.builder(base).timeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Every case but {@code kept}. */
    private static ProbeCase[] allBut(ProbeCase... kept) {
        java.util.EnumSet<ProbeCase> skipped = java.util.EnumSet.allOf(ProbeCase.class);
        skipped.removeAll(List.of(kept));
        return skipped.toArray(new ProbeCase[0]);
    }

    /** Reads until the client closes the connection (end of stream or reset); true if it did in time. */
    private static boolean awaitClientClose(Socket s, int millis) {
        try {
            s.setSoTimeout(millis);
            java.io.InputStream in = s.getInputStream();
            byte[] buffer = new byte[8192];
            while (in.read(buffer) >= 0) {
                // the request's remains: keep reading until the end
            }
            return true;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** Reads a request head, up to its blank line. */
    private static void readHead(Socket s) throws IOException {
        java.io.InputStream in = s.getInputStream();
        int matched = 0;
        for (int i = 0; i < 65_536 && matched < 4; i++) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    void aServerThatNeverAnswersIsReportedAsNoResponseWithinTheTimeout() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
            java.util.concurrent.CompletableFuture<Boolean> closed = new java.util.concurrent.CompletableFuture<>();
            Thread acceptor = new Thread(() -> {
                try (Socket s = socket.accept()) {
                    readHead(s);
                    closed.complete(awaitClientClose(s, 10_000)); // accepts, reads, never answers
                } catch (IOException e) {
                    closed.complete(false);
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ProbeReport report = Probe.builder(URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/"))
                    .timeout(Duration.ofMillis(300)).skip(allBut(ProbeCase.UNKNOWN_PATH)).build().run();
            assertThat(report.results()).singleElement().satisfies(res -> {
                assertThat(res.status()).isEmpty();
                assertThat(res.failure()).hasValue("timed out");
                assertThat(res.violations()).extracting(Violation::rule).containsExactly(Rule.NO_RESPONSE);
            });
            assertThat(closed.get(10, java.util.concurrent.TimeUnit.SECONDS)).as("the probe closed the connection").isTrue();
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    void aStalledBodyIsAbandonedAtTheDeadlineWithItsConnectionClosed() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
            java.util.concurrent.CompletableFuture<Boolean> closed = new java.util.concurrent.CompletableFuture<>();
            Thread acceptor = new Thread(() -> {
                try (Socket s = socket.accept()) {
                    readHead(s);
                    s.getOutputStream().write(("HTTP/1.1 404 Not Found\r\nContent-Type: application/json; charset=utf-8\r\n"
                            + "Content-Length: 1000\r\n\r\n{\"code\":\"notF").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    closed.complete(awaitClientClose(s, 10_000)); // then stalls: the rest never comes
                } catch (IOException e) {
                    closed.complete(false);
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long start = System.nanoTime();
            ProbeReport report = Probe.builder(URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/"))
                    .timeout(Duration.ofMillis(300)).skip(allBut(ProbeCase.UNKNOWN_PATH)).build().run();
            // Bounded by the probe's own deadline (twice the timeout), not by the server.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
            assertThat(report.results()).singleElement().satisfies(res -> {
                assertThat(res.failure()).hasValue("no complete answer within 600 ms");
                assertThat(res.violations()).extracting(Violation::rule).containsExactly(Rule.NO_RESPONSE);
            });
            assertThat(closed.get(10, java.util.concurrent.TimeUnit.SECONDS)).as("the probe closed the connection").isTrue();
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    void aTricklingBodyIsAbandonedAtTheDeadlineWithItsConnectionClosed() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
            java.util.concurrent.CompletableFuture<Integer> sentBeforeClose = new java.util.concurrent.CompletableFuture<>();
            Thread acceptor = new Thread(() -> {
                int sent = 0;
                try (Socket s = socket.accept()) {
                    readHead(s);
                    java.io.OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 404 Not Found\r\nContent-Type: application/json; charset=utf-8\r\n"
                            + "Content-Length: 100000\r\n\r\n{\"code\":\"").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    out.flush();
                    // One byte every 50 ms, for at most 10 s: never complete, never silent for long.
                    for (; sent < 200; sent++) {
                        Thread.sleep(50);
                        out.write('x');
                        out.flush();
                    }
                    sentBeforeClose.complete(-1); // the client never closed
                } catch (IOException closedByClient) {
                    sentBeforeClose.complete(sent);
                } catch (InterruptedException e) {
                    sentBeforeClose.complete(-2);
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ProbeReport report = Probe.builder(URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/"))
                    .timeout(Duration.ofMillis(300)).skip(allBut(ProbeCase.UNKNOWN_PATH)).build().run();
            assertThat(report.results()).singleElement().satisfies(res -> {
                assertThat(res.failure()).hasValue("no complete answer within 600 ms");
                assertThat(res.violations()).extracting(Violation::rule).containsExactly(Rule.NO_RESPONSE);
            });
            // The server's writes fail once the probe has closed the connection, long before 200.
            assertThat(sentBeforeClose.get(15, java.util.concurrent.TimeUnit.SECONDS)).as("bytes sent before the close")
                    .isBetween(0, 199);
        }
    }

    /** One connection: the request head is read, then {@code script} answers. */
    private static Thread serveOnce(ServerSocket socket, java.util.function.Consumer<Socket> script) {
        Thread acceptor = new Thread(() -> {
            try (Socket s = socket.accept()) {
                readHead(s);
                script.accept(s);
            } catch (IOException e) {
                // the probe went away
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return acceptor;
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    void aBodyOverTheCheckersLimitIsCutThereAndReported() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
            java.util.concurrent.CompletableFuture<Boolean> cut = new java.util.concurrent.CompletableFuture<>();
            serveOnce(socket, s -> {
                try {
                    java.io.OutputStream out = s.getOutputStream();
                    int length = 8 * ContractChecker.MAX_BODY_BYTES;
                    out.write(("HTTP/1.1 404 Not Found\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: "
                            + length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[64 * 1024];
                    java.util.Arrays.fill(chunk, (byte) 'x');
                    for (int sent = 0; sent < length; sent += chunk.length) {
                        out.write(chunk);
                    }
                    cut.complete(false); // all of it went out: the probe read everything
                } catch (IOException closedByTheProbe) {
                    cut.complete(true);
                }
            });
            ProbeReport report = Probe.builder(URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/"))
                    .timeout(Duration.ofSeconds(5)).skip(allBut(ProbeCase.UNKNOWN_PATH)).build().run();
            assertThat(report.results()).singleElement().satisfies(res -> {
                assertThat(res.status()).hasValue(404);
                assertThat(res.violations()).extracting(Violation::rule).contains(Rule.BODY_LIMITS).doesNotContain(Rule.NO_RESPONSE);
                assertThat(res.violations()).filteredOn(v -> v.rule() == Rule.BODY_LIMITS).first()
                        .satisfies(v -> assertThat(v.explanation()).startsWith("the body is " + (ContractChecker.MAX_BODY_BYTES + 1) + " bytes"));
            });
            assertThat(cut.get(10, java.util.concurrent.TimeUnit.SECONDS)).as("the probe closed the connection at its limit").isTrue();
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    void aConnectionBrokenInsideTheBodyIsNoResponse() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
            serveOnce(socket, s -> {
                try {
                    s.getOutputStream().write(("HTTP/1.1 404 Not Found\r\nContent-Type: application/json; charset=utf-8\r\n"
                            + "Content-Length: 1000\r\n\r\n{\"code\":\"notF").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                } catch (IOException e) {
                    // closed below either way
                }
            });
            ProbeReport report = Probe.builder(URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/"))
                    .timeout(Duration.ofSeconds(5)).skip(allBut(ProbeCase.UNKNOWN_PATH)).build().run();
            assertThat(report.results()).singleElement().satisfies(res -> {
                assertThat(res.failure()).hasValue("connection closed or reset");
                assertThat(res.violations()).extracting(Violation::rule).containsExactly(Rule.NO_RESPONSE);
            });
        }
    }

    @Test
    void theRequestsWithABodyCarryAnIfMatchNoEntityMatches() throws IOException {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                seen.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("If-Match"));
                exchange.sendResponseHeaders(412, -1);
            }
        });
        server.start();
        try {
            Probe.builder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/")).resource("orders")
                    .timeout(Duration.ofSeconds(5)).skip(ProbeCase.HUGE_HEADER).build().run();
        } finally {
            server.stop(0);
        }
        assertThat(Probe.NEVER_MATCHING_ETAG).isEqualTo("\"restfault-probe-never-matches\"");
        assertThat(seen).contains("PATCH \"restfault-probe-never-matches\"", "POST \"restfault-probe-never-matches\"");
        // Only the requests with a body: the GETs carry none.
        assertThat(seen).filteredOn(line -> line.startsWith("GET ")).isNotEmpty().allMatch(line -> line.equals("GET null"));
    }

    @Test
    void aResourceThatReadsAsAnotherSchemeIsRefused() {
        URI base = URI.create("http://127.0.0.1:1/api/");
        for (String opaque : new String[] {"a:b", "mailto:x@example.com", "urn:x:y", "javascript:alert(1)"}) {
            assertThatThrownBy(() -> Probe.builder(base).resource(opaque)).as(opaque)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relative to the base URL");
        }
        // The same name written as a relative path is fine.
        assertThat(Probe.builder(base).resource("./a:b").build()).isNotNull();
        assertThatThrownBy(() -> Probe.builder(base).resource("orders?x=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Probe.builder(base).resource("my orders%2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEncodedBaseUrlIsNotEncodedTwice() throws IOException {
        try (LoopbackServers.Running server = LoopbackServers.conformant()) {
            URI base = URI.create(server.baseUrl() + "v%20one");
            Probe probe = Probe.builder(base).resource("my%20orders").timeout(Duration.ofSeconds(5))
                    .skip(allBut(ProbeCase.UNKNOWN_PATH, ProbeCase.NO_CREDENTIALS)).build();
            assertThat(probe.baseUrl().getRawPath()).isEqualTo("/api/v%20one/");
            probe.run();
            assertThat(Probe.builder(base).resource("my orders").build()).isNotNull();
            assertThat(server.requests).hasSize(2)
                    .anySatisfy(line -> assertThat(line).startsWith("GET /api/v%20one/restfault-probe-"))
                    .anySatisfy(line -> assertThat(line).isEqualTo("GET /api/v%20one/my%20orders"));
        }
    }

    @Test
    void theJsonReportEscapesWhatCouldDriveATerminal() {
        URI uri = URI.create("http://127.0.0.1:1/x");
        String hostile = "a\u202Eb\u009B2Jc\u0085d\u2028e\u200Ff\u001Bg";
        ProbeReport report = new ProbeReport(uri, List.of(new ProbeResult(ProbeCase.UNKNOWN_PATH, "GET", uri, 404,
                List.of(Violation.of(Rule.LEAK_EXCEPTION, hostile, hostile)), null)));
        String json = ProbeReports.json(report);
        assertThat(json.chars().filter(c -> c < 0x20 || c > 0x7E)).as(json).isEmpty();
        // Violation texts are already made safe (U+FFFD); the JSON escapes even that.
        assertThat(json).contains("a\\uFFFDb");
    }

    @Test
    void aRunThatSendsNothingOrProvokesNoErrorIsNotConformant() throws IOException {
        ProbeReport empty = Probe.builder(URI.create("http://127.0.0.1:1/")).skip(ProbeCase.values()).build().run();
        assertThat(empty.results()).isEmpty();
        assertThat(empty.isConformant()).isFalse();
        assertThat(empty.isUnreachable()).isFalse();
        assertThat(empty.violations()).extracting(Violation::rule).containsExactly(Rule.NO_ERROR_PROVOKED);
        assertThat(ProbeReports.summary(empty)).isEqualTo("0 requests, 1 violation: not conformant");
        assertThat(ProbeReports.json(empty)).contains("\"conformant\":false", "\"runViolations\":[{\"rule\":\"no-error-provoked\"");

        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                var rq = exchange.getRequestHeaders();
                exchange.getResponseHeaders().set("MS-CorrelationId",
                        dev.restfault.core.http.RequestIds.validOrNew(rq.getFirst("MS-CorrelationId")));
                exchange.getResponseHeaders().set("MS-RequestId", dev.restfault.core.http.RequestIds.validOrNew(rq.getFirst("MS-RequestId")));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
        try {
            ProbeReport allOk = Probe.builder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"))
                    .timeout(Duration.ofSeconds(5)).build().run();
            assertThat(allOk.results()).hasSize(ProbeCase.values().length).allSatisfy(r -> assertThat(r.violations()).isEmpty());
            assertThat(allOk.isConformant()).isFalse();
            assertThat(allOk.runViolations()).extracting(Violation::rule).containsExactly(Rule.NO_ERROR_PROVOKED);
            assertThat(ProbeReports.text(allOk)).contains("FAIL run", "no-error-provoked", "not conformant");
            assertThat(ProbeReports.html(allOk)).contains("no-error-provoked");
        } finally {
            server.stop(0);
        }
    }
}
