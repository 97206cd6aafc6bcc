package dev.restfault.cli;

import static dev.restfault.cli.CliTest.assertJson;
import static dev.restfault.cli.CliTest.run;
import static dev.restfault.cli.CliTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.restfault.cli.CliTest.Run;
import dev.restfault.testkit.LoopbackServers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regressions found by a black-box QA run of the command, each end to end through
 * {@link Main#run} against real loopback servers.
 */
class CliRegressionTest {

    /** A raw HTTP/1.1 server on loopback that writes {@code head} to each connection, then holds it open. */
    static final class RawServer implements AutoCloseable {
        final ServerSocket socket;
        final Thread thread;

        RawServer(String head) throws IOException {
            socket = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        InputStream in = s.getInputStream();
                        // Reads the request head, then answers and stalls until the client hangs up.
                        byte[] buf = new byte[8192];
                        int n = in.read(buf);
                        if (n <= 0) {
                            continue;
                        }
                        s.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
                        s.getOutputStream().flush();
                        while (in.read(buf) >= 0) {
                            // drain until the client closes
                        }
                    } catch (IOException e) {
                        // closed by the test or the client: next connection or done
                    }
                }
            }, "raw-server");
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/x";
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    // ---- 1. @FILE is a body, not a picocli argument file ---------------------------------------

    @Test
    void callDataAtFileSendsTheFileAsTheBody(@TempDir Path dir) throws IOException {
        Path order = dir.resolve("order.json");
        String json = "{\"item\": \"two words\", \"qty\": 2}\n";
        Files.writeString(order, json);
        AtomicReference<String> received = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/", exchange -> {
            try (exchange) {
                received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] b = utf8("{\"ok\":true}");
                exchange.sendResponseHeaders(200, b.length);
                exchange.getResponseBody().write(b);
            }
        });
        server.start();
        try {
            Run r = run("call", "POST", "http://127.0.0.1:" + server.getAddress().getPort() + "/orders", "-d", "@" + order,
                    "-H", "Content-Type: application/json");
            assertThat(r.code).as(r.err).isZero();
            assertThat(received.get()).isEqualTo(json);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anArgumentStartingWithAtIsNeverExpanded(@TempDir Path dir) throws IOException {
        Path e = dir.resolve("e.json");
        Files.writeString(e, "--status 999 --json");
        Run file = run("decode", "@" + e);
        assertThat(file.code).isEqualTo(2);
        assertThat(file.err).contains("no such file: @" + e);
        Run directory = run("decode", "@" + dir);
        assertThat(directory.code).isEqualTo(2);
        assertThat(directory.err).doesNotContain("argument file", "InitializationException");
        Run missing = run("call", "GET", "http://127.0.0.1:1/", "-d", "@" + dir);
        assertThat(missing.code).isEqualTo(2);
        assertThat(missing.err).contains("is a directory");
    }

    // ---- 2. --timeout bounds the body too ------------------------------------------------------

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void callTimeoutBoundsABodyThatStalls() throws IOException {
        // Headers of a 404 promising 100 bytes, then nothing: the default body timeout is 30 s.
        try (RawServer server = new RawServer("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{\"code\":")) {
            Run r = run("call", "GET", server.url(), "--timeout", "1", "--retries", "0");
            assertThat(r.code).isEqualTo(13);
            assertThat(r.out).contains("status:      404");
        }
    }

    // ---- 3. control characters: escaped in JSON, replaced in text ------------------------------

    static final String HOSTILE = "a\\u202Eb\\u009Bc\\u007Fd\\u0085e\\u2028f\\u200Eg\\u200Fh\\u061Ci";

    static void assertNoRawControls(String s) {
        for (char c : new char[] {'\u202E', '\u009B', '\u007F', '\u0085', '\u2028', '\u200E', '\u200F', '\u061C', '\u001b'}) {
            assertThat(s.indexOf(c)).as("U+%04X", (int) c).isEqualTo(-1);
        }
    }

    @Test
    void decodeJsonEscapesControlAndBidiCharacters() {
        byte[] body = utf8("{\"code\":\"c\",\"description\":\"" + HOSTILE + "\",\"source\":\"s\"}");
        Run json = run(body, "decode", "--json");
        assertJson(json.out);
        assertNoRawControls(json.out);
        assertThat(json.out.toLowerCase(java.util.Locale.ROOT)).contains("a\\u202eb\\u009bc\\u007fd\\u0085e\\u2028f\\u200eg\\u200fh\\u061ci");
        Run text = run(body, "decode");
        assertNoRawControls(text.out);
        assertThat(text.out).contains("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh\uFFFDi");
    }

    @Test
    void callJsonEscapesControlAndBidiCharacters() throws IOException {
        byte[] body = utf8("{\"code\":\"c" + HOSTILE + "\",\"description\":\"" + HOSTILE + "\",\"source\":\"s\"}");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(400, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        try {
            Run r = run("call", "GET", "http://127.0.0.1:" + server.getAddress().getPort() + "/x", "--json", "--retries", "0");
            assertThat(r.code).isEqualTo(10);
            assertJson(r.out);
            assertNoRawControls(r.out);
            assertNoRawControls(r.err);
            assertThat(r.out.toLowerCase(java.util.Locale.ROOT)).contains("\\u202e");
        } finally {
            server.stop(0);
        }
    }

    // ---- 4. Partner API messages are always en-US ----------------------------------------------

    @Test
    void convertToPartnerApiKeepsEnglishWhateverTheLocale() {
        byte[] body = utf8("{\"statusCode\":429}");
        Run english = run(body, "convert", "--to", "partner-api");
        Run japanese = run(body, "convert", "--to", "partner-api", "--locale", "ja-JP");
        assertThat(japanese.code).isZero();
        assertThat(japanese.out).isEqualTo(english.out);
        // The locale still applies to the other formats.
        Run problem = run(body, "convert", "--to", "problem", "--locale", "ja-JP");
        Run problemEn = run(body, "convert", "--to", "problem");
        assertThat(problem.code).isZero();
        assertThat(problem.out).isNotEqualTo(problemEn.out);
    }

    // ---- 5. the client's own cap is not the server's fault -------------------------------------

    @Test
    void callSaysWhenItsOwnCapCutALargeErrorBody() throws IOException {
        byte[] body = utf8("{\"code\":\"badInput\",\"description\":\"" + "x".repeat(1000) + "\",\"source\":\"s\",\"data\":["
                + "{\"code\":\"c\",\"description\":\"d\",\"source\":\"s\"},".repeat(150_000)
                + "{\"code\":\"c\",\"description\":\"d\",\"source\":\"s\"}]}");
        assertThat(body.length).isGreaterThan(6_000_000);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(400, body.length);
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(body);
                } catch (IOException clientHungUp) {
                    // expected: the client stops reading at its cap
                }
            }
        });
        server.start();
        try {
            for (String mode : new String[] {"--retries=0", "--json"}) {
                Run r = run("call", "GET", "http://127.0.0.1:" + server.getAddress().getPort() + "/x", mode);
                assertThat(r.code).isEqualTo(10);
                assertThat(r.out).doesNotContain("body-malformed", "ends early").contains("body-limits");
                assertThat(r.out + r.err).contains("65536");
            }
        } finally {
            server.stop(0);
        }
    }

    // ---- 6. a status outside 100..599 is not HTTP ----------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {600, 999})
    void callExits2OnAStatusOutsideHttpsRange(int status) throws IOException {
        try (RawServer server = new RawServer("HTTP/1.1 " + status + " Odd\r\nContent-Length: 2\r\nConnection: close\r\n\r\n[]")) {
            Run r = run("call", "GET", server.url(), "--retries", "0");
            assertThat(r.code).isEqualTo(2);
            assertThat(r.err).contains("status " + status, "not valid HTTP");
        }
        assertThat(run("call", "--help").out).contains("not valid HTTP");
    }

    // ---- 7. -V on every command ----------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"check", "decode", "convert", "call", "explain"})
    void everyCommandPrintsTheVersion(String command) {
        for (String flag : new String[] {"-V", "--version"}) {
            Run r = run(command, flag);
            assertThat(r.code).isZero();
            assertThat(r.out).startsWith("restfault ");
        }
    }

    // ---- 8. a malformed --locale is refused, never truncated -----------------------------------

    @Test
    void checkRefusesALocaleThatIsNotALanguageTag() throws IOException {
        try (LoopbackServers.Running server = LoopbackServers.conformant()) {
            for (String bad : new String[] {"xx-!!", "ja-JP\nX-Injected: 1", "ja_JP", "en-US "}) {
                Run r = run("check", server.baseUrl().toString(), "--locale", bad);
                assertThat(r.code).as(bad).isEqualTo(2);
                assertThat(r.err).contains("--locale");
            }
            assertThat(server.requests).isEmpty();
        }
        assertThat(run(utf8("{\"statusCode\":429}"), "convert", "--to", "problem", "--locale", "xx-!!").code).isEqualTo(2);
    }

    // ---- 9. convert never writes a class name as the source ------------------------------------

    @Test
    void convertRefusesASourceThatIsAJavaClassName() {
        byte[] noSource = utf8("{\"code\":\"c\",\"description\":\"d\"}");
        for (String bad : new String[] {"com.acme.FooController", "FooController", "OrderServiceImpl"}) {
            Run r = run(noSource, "convert", "--to", "partner-center", "--source", bad);
            assertThat(r.code).as(bad).isEqualTo(2);
            assertThat(r.err).contains("--source", "class name");
            assertThat(r.out).isEmpty();
        }
        assertThat(run(noSource, "convert", "--to", "partner-center", "--source", "orders-api").code).isZero();
        // The body's own source: the written body would break the contract, so nothing is written.
        Run body = run(utf8("{\"code\":\"c\",\"description\":\"d\",\"source\":\"com.acme.web.OrderController\"}"),
                "convert", "--to", "problem");
        assertThat(body.code).isEqualTo(1);
        assertThat(body.err).contains("class name");
        assertThat(body.out).isEmpty();
    }
}
