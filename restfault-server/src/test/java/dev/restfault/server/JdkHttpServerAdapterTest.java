package dev.restfault.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.restfault.core.exception.ContractException;
import dev.restfault.core.http.AuthChallenge;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.json.DecodedError;
import dev.restfault.json.ErrorReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The core behind the smallest adapter there is, the JDK's {@link HttpServer}, over real sockets:
 * all an adapter does is build the facts, call the renderer and copy the result to its response.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdkHttpServerAdapterTest {

    static final class ItemLockedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ItemLockedException() {
            super("item 9 is locked by batch job 77", null, false, false);
        }
    }

    private HttpServer server;
    private HttpClient client;
    private final ErrorRenderer renderer = ErrorRenderer.builder("items")
            .challenge(AuthChallenge.oauth("contoso"))
            .translators(List.of((failure, request) -> failure instanceof ItemLockedException
                    ? Optional.of(ContractException.builder(423).code("itemLocked").build()) : Optional.empty()))
            .logger(new RecordingLogger())
            .build();

    @BeforeAll
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                try {
                    handle(exchange);
                } catch (RuntimeException failure) {
                    write(exchange, renderer.render(failure, facts(exchange)));
                }
            }
        });
        server.start();
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    void stop() {
        server.stop(0);
    }

    /** The application. */
    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        switch (path) {
            case "/items/9":
                throw new ItemLockedException();
            case "/items/boom":
                throw new IllegalStateException("secret: jdbc:postgresql://db/prod");
            case "/secure":
                throw ContractException.unauthorized();
            case "/items/1":
                if (!exchange.getRequestMethod().equals("GET")) {
                    write(exchange, renderer.render(StatusErrors.methodNotAllowed(List.of("GET", "HEAD")), facts(exchange)));
                    return;
                }
                byte[] ok = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
                return;
            default:
                write(exchange, renderer.renderStatus(404, facts(exchange)));
        }
    }

    /** The adapter, part 1: the facts, read lazily from the exchange. */
    private static RequestFacts facts(HttpExchange exchange) {
        return RequestFacts.builder(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath())
                .headers(HeaderLookup.of(exchange.getRequestHeaders()::getFirst, exchange.getRequestHeaders()::get))
                .build();
    }

    /** The adapter, part 2: the I/O. */
    private static void write(HttpExchange exchange, RenderedError error) throws IOException {
        var headers = exchange.getResponseHeaders();
        error.copyHeaders(headers::set, headers::add);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(error.status(), head ? -1 : error.bodyLength());
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                error.writeBody(out);
            }
        }
    }

    private HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static DecodedError body(HttpResponse<byte[]> r) {
        return ErrorReader.standard().read(r.body());
    }

    @Test
    void anApplicationTranslatorAnswersItsOwnException() throws Exception {
        HttpResponse<byte[]> r = send("GET", "/items/9", "X-Locale", "fr-FR");
        assertThat(r.statusCode()).isEqualTo(423);
        assertThat(body(r).code()).contains("itemLocked");
        assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("batch job");
        assertThat(r.headers().firstValue("Content-Language")).contains("fr-FR");
    }

    @Test
    void anUnexpectedFailureNeverLeaks() throws Exception {
        String correlation = UUID.randomUUID().toString();
        HttpResponse<byte[]> r = send("POST", "/items/boom", "MS-CorrelationId", correlation);
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.headers().firstValue("MS-CorrelationId")).contains(correlation);
        String requestId = r.headers().firstValue("MS-RequestId").orElseThrow();
        assertThat(body(r).description()).contains(ContractMessages.defaults().get(ContractMessages.INTERNAL_ERROR,
                SupportedLocales.EN_US, requestId));
        assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("secret", "jdbc", "Exception");
    }

    @Test
    void headersTheContractRequires() throws Exception {
        HttpResponse<byte[]> unauthorized = send("GET", "/secure");
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.headers().allValues("WWW-Authenticate")).containsExactly("OAuth realm=\"urn:cpsvc:cpid:contoso\"");
        assertThat(unauthorized.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(unauthorized.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

        HttpResponse<byte[]> wrongMethod = send("DELETE", "/items/1");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("GET, HEAD");

        HttpResponse<byte[]> problem = send("GET", "/nowhere", "Accept", "application/problem+json");
        assertThat(problem.statusCode()).isEqualTo(404);
        assertThat(problem.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(body(problem).shape()).isEqualTo(DecodedError.Shape.PROBLEM_DETAILS);
    }

    @Test
    void headGetsTheHeadersWithoutTheBody() throws Exception {
        HttpResponse<byte[]> r = send("HEAD", "/nowhere");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
    }
}
