package dev.restfault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.restfault.testkit.LoopbackServers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** The {@code restfault} commands end to end, in-process, against real loopback servers. */
class CliTest {

    /** One run's exit code and captured output. */
    static final class Run {
        final int code;
        final String out;
        final String err;

        Run(int code, String out, String err) {
            this.code = code;
            this.out = out;
            this.err = err;
        }

        /** Neither stream shows a stack trace: no frame lines, no "Caused by", no internal-error line. */
        void assertNoTrace() {
            for (String s : new String[] {out, err}) {
                assertThat(s).doesNotContainPattern("(?m)^\\s*at [\\w$.]+\\(").doesNotContain("Caused by:", "internal error");
            }
        }
    }

    static Run run(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream in = new ByteArrayInputStream(stdin == null ? new byte[0] : stdin);
        int code = Main.run(args, in, new PrintWriter(out), new PrintWriter(err));
        Run r = new Run(code, out.toString(), err.toString());
        r.assertNoTrace();
        return r;
    }

    static Run run(String... args) {
        return run(null, args);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static void assertJson(String text) {
        try (JsonParser p = JsonFactory.builder().build().createParser(ObjectReadContext.empty(), text)) {
            while (p.nextToken() != null) {
                // parses to the end, or throws
            }
        }
    }

    static final String PC_404 = "{\"code\":\"notFound\",\"description\":\"The requested resource does not exist.\",\"source\":\"orders-api\"}";
    static final String[] GOOD_HEADERS = {"--header", "Content-Type: application/json; charset=utf-8", "-H", "Cache-Control: no-store",
        "-H", "X-Content-Type-Options: nosniff", "-H", "MS-CorrelationId: 11111111-2222-3333-4444-555555555555",
        "-H", "MS-RequestId: 11111111-2222-3333-4444-555555555556", "-H", "Content-Language: en-US"};

    // ---- help and usage ----------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "check", "decode", "convert", "call", "explain"})
    void everyCommandHasHelpWithExamplesAndExitCodes(String command) {
        Run r = command.isEmpty() ? run("--help") : run(command, "--help");
        assertThat(r.code).isZero();
        assertThat(r.out).contains("Usage:", "Examples:", "Exit codes:");
    }

    @Test
    void theCallHelpDocumentsAnExitCodePerCategory() {
        Run r = run("call", "--help");
        assertThat(r.out).contains("13", "NOT_FOUND", "18", "TOO_MANY_REQUESTS", "22", "SERVER_BUSY");
        for (dev.restfault.core.catalog.ErrorCategory c : dev.restfault.core.catalog.ErrorCategory.values()) {
            if (c != dev.restfault.core.catalog.ErrorCategory.RESPONSE_PARSING) {
                assertThat(r.out).as(c.name()).contains(ExitCodes.forCategory(c) + "   " + c.name());
            }
        }
    }

    @Test
    void usageMistakesExit2WithoutATrace() {
        assertThat(run().code).isEqualTo(2);
        assertThat(run("frobnicate").code).isEqualTo(2);
        Run r = run("explain", "abc");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("restfault:", "explain --help");
        assertThat(run("convert", "--to", "yaml", "-").code).isEqualTo(2);
        assertThat(run("decode", "--status", "42", "-").code).isEqualTo(2);
        assertThat(run("decode", "/no/such/file.json").err).contains("no such file");
        assertThat(run("--version").out).startsWith("restfault ");
    }

    // ---- explain -----------------------------------------------------------------------------

    @Test
    void explainPrintsTheCatalogEntry() {
        Run r = run("explain", "401");
        assertThat(r.code).isZero();
        assertThat(r.out).contains("401 Unauthorized", "unauthorized", "UNAUTHORIZED", "never", "WWW-Authenticate (always)");
        Run ja = run("explain", "429", "--locale", "ja-JP");
        assertThat(ja.out).contains("429", "(Too many requests)", "再試行", "Retry-After", "TOO_MANY_REQUESTS");
        Run fr = run("explain", "503", "--locale", "fr-FR");
        assertThat(fr.out).contains("Signification", "Nouvelle tentative", "Retry-After");
        Run zh = run("explain", "404", "--locale", "zh-TW");
        assertThat(zh.out).contains("404 找不到");
        Run de = run("explain", "404", "--locale", "de-DE");
        assertThat(de.code).isZero();
        assertThat(de.err).contains("using en-US");
        assertThat(de.out).contains("404 Not found");
        assertThat(run("explain", "200").code).isEqualTo(2);
        assertThat(run("explain", "418").out).contains("418 Client error", "BAD_INPUT");
    }

    // ---- decode ------------------------------------------------------------------------------

    @Test
    void decodeAConformingErrorExits0() {
        String[] args = new String[GOOD_HEADERS.length + 3];
        args[0] = "decode";
        args[1] = "--status";
        args[2] = "404";
        System.arraycopy(GOOD_HEADERS, 0, args, 3, GOOD_HEADERS.length);
        Run r = run(utf8(PC_404), args);
        assertThat(r.code).isZero();
        assertThat(r.out).contains("code:        notFound", "source:      orders-api", "no contract violations");
    }

    @Test
    void decodeReportsViolationsAndTolerates(@TempDir Path dir) throws IOException {
        Run body = run(utf8("{\"statusCode\":429,\"message\":\"Rate limit is exceeded.\"}"), "decode");
        assertThat(body.code).isEqualTo(1);
        assertThat(body.out).contains("shape:       throttling", "Rate limit is exceeded.", "body-shape");
        Path file = dir.resolve("e.json");
        Files.writeString(file, "{\"error\":{\"code\":\"conflict\",\"message\":\"m\",\"innererror\":{\"code\":\"dup\"}}}");
        Run api = run("decode", file.toString(), "--status", "409", "-H", "Content-Type: text/html");
        assertThat(api.code).isEqualTo(1);
        assertThat(api.out).contains("innerError:  dup", "inner-error-spelling", "content-type: text/html");
        Run json = run(utf8(PC_404), "decode", "--json");
        assertJson(json.out);
        assertThat(json.out).contains("\"code\":\"notFound\"", "\"violations\":[]");
        Run html = run(utf8("<html><body>Bad Gateway</body></html>"), "decode", "-", "--json");
        assertThat(html.code).isEqualTo(1);
        assertJson(html.out);
        assertThat(html.out).contains("\"decoded\":null", "body-not-json");
    }

    @Test
    void decodeSurvivesHostileInput() {
        byte[] garbage = new byte[256 * 1024];
        new Random(42).nextBytes(garbage);
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(tenMegabytes, (byte) '{');
        byte[] deep = utf8("[".repeat(200_000));
        byte[] deepObjects = utf8("{\"code\":\"c\",\"description\":\"d\",\"source\":\"s\",\"data\":" + "[{\"a\":".repeat(10_000));
        byte[] invalidUtf8 = {'{', '"', 'c', 'o', 'd', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
        byte[] ansi = utf8("{\"code\":\"c\",\"description\":\"\\u001b[2J\\u001b]0;pwned\\u0007 hi\\r\\nfake: line\",\"source\":\"s\"}");
        byte[] bigString = utf8("{\"code\":\"c\",\"description\":\"" + "x".repeat(2_000_000) + "\",\"source\":\"s\"}");
        byte[][] inputs = {garbage, tenMegabytes, deep, deepObjects, invalidUtf8, ansi, bigString, new byte[0], utf8("null"),
            utf8("\uFEFF{\"code\":1}"), utf8("{\"code\":\"c\",\"description\":\"d\",\"source\":\"s\"} trailing")};
        for (byte[] input : inputs) {
            for (String mode : new String[] {"--json", "--status=500"}) {
                Run r = run(input, "decode", "-", mode);
                assertThat(r.code).as(new String(input, 0, Math.min(40, input.length), StandardCharsets.ISO_8859_1)).isIn(0, 1);
                assertThat(r.out).doesNotContain("\u001b", "\u0007", "\r");
                if (mode.equals("--json")) {
                    assertJson(r.out);
                }
            }
        }
        assertThat(run(ansi, "decode").out).contains("\uFFFD[2J").doesNotContain("\nfake: line");
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void decodeOfLongPathsOverHalfAMillionValuesGivesAVerdictNotAnOutOfMemoryError(@TempDir Path dir) throws IOException {
        // Ten nested 4000-character member names over an array of 500 000 zeros: under 1 MiB.
        StringBuilder sb = new StringBuilder(1_048_576);
        for (int level = 0; level < 10; level++) {
            sb.append("{\"").append(String.valueOf((char) ('a' + level)).repeat(4000)).append("\":");
        }
        sb.append('[');
        for (int i = 0; i < 500_000; i++) {
            sb.append(i == 0 ? "0" : ",0");
        }
        sb.append(']').append("}".repeat(10));
        Path file = dir.resolve("hostile.json");
        Files.writeString(file, sb);
        assertThat(Files.size(file)).isLessThan(1 << 20);
        Run r = run("decode", "--status", "400", file.toString());
        assertThat(r.code).isEqualTo(1);
        assertThat(r.out).contains("body-limits");
        assertThat(r.err).doesNotContain("OutOfMemoryError", "Exception");
    }

    @Test
    void anErrorThrownInsideACommandIsOneLineAndExit2() {
        // A stdin that throws an Error when decode reads it: the path an OutOfMemoryError or a
        // StackOverflowError would take out of a command.
        InputStream failing = new InputStream() {
            @Override
            public int read() {
                throw new StackOverflowError();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                throw new StackOverflowError();
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"decode", "-"}, failing, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("restfault: internal error (StackOverflowError)" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    // ---- convert -----------------------------------------------------------------------------

    @Test
    void convertBetweenFormats(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pc.json");
        Files.writeString(file, PC_404);
        Run problem = run("convert", "--to", "problem", file.toString(), "--status", "404");
        assertThat(problem.code).isZero();
        assertJson(problem.out);
        assertThat(problem.out).contains("\"status\":404", "\"detail\":\"The requested resource does not exist.\"", "\"code\":\"notFound\"");
        Run api = run(utf8(PC_404), "convert", "--to", "partner-api");
        assertThat(api.out).contains("{\"error\":{\"code\":\"notFound\",\"message\":\"The requested resource does not exist.\"");
        Run throttled = run(utf8("{\"statusCode\":429,\"message\":\"Rate limit is exceeded.\"}"), "convert", "--to", "partner-center",
                "--source", "gateway");
        assertThat(throttled.out).contains("\"code\":\"tooManyRequests\"", "\"description\":\"Rate limit is exceeded.\"", "\"source\":\"gateway\"");
        Run keepsInner = run(utf8("{\"error\":{\"code\":\"conflict\",\"message\":\"m\",\"innererror\":{\"code\":\"dup\"}}}"),
                "convert", "--to", "partner-api");
        assertThat(keepsInner.out).contains("\"innerError\":{\"code\":\"dup\"}");
        Run garbage = run(utf8("<html>"), "convert", "--to", "problem");
        assertThat(garbage.code).isEqualTo(1);
        assertThat(garbage.err).contains("not an error body");
        assertThat(run(utf8(PC_404), "convert", "--to", "problem", "--status", "200").code).isEqualTo(2);
    }

    @Test
    void convertRefusesAnOversizedOrHostileSourceAsAUsageError() {
        Run tooLong = run(utf8(PC_404.replace(",\"source\":\"orders-api\"", "")), "convert", "--to", "partner-center",
                "--source", "s".repeat(1025));
        assertThat(tooLong.code).isEqualTo(2);
        assertThat(tooLong.err).contains("--source must be 1..1024 characters");
        assertThat(run(utf8(PC_404), "convert", "--to", "problem", "--source", " ").code).isEqualTo(2);
        assertThat(run(utf8(PC_404), "convert", "--to", "problem", "--source", "\u00a0").code).isEqualTo(2);
        assertThat(run(utf8(PC_404), "convert", "--to", "problem", "--source", "a\u001bb").code).isEqualTo(2);
        Run longest = run(utf8("{\"code\":\"c\",\"description\":\"d\"}"), "convert", "--to", "partner-center",
                "--source", "s".repeat(1024));
        assertThat(longest.code).isZero();
        assertThat(longest.out).contains("\"source\":\"" + "s".repeat(1024) + "\"");
    }

    // ---- check -------------------------------------------------------------------------------

    @Test
    void checkAConformantServerExits0() throws IOException {
        try (LoopbackServers.Running server = LoopbackServers.conformant()) {
            Run r = run("check", server.baseUrl().toString(), "--token", LoopbackServers.GOOD_TOKEN, "--resource", "orders");
            assertThat(r.code).as(r.out).isZero();
            assertThat(r.out).contains("PASS unknown-path", "10 requests, 0 violations: conformant").doesNotContain(LoopbackServers.GOOD_TOKEN);
            assertThat(r.err).contains("[1/10] unknown-path", "[10/10]");
        }
    }

    @Test
    void checkABrokenServerExits1WithEachViolation(@TempDir Path dir) throws IOException {
        try (LoopbackServers.Running server = LoopbackServers.broken()) {
            Run r = run("check", server.baseUrl().toString(), "--token", "t");
            assertThat(r.code).isEqualTo(1);
            assertThat(r.out).contains("FAIL unknown-path", "content-type: text/html", "required-header: 401 without WWW-Authenticate",
                    "leak-stack-trace", "client-error-as-5xx", "not conformant");
            Run json = run("check", server.baseUrl().toString(), "--report", "json", "--skip", "huge-header,locale");
            assertThat(json.code).isEqualTo(1);
            assertJson(json.out);
            assertThat(json.out).contains("\"conformant\":false").doesNotContain("huge-header");
            Path html = dir.resolve("report.html");
            Run h = run("check", server.baseUrl().toString(), "--token", "t", "--report", "html", "--output", html.toString());
            assertThat(h.code).isEqualTo(1);
            assertThat(h.out).contains("not conformant", "report.html");
            assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("leak-stack-trace");
        }
    }

    @Test
    void checkWithEveryCaseSkippedExits2AndAServerWithoutErrorsIsNotConformant() throws IOException {
        try (LoopbackServers.Running server = LoopbackServers.conformant()) {
            StringBuilder all = new StringBuilder();
            for (dev.restfault.testkit.probe.ProbeCase c : dev.restfault.testkit.probe.ProbeCase.values()) {
                all.append(all.length() == 0 ? "" : ",").append(c.id());
            }
            Run none = run("check", server.baseUrl().toString(), "--skip", all.toString());
            assertThat(none.code).isEqualTo(2);
            assertThat(none.err).contains("every probe case is skipped");
            assertThat(server.requests).isEmpty();
        }
        // A server that answers 200 to everything provokes no error: nothing was checked.
        HttpServer ok = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        ok.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                // Ids echoed as the contract asks: only the missing errors can make this run fail.
                exchange.getResponseHeaders().set("MS-CorrelationId", dev.restfault.core.http.RequestIds.validOrNew(
                        exchange.getRequestHeaders().getFirst("MS-CorrelationId")));
                exchange.getResponseHeaders().set("MS-RequestId", dev.restfault.core.http.RequestIds.validOrNew(
                        exchange.getRequestHeaders().getFirst("MS-RequestId")));
                exchange.sendResponseHeaders(200, 2);
                exchange.getResponseBody().write(utf8("[]"));
            }
        });
        ok.start();
        try {
            Run r = run("check", "http://127.0.0.1:" + ok.getAddress().getPort() + "/api/");
            assertThat(r.code).as(r.out).isEqualTo(1);
            assertThat(r.out).contains("10 requests, 1 violation: not conformant", "no-error-provoked");
        } finally {
            ok.stop(0);
        }
    }

    @Test
    void checkWithAResourceThatIsNotARelativePathIsAUsageError() throws IOException {
        try (LoopbackServers.Running server = LoopbackServers.conformant()) {
            Run r = run("check", server.baseUrl().toString(), "--resource", "a:b");
            assertThat(r.code).isEqualTo(2);
            assertThat(r.err).contains("restfault check: resource must be a path relative to the base URL");
            assertThat(server.requests).isEmpty();
        }
    }

    @Test
    void checkAnUnreachableOrBadUrlExits2() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Run r = run("check", "http://127.0.0.1:" + port + "/", "--timeout", "2");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("could not be reached", "connection refused");
        assertThat(run("check", "ftp://example/").code).isEqualTo(2);
        assertThat(run("check", "http://127.0.0.1:1/", "--resource", "../x").code).isEqualTo(2);
        assertThat(run("check", "http://127.0.0.1:1/", "--report", "pdf").code).isEqualTo(2);
        assertThat(run("check", "http://127.0.0.1:1/", "--skip", "nope").code).isEqualTo(2);
        assertThat(run("check", "http://127.0.0.1:1/", "--locale", "!!").code).isEqualTo(2);
        assertThat(run("check", "http://127.0.0.1:1/", "--timeout", "0").code).isEqualTo(2);
    }

    // ---- call --------------------------------------------------------------------------------

    @Test
    void callPrintsTheBodyOrTheDecodedErrorWithTheCategorysExitCode() throws IOException {
        try (LoopbackServers.Running server = LoopbackServers.conformant()) {
            String orders = server.baseUrl().resolve("orders").toString();
            Run ok = run("call", "GET", orders, "-H", "Authorization: Bearer " + LoopbackServers.GOOD_TOKEN);
            assertThat(ok.code).isZero();
            assertThat(ok.out.trim()).isEqualTo("[]");
            Run notFound = run("call", "GET", server.baseUrl().resolve("nope").toString());
            assertThat(notFound.code).isEqualTo(13);
            assertThat(notFound.out).contains("status:      404", "code:        notFound", "no contract violations");
            Run unauthorized = run("call", "get", orders, "--json");
            assertThat(unauthorized.code).isEqualTo(11);
            assertJson(unauthorized.out);
            assertThat(unauthorized.out).contains("\"status\":401", "\"code\":\"unauthorized\"");
            Run badBody = run(utf8("{\"trunc"), "call", "POST", orders, "-d", "@-", "-H", "Authorization: Bearer " + LoopbackServers.GOOD_TOKEN,
                    "-H", "Content-Type: application/json");
            assertThat(badBody.code).isEqualTo(10);
            Run wrongMethod = run("call", "DELETE", orders, "-H", "Authorization: Bearer " + LoopbackServers.GOOD_TOKEN, "--retries", "0");
            assertThat(wrongMethod.code).isEqualTo(14);
        }
    }

    @Test
    void callRetriesWhatTheContractAllowsAndReportsEachRetry() throws IOException {
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                if (hits.incrementAndGet() < 3) {
                    byte[] b = utf8("{\"code\":\"serviceUnavailable\",\"description\":\"Later.\",\"source\":\"s\"}");
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.getResponseHeaders().set("Retry-After", "0");
                    exchange.sendResponseHeaders(503, b.length);
                    try (OutputStream os = exchange.getResponseBody()) {
                        os.write(b);
                    }
                } else {
                    byte[] b = utf8("{\"ok\":true}");
                    exchange.sendResponseHeaders(200, b.length);
                    try (OutputStream os = exchange.getResponseBody()) {
                        os.write(b);
                    }
                }
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/x";
            Run r = run("call", "POST", url, "-d", "{}", "--retries", "3");
            assertThat(r.code).isZero();
            assertThat(r.out).contains("{\"ok\":true}");
            assertThat(r.err).contains("retry: attempt 1 failed", "retry: attempt 2 failed").doesNotContain("attempt 3 failed");
            hits.set(0);
            Run gaveUp = run("call", "POST", url, "-d", "{}", "--retries", "1");
            assertThat(gaveUp.code).isEqualTo(22);
            assertThat(gaveUp.out).contains("code:        serviceUnavailable");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void callRetriesAPostAfterA500OnlyWhenTheUserGaveTheRequestId() throws IOException {
        AtomicInteger hits = new AtomicInteger();
        java.util.List<String> ids = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                ids.add(String.valueOf(exchange.getRequestHeaders().getFirst("MS-RequestId")));
                boolean fail = hits.incrementAndGet() % 2 == 1; // 500, then 200, then 500...
                byte[] b = utf8(fail ? "{\"code\":\"internal\",\"description\":\"Oops.\",\"source\":\"s\"}" : "{\"ok\":true}");
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(fail ? 500 : 200, b.length);
                exchange.getResponseBody().write(b);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/orders";
            // The client's own (generated) id does not make a POST safe to repeat.
            Run generated = run("call", "POST", url, "-d", "{}", "--retries", "3");
            assertThat(generated.code).isEqualTo(19);
            assertThat(ids).hasSize(1);
            assertThat(dev.restfault.core.http.RequestIds.isValid(ids.get(0))).isTrue();
            // The user's id is their promise that the server deduplicates: retried, same id.
            hits.set(0);
            ids.clear();
            String mine = "12345678-1234-1234-1234-123456789abc";
            Run given = run("call", "POST", url, "-d", "{}", "--retries", "3", "-H", "MS-RequestId: " + mine);
            assertThat(given.code).as(given.err).isZero();
            assertThat(ids).containsExactly(mine, mine);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void callWithoutAnAnswerOrWithBadArgumentsExits2() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Run refused = run("call", "GET", "http://127.0.0.1:" + port + "/", "--retries", "0");
        assertThat(refused.code).isEqualTo(2);
        assertThat(refused.err).contains("restfault call:");
        assertThat(run("call", "GET", "not a url").code).isEqualTo(2);
        assertThat(run("call", "GET", "ftp://x/").code).isEqualTo(2);
        assertThat(run("call", "GET", "http://127.0.0.1:1/", "-H", "no colon").code).isEqualTo(2);
        assertThat(run("call", "GET", "http://127.0.0.1:1/", "-H", "MS-RequestId: not-a-guid").code).isEqualTo(2);
        assertThat(run("call", "GET", "http://127.0.0.1:1/", "-d", "@/no/such/file").code).isEqualTo(2);
        assertThat(run("call", "GET", "http://127.0.0.1:1/", "--retries", "-1").code).isEqualTo(2);
    }
}
