package dev.restfault.testkit.load;

import static dev.restfault.testkit.ScriptedServer.After.CLOSE;
import static dev.restfault.testkit.ScriptedServer.After.HANG;
import static dev.restfault.testkit.ScriptedServer.After.KEEP;
import static dev.restfault.testkit.ScriptedServer.After.RESET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.testkit.LoopbackServers;
import dev.restfault.testkit.ScriptedServer;
import dev.restfault.testkit.check.Rule;
import dev.restfault.testkit.probe.Probe;
import dev.restfault.testkit.probe.ProbeCase;
import dev.restfault.testkit.ScriptedServer.Reply;
import dev.restfault.testkit.ScriptedServer.Request;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The load runner against real loopback servers: servers that keep their connections honestly
 * and servers that break them on purpose, each failure told apart. Bounded by request counts.
 */
class LoadRunnerTest {

    /** A run whose bodies follow their heads at once: these servers read whole requests, a pause would only cost time. */
    private static LoadRunner.Builder runner(URI base, String mix, int connections, long requests) {
        return LoadRunner.builder(base).mix(LoadMix.parse(mix)).connections(connections).requests(requests)
                .timeout(Duration.ofSeconds(10)).bodyPause(Duration.ZERO);
    }

    /** GET answered 200; anything else 405, then {@code after}. */
    private static ScriptedServer readOnlyServer(ScriptedServer.After after, String extraOnError) throws IOException {
        return new ScriptedServer(r -> r.method.equals("GET") ? Reply.of(ScriptedServer.ok(r, ""), KEEP)
                : Reply.of(ScriptedServer.error(r, 405, extraOnError), after));
    }

    @Test
    void aServerThatKeepsItsConnectionsHonestlyHasNoBrokenConnectionAndEveryAnswerIsChecked() throws IOException {
        try (LoopbackServers.Running server = LoopbackServers.conformant()) {
            LoadReport report = LoadRunner.builder(server.baseUrl()).resource("orders").token(LoopbackServers.GOOD_TOKEN)
                    .connections(4).requests(560).build().run();
            assertThat(report.violations()).as(LoadReports.text(report)).isEmpty();
            assertThat(report.requests()).isEqualTo(560);
            assertThat(report.answered()).isEqualTo(560);
            assertThat(report.failed()).isZero();
            assertThat(report.brokenConnections()).isZero();
            assertThat(report.isConformant()).isTrue();
            // The standard mix: reads, the probe's errors, and the bodies' errors.
            assertThat(report.answersByStatus()).containsKeys(200, 400, 401, 404, 405, 406, 431);
            assertThat(report.successLatency().count() + report.errorLatency().count()).isEqualTo(560);
            assertThat(report.errorLatency().p50()).isLessThanOrEqualTo(report.errorLatency().p99());
            assertThat(report.errorLatency().p99()).isLessThanOrEqualTo(report.errorLatency().max());
            assertThat(server.requests).hasSize(560).allMatch(line -> line.split(" ")[1].startsWith("/api/"));
        }
    }

    /**
     * What issue 10 found on Jetty, made on purpose: the server answers a POST and closes the
     * connection without {@code Connection: close}. The next request on that connection is lost;
     * every such loss is counted, and traced to the answer before it.
     */
    @Test
    void aConnectionClosedSilentlyAfterAnErrorLosesTheNextRequest() throws IOException {
        try (ScriptedServer server = readOnlyServer(CLOSE, "")) {
            // One connection: get (200), post (405, closed), get (lost), post on a new connection...
            LoadReport report = runner(server.baseUrl(), "get=1,post-json=1", 1, 10).build().run();
            assertThat(report.requests()).isEqualTo(10);
            assertThat(report.brokenConnections()).isEqualTo(4);
            assertThat(report.failures().get(TransportFailure.NO_RESPONSE)).isZero();
            assertThat(report.answered()).isEqualTo(6);
            assertThat(report.brokenConnectionsAfter()).containsExactly(Map.entry("post-json -> 405", 4L));
            assertThat(report.failureExamples().get(TransportFailure.BROKEN_CONNECTION))
                    .contains("without a response, on a connection that had already carried one");
            assertThat(report.violations()).isEmpty();
            assertThat(report.isConformant()).isFalse();
            assertThat(LoadReports.summary(report)).isEqualTo(
                    "10 requests, 4 broken connections, 0 other failures, 0 off-contract answers: not conformant");
        }
    }

    /**
     * A server that refuses a request from its head alone, then reads the body it did not need:
     * the body waits for the answer to begin, so every refusal comes before its body, is counted
     * as such, and no connection is lost.
     */
    @Test
    void answersBeforeTheBodyAreCountedAndAServerThatReadsTheRestLosesNothing() throws IOException {
        try (ScriptedServer server = new ScriptedServer(r -> r.method.equals("GET") ? Reply.of(ScriptedServer.ok(r, ""), KEEP)
                : Reply.of(ScriptedServer.error(r, 405, ""), KEEP), true)) {
            LoadReport report = runner(server.baseUrl(), "get=1,post-json=1,malformed-json=1", 2, 60)
                    .bodyPause(Duration.ofSeconds(1)).build().run();
            assertThat(report.isConformant()).as(LoadReports.text(report)).isTrue();
            assertThat(report.earlyAnswers()).isEqualTo(40);
            assertThat(report.connectionsOpened()).isEqualTo(2);
        }
        // Without the pause, the body follows its head at once: nothing is counted as early here.
        try (ScriptedServer server = readOnlyServer(KEEP, "")) {
            LoadReport report = runner(server.baseUrl(), "get=1,post-json=1", 1, 20).bodyPause(Duration.ZERO).build().run();
            assertThat(report.earlyAnswers()).isZero();
            assertThat(report.isConformant()).isTrue();
        }
    }

    @Test
    void aServerThatSaysConnectionCloseLosesNothing() throws IOException {
        try (ScriptedServer server = readOnlyServer(CLOSE, "Connection: close\r\n")) {
            LoadReport report = runner(server.baseUrl(), "get=1,post-json=1", 1, 10).build().run();
            assertThat(report.failed()).isZero();
            assertThat(report.answered()).isEqualTo(10);
            assertThat(report.announcedCloses()).isEqualTo(5);
            // A new connection after each announced close, and only then.
            assertThat(report.connectionsOpened()).isEqualTo(5);
            assertThat(server.connections.get()).isEqualTo(5);
            assertThat(report.isConformant()).isTrue();
        }
    }

    @Test
    void aKeptConnectionCarriesEveryRequest() throws IOException {
        try (ScriptedServer server = readOnlyServer(KEEP, "")) {
            LoadReport report = runner(server.baseUrl(), "get=1,post-json=1,malformed-json=1,unsupported-media-type=1", 3, 300)
                    .build().run();
            assertThat(report.isConformant()).as(LoadReports.text(report)).isTrue();
            assertThat(report.connectionsOpened()).isEqualTo(3);
            assertThat(server.connections.get()).isEqualTo(3);
            assertThat(report.answersByStatus()).containsOnlyKeys(200, 405);
        }
    }

    /** Chunked bodies with extensions and trailers, interim 1xx answers: read, and the connection kept. */
    @Test
    void chunkedAnswersAndInterimResponsesAreReadOnAKeptConnection() throws IOException {
        try (ScriptedServer server = new ScriptedServer(r -> r.method.equals("GET")
                ? Reply.of("HTTP/1.1 103 Early Hints\r\nLink: </a>; rel=preload\r\n\r\n" + ScriptedServer.ok(r, ""), KEEP)
                : Reply.of(ScriptedServer.chunkedError(r, 405), KEEP))) {
            LoadReport report = runner(server.baseUrl(), "get=1,post-json=1", 1, 40).build().run();
            assertThat(report.isConformant()).as(LoadReports.text(report)).isTrue();
            assertThat(report.answersByStatus()).containsExactly(Map.entry(200, 20L), Map.entry(405, 20L));
            assertThat(report.connectionsOpened()).isEqualTo(1);
        }
    }

    /** An HTTP/1.0 answer and a body ended by the connection's end: never reused, so nothing lost. */
    @Test
    void answersThatEndTheirConnectionAreNotFollowedOnIt() throws IOException {
        try (ScriptedServer server = new ScriptedServer(r -> r.method.equals("GET")
                ? Reply.of(ScriptedServer.ok(r, "").replace("HTTP/1.1", "HTTP/1.0"), CLOSE)
                : Reply.of(ScriptedServer.error(r, 405, "").replaceFirst("Content-Length: \\d+\r\n", ""), CLOSE))) {
            LoadReport report = runner(server.baseUrl(), "get=1,post-json=1", 2, 20).build().run();
            assertThat(report.failed()).as(LoadReports.text(report)).isZero();
            assertThat(report.answered()).isEqualTo(20);
            assertThat(report.connectionsOpened()).isEqualTo(20);
            assertThat(report.violations()).isEmpty();
        }
    }

    @Test
    void anAnswerOverTheBodyCapIsReportedAndEndsItsConnection() throws IOException {
        String huge = "{\"code\":\"x\",\"description\":\"" + "a".repeat(1 << 21) + "\",\"source\":\"s\"}";
        try (ScriptedServer server = new ScriptedServer(r -> Reply.of(ScriptedServer.error(r, 405, "")
                .replaceFirst("Content-Length: \\d+\r\n\r\n.*", "Content-Length: " + huge.length() + "\r\n\r\n" + huge), KEEP))) {
            LoadReport report = runner(server.baseUrl(), "post-json", 1, 3).build().run();
            assertThat(report.answered()).isEqualTo(3);
            assertThat(report.failed()).isZero();
            assertThat(report.connectionsOpened()).isEqualTo(3);
            assertThat(report.violations()).extracting(ViolationGroup::rule).contains(Rule.BODY_LIMITS);
        }
    }

    @Test
    void eachWayOfGettingNoAnswerIsCountedApart() throws IOException {
        assertThat(failureOf(r -> new Reply(null, RESET), Duration.ofSeconds(10))).isEqualTo(TransportFailure.NO_RESPONSE);
        assertThat(failureOf(r -> new Reply(null, CLOSE), Duration.ofSeconds(10))).isEqualTo(TransportFailure.NO_RESPONSE);
        assertThat(failureOf(r -> Reply.of("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n[1,", CLOSE), Duration.ofSeconds(10)))
                .isEqualTo(TransportFailure.INCOMPLETE_RESPONSE);
        assertThat(failureOf(r -> Reply.of("SSH-2.0-OpenSSH_9.2\r\n\r\n", CLOSE), Duration.ofSeconds(10)))
                .isEqualTo(TransportFailure.MALFORMED_RESPONSE);
        assertThat(failureOf(r -> Reply.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nBad Header\r\n\r\n[]", KEEP), Duration.ofSeconds(10)))
                .isEqualTo(TransportFailure.MALFORMED_RESPONSE);
        assertThat(failureOf(r -> Reply.of("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", KEEP), Duration.ofSeconds(10)))
                .isEqualTo(TransportFailure.MALFORMED_RESPONSE);
        // A sign is not a hex digit: -1 would have counted the body backwards and killed the worker.
        assertThat(failureOf(r -> Reply.of("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n\r\n0\r\n\r\n", KEEP),
                Duration.ofSeconds(10))).isEqualTo(TransportFailure.MALFORMED_RESPONSE);
        assertThat(failureOf(r -> Reply.of("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n+2\r\n[]\r\n0\r\n\r\n", KEEP),
                Duration.ofSeconds(10))).isEqualTo(TransportFailure.MALFORMED_RESPONSE);
        assertThat(failureOf(r -> Reply.of("HTTP/1.1 700 Odd\r\nContent-Length: 0\r\n\r\n", KEEP), Duration.ofSeconds(10)))
                .isEqualTo(TransportFailure.MALFORMED_RESPONSE);
        // A head without end, in short lines or in one endless line: cut at 256 KiB, not read forever.
        assertThat(failureOf(r -> Reply.of("HTTP/1.1 200 OK\r\n" + "X-Filler: y\r\n".repeat(30_000), HANG), Duration.ofSeconds(10)))
                .isEqualTo(TransportFailure.MALFORMED_RESPONSE);
        assertThat(failureOf(r -> Reply.of("HTTP/1.1 200 OK\r\nX-Filler: " + "y".repeat(300_000), HANG), Duration.ofSeconds(10)))
                .isEqualTo(TransportFailure.MALFORMED_RESPONSE);
        assertThat(failureOf(r -> Reply.of("HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n", KEEP), Duration.ofSeconds(10)))
                .isEqualTo(TransportFailure.MALFORMED_RESPONSE);
        assertThat(failureOf(r -> Reply.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n[]", KEEP),
                Duration.ofSeconds(10))).isEqualTo(TransportFailure.MALFORMED_RESPONSE);
        assertThat(failureOf(r -> new Reply(null, HANG), Duration.ofMillis(300))).isEqualTo(TransportFailure.TIMEOUT);
        assertThat(failureOf(r -> Reply.of("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n[", HANG), Duration.ofMillis(300)))
                .isEqualTo(TransportFailure.TIMEOUT);
    }

    /** The one kind of failure two requests on one connection produce, with the first one answered by {@code first}. */
    private static TransportFailure failureOf(ScriptedServer.Handler handler, Duration timeout) throws IOException {
        try (ScriptedServer server = new ScriptedServer(handler)) {
            LoadReport report = runner(server.baseUrl(), "get", 1, 2).timeout(timeout).build().run();
            assertThat(report.answered()).isZero();
            assertThat(report.isUnreachable()).isTrue();
            List<TransportFailure> kinds = report.failures().entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(Map.Entry::getKey).collect(Collectors.toList());
            assertThat(kinds).hasSize(1);
            assertThat(report.failures().get(kinds.get(0))).isEqualTo(2);
            assertThat(report.brokenConnections()).isZero();
            return kinds.get(0);
        }
    }

    @Test
    void nothingListeningIsUnreachableAndTheRunStopsAtOnce() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        LoadReport report = LoadRunner.builder(URI.create("http://127.0.0.1:" + port + "/api/")).connections(4)
                .duration(Duration.ofMinutes(10)).build().run();
        assertThat(report.isUnreachable()).isTrue();
        assertThat(report.failures().get(TransportFailure.CONNECT_FAILED)).isEqualTo(report.requests());
        assertThat(report.failureExamples()).containsEntry(TransportFailure.CONNECT_FAILED, "connection refused");
        // Not ten minutes of refused connects: each worker tried about once.
        assertThat(report.requests()).isBetween(4L, 40L);
        assertThat(report.isConformant()).isFalse();
    }

    @Test
    void aServerThatBreaksTheContractHasItsViolationsGroupedWithOneExampleEach() throws IOException {
        try (LoopbackServers.Running server = LoopbackServers.broken()) {
            LoadReport report = LoadRunner.builder(server.baseUrl()).mix(LoadMix.parse("probe")).token("t0k").connections(2)
                    .requests(100).build().run();
            assertThat(report.isConformant()).isFalse();
            assertThat(report.offContractAnswers()).isEqualTo(100);
            assertThat(report.violations()).extracting(ViolationGroup::rule)
                    .contains(Rule.BODY_NOT_JSON, Rule.CORRELATION_ID, Rule.CLIENT_ERROR_AS_5XX, Rule.LEAK_STACK_TRACE);
            assertThat(report.violations()).allSatisfy(g -> {
                assertThat(g.answers()).isBetween(1L, 100L);
                assertThat(g.example().rule()).isEqualTo(g.rule());
            });
            ViolationGroup html = report.violations().stream().filter(g -> g.rule() == Rule.BODY_NOT_JSON).findFirst().orElseThrow();
            assertThat(html.exampleStatus()).isEqualTo(404);
            assertThat(html.exampleRequest()).matches("(unknown-path|locale|invalid-ids|problem-accept) GET /api/restfault-probe-.*");
            // Most frequent first.
            assertThat(report.violations()).extracting(ViolationGroup::answers).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        }
    }

    /**
     * One request-building piece: for every probe case, the load runner sends what the probe
     * sends (method, path, headers, body), fresh ids and unknown paths aside.
     */
    @Test
    void theLoadRunnerSendsTheProbesOwnRequests() throws IOException {
        try (ScriptedServer server = new ScriptedServer(r -> Reply.of(ScriptedServer.error(r, 404, ""), KEEP))) {
            Probe.builder(server.baseUrl()).resource("orders").token("t0k").build().run();
            List<String> byProbe = normalized(server.requests);
            server.requests.clear();
            runner(server.baseUrl(), "probe", 1, ProbeCase.values().length).resource("orders").token("t0k").build().run();
            List<String> byLoad = normalized(server.requests);
            assertThat(byLoad).hasSize(ProbeCase.values().length).containsExactlyInAnyOrderElementsOf(byProbe);
            assertThat(byLoad).anySatisfy(r -> assertThat(r).startsWith("PATCH /api/orders")
                    .contains("if-match: \"restfault-probe-never-matches\"").endsWith("{}"));
        }
    }

    private static List<String> normalized(List<Request> requests) {
        List<String> out = new ArrayList<>();
        for (Request r : requests) {
            Set<String> headers = new TreeSet<>();
            ScriptedServer.headerMap(r).forEach((k, v) -> {
                if (!Set.of("host", "content-length", "connection", "ms-correlationid", "ms-requestid").contains(k)) {
                    headers.add(k + ": " + v);
                }
            });
            String ids = r.header("MS-CorrelationId") + " " + r.header("MS-RequestId");
            boolean guids = ids.matches("[0-9a-f-]{36} [0-9a-f-]{36}");
            out.add(r.method + " " + r.target.replaceAll("restfault-probe-[0-9a-f-]{36}", "restfault-probe-<guid>") + " "
                    + headers + " ids:" + (guids ? "guids" : ids) + " " + new String(r.body, StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void theMixIsSentInItsProportionsWithBodiesOfTheGivenSize() throws IOException {
        try (ScriptedServer server = readOnlyServer(KEEP, "")) {
            // One connection, so whole cycles: with several, who takes the last tickets varies.
            LoadReport report = runner(server.baseUrl(), "get=3,post-json=1,malformed-json=1,unsupported-media-type=1,put-json=1", 1, 700)
                    .bodySize(2_000).build().run();
            assertThat(report.isConformant()).as(LoadReports.text(report)).isTrue();
            Map<String, Long> methods = server.requests.stream().collect(Collectors.groupingBy(r -> r.method, Collectors.counting()));
            assertThat(methods).containsEntry("GET", 300L).containsEntry("POST", 300L).containsEntry("PUT", 100L);
            assertThat(server.requests).filteredOn(r -> !r.method.equals("GET")).allSatisfy(r -> {
                assertThat(r.body.length).isEqualTo(2_000);
                assertThat(r.header("If-Match")).isEqualTo("\"restfault-probe-never-matches\"");
            });
            List<String> bodies = server.requests.stream().filter(r -> r.method.equals("POST"))
                    .map(r -> r.header("Content-Type") + " " + (new String(r.body, StandardCharsets.US_ASCII).endsWith("aa\"}") ? "json" : "cut"))
                    .distinct().sorted().collect(Collectors.toList());
            assertThat(bodies).containsExactly("application/json cut", "application/json json", "application/x-restfault-probe json");
        }
    }

    @Test
    void progressIsToldUntilTheEndAndAThrowingListenerStopsNothing() throws IOException {
        try (ScriptedServer server = readOnlyServer(KEEP, "")) {
            List<LoadProgress> seen = new CopyOnWriteArrayList<>();
            LoadReport report = runner(server.baseUrl(), "get=1,post-json=1", 2, 400).progressInterval(Duration.ofMillis(10)).build()
                    .run(p -> {
                        seen.add(p);
                        throw new IllegalStateException("a broken progress line");
                    });
            assertThat(report.answered()).isEqualTo(400);
            assertThat(seen).isNotEmpty();
            LoadProgress last = seen.get(seen.size() - 1);
            assertThat(last.isFinished()).isTrue();
            assertThat(last.sent()).isEqualTo(400);
            assertThat(last.answered()).isEqualTo(400);
            assertThat(last.errors()).isEqualTo(200);
            assertThat(last.plannedRequests()).hasValue(400);
            assertThat(seen).filteredOn(LoadProgress::isFinished).hasSize(1);
        }
    }

    @Test
    void interruptingTheCallerStopsTheRunAndKeepsTheInterrupt() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer(r -> {
            first.countDown();
            return new Reply(null, HANG);
        })) {
            AtomicReference<LoadReport> report = new AtomicReference<>();
            AtomicReference<Boolean> interrupted = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                report.set(runner(server.baseUrl(), "get", 2, 1000).duration(Duration.ofMinutes(10)).timeout(Duration.ofMinutes(5))
                        .build().run());
                interrupted.set(Thread.currentThread().isInterrupted());
            });
            caller.start();
            assertThat(first.await(30, TimeUnit.SECONDS)).isTrue();
            caller.interrupt();
            caller.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(caller.isAlive()).isFalse();
            assertThat(interrupted.get()).isTrue();
            assertThat(report.get().answered()).isZero();
            assertThat(report.get().failures().get(TransportFailure.TIMEOUT)).isBetween(1L, 2L);
        }
    }

    @Test
    void aRunNeedsABoundAndSomethingToSend() {
        URI base = URI.create("http://127.0.0.1:9/api/");
        assertThatThrownBy(() -> LoadRunner.builder(base).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a load run needs a bound: a duration, a number of requests, or both");
        assertThatThrownBy(() -> LoadRunner.builder(base).requests(10).mix(LoadMix.parse("probe")).skip(ProbeCase.values()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("every case of the mix is skipped: nothing to send");
        assertThatThrownBy(() -> LoadRunner.builder(base).connections(0)).hasMessage("connections must be within 1..1024");
        assertThatThrownBy(() -> LoadRunner.builder(base).connections(1025)).hasMessage("connections must be within 1..1024");
        assertThatThrownBy(() -> LoadRunner.builder(base).requests(0)).hasMessage("requests must be within 1..1000000000");
        assertThatThrownBy(() -> LoadRunner.builder(base).duration(Duration.ZERO)).hasMessage("duration must be within 1 ms and 24 hours");
        assertThatThrownBy(() -> LoadRunner.builder(base).duration(null)).hasMessage("duration must be within 1 ms and 24 hours");
        assertThatThrownBy(() -> LoadRunner.builder(base).bodySize(63)).hasMessage("body size must be within 64..1048576 bytes");
        assertThatThrownBy(() -> LoadRunner.builder(base).mix(null)).hasMessage("mix must not be null");
        assertThatThrownBy(() -> LoadRunner.builder(base).bodyPause(Duration.ofMillis(-1))).hasMessage("body pause must be within 0 and 1 second");
        assertThatThrownBy(() -> LoadRunner.builder(base).bodyPause(Duration.ofMillis(1001))).hasMessage("body pause must be within 0 and 1 second");
        assertThatThrownBy(() -> LoadRunner.builder(base).progressInterval(Duration.ofMillis(1)))
                .hasMessage("progress interval must be within 10 ms and 1 hour");
        // The probe's own rules for the base URL, the resource and the token.
        assertThatThrownBy(() -> LoadRunner.builder(URI.create("ftp://x/"))).hasMessage("base URL must be an absolute http or https URL");
        assertThatThrownBy(() -> LoadRunner.builder(null)).isInstanceOf(IllegalArgumentException.class).hasMessage("base URL must not be null");
        assertThatThrownBy(() -> LoadRunner.builder(URI.create("http://u:p@h/"))).hasMessage("base URL must not carry user info; use a token");
        assertThatThrownBy(() -> LoadRunner.builder(base).resource("../admin")).hasMessage("resource must stay within the base URL");
        assertThatThrownBy(() -> LoadRunner.builder(base).token("a\r\nb")).hasMessage("token holds characters a header cannot carry");
        LoadRunner both = LoadRunner.builder(URI.create("http://127.0.0.1:9/api")).requests(5).duration(Duration.ofSeconds(3))
                .skip(ProbeCase.HUGE_HEADER).build();
        assertThat(both.baseUrl()).hasToString("http://127.0.0.1:9/api/");
        assertThat(both.requests()).hasValue(5);
        assertThat(both.duration()).contains(Duration.ofSeconds(3));
        assertThat(both.mix().weights()).doesNotContainKey("huge-header").containsEntry("get", 10);
    }

    @Test
    void aDurationBoundEndsTheRun() throws IOException {
        try (ScriptedServer server = readOnlyServer(KEEP, "")) {
            LoadReport report = LoadRunner.builder(server.baseUrl()).mix(LoadMix.parse("get")).connections(2)
                    .duration(Duration.ofMillis(300)).build().run();
            assertThat(report.requests()).isPositive().isEqualTo(report.answered());
            assertThat(report.plannedRequests()).isEmpty();
            assertThat(report.plannedDuration()).contains(Duration.ofMillis(300));
            // Only reads: nothing of the error contract was checked, so not a pass.
            assertThat(report.runViolations()).extracting(v -> v.rule()).containsExactly(Rule.NO_ERROR_PROVOKED);
            assertThat(report.isConformant()).isFalse();
        }
    }
}
