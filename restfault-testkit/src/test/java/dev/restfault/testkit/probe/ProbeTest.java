package dev.restfault.testkit.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.testkit.LoopbackServers;
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
    void aServerThatHangsUpIsReportedAsNoResponse() throws IOException {
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
                    .skip(ProbeCase.values()).build().run();
            assertThat(report.results()).isEmpty();
            report = Probe.builder(URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/"))
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
        for (String escape : new String[] {"../admin", "/admin", "http://evil.example/", "//evil.example/x", "a/../../b"}) {
            assertThatThrownBy(() -> Probe.builder(base).resource(escape)).as(escape).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Probe.builder(URI.create("ftp://h/"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Probe.builder(URI.create("http://u:p@h/"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Probe.builder(URI.create("/relative"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Probe.builder(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Probe.builder(base).token("a\r\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Probe.builder(base).timeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
