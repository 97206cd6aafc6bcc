package dev.restfault.spring.plainwebflux;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.restfault.core.exception.ContractException;
import dev.restfault.core.http.RequestIds;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.server.ErrorRenderer;
import dev.restfault.server.ExceptionTranslator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain WebFlux application, as a user writes one: {@code spring-boot-starter-webflux} and
 * restfault's starter, no configuration, and nothing else on the class path (no servlet stack, no
 * Spring Security, no Bean Validation, no throttling: see the build's {@code plain-webflux-test}
 * execution). It starts, and its errors are contract errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlainWebFluxApplicationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<Throwable> SEEN = new CopyOnWriteArrayList<>();
    private static final String NO_SUCH_RESOURCE = ContractMessages.defaults().get(ContractMessages.NO_SUCH_RESOURCE,
            SupportedLocales.EN_US);

    private ConfigurableApplicationContext context;
    /** The same application with the two properties below: no resource handler, native forwarded headers. */
    private ConfigurableApplicationContext configured;
    private ListAppender<ILoggingEvent> logs;
    private HttpClient client;
    private int port;
    private int configuredPort;

    @SpringBootApplication
    @RestController
    static class PlainApplication {

        @GetMapping("/orders/{id}")
        Map<String, String> order(@PathVariable String id) {
            if (id.equals("missing")) {
                throw ContractException.notFound("Order " + id + " does not exist.");
            }
            if (id.equals("gone")) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Order gone was deleted.");
            }
            if (id.equals("bare")) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            return Map.of("id", id);
        }

        /** A stream that fails once its first items went out: the response is committed by then. */
        @GetMapping(path = "/stream-then-fail", produces = "application/x-ndjson")
        Flux<Map<String, Object>> streamThenFail(@RequestParam String marker) {
            return Flux.concat(Flux.just(Map.<String, Object>of("n", 1), Map.<String, Object>of("n", 2)),
                    Flux.error(new IllegalStateException("stream secret " + marker)));
        }

        /** Sees every failure restfault renders, and leaves it to the built-in translators. */
        @Bean
        ExceptionTranslator recorder() {
            return (failure, request) -> {
                SEEN.add(failure);
                return Optional.empty();
            };
        }

        @Bean
        RouterFunction<ServerResponse> routes() {
            return RouterFunctions.route().GET("/fn/boom", request -> Mono.error(new IllegalStateException("secret"))).build();
        }
    }

    @BeforeAll
    void start() {
        context = new SpringApplicationBuilder(PlainApplication.class)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off")
                .run();
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
        configured = new SpringApplicationBuilder(PlainApplication.class)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
                        "spring.web.resources.add-mappings=false", "server.forward-headers-strategy=native")
                .run();
        configuredPort = ((WebServerApplicationContext) configured).getWebServer().getPort();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        logs = new ListAppender<>();
        logs.start();
        root().addAppender(logs);
    }

    @AfterAll
    void stop() {
        if (logs != null) {
            root().detachAppender(logs);
        }
        if (configured != null) {
            configured.close();
        }
        if (context != null) {
            context.close();
        }
    }

    private static ch.qos.logback.classic.Logger root() {
        return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Test
    void onlyWebFluxIsOnTheClassPath() {
        for (String type : new String[] {"jakarta.servlet.Servlet", "org.springframework.security.core.AuthenticationException",
                "jakarta.validation.ValidatorFactory", "org.springframework.web.servlet.DispatcherServlet",
                "dev.restfault.throttling.Throttle"}) {
            assertThat(ClassUtils.isPresent(type, null)).as(type).isFalse();
        }
    }

    @Test
    void errorsAreContractErrors() throws Exception {
        assertThat(get("/orders/7").statusCode()).isEqualTo(200);
        assertContract(get("/orders/missing"), 404, "notFound");
        assertContract(get("/no/such/route"), 404, "notFound");
        HttpResponse<String> boom = assertContract(get("/fn/boom"), 500, "internalServerError");
        assertThat(boom.body()).doesNotContain("secret").doesNotContain("IllegalStateException");
        HttpResponse<String> wrongMethod = client.send(HttpRequest.newBuilder(uri("/orders/7"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertContract(wrongMethod, 405, "methodNotAllowed");
        assertThat(wrongMethod.headers().firstValue("Allow")).isPresent();
    }

    /**
     * restfault's filter is this application's only filter and its handler the first exception
     * handler, so a failure is answered inside the filter, before the checkpoint WebFlux puts
     * around each filter: that checkpoint would attach an {@code OnAssemblyException} and read the
     * failure's whole stack trace, the cost a failure with a stack trace (Spring's own 405 here)
     * would otherwise pay for restfault's filter alone.
     */
    @Test
    void aFailureIsAnsweredBeforeWebFluxsCheckpointAroundRestfaultsFilter() throws Exception {
        SEEN.clear();
        HttpResponse<String> wrongMethod = client.send(HttpRequest.newBuilder(uri("/orders/7"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertContract(wrongMethod, 405, "methodNotAllowed");
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
        assertContract(get("/fn/boom"), 500, "internalServerError");
        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0).getClass().getSimpleName()).isEqualTo("MethodNotAllowedException");
        assertThat(SEEN.get(0).getStackTrace()).isNotEmpty(); // a failure with a stack trace, untrimmed
        for (Throwable failure : SEEN) {
            assertThat(failure.getSuppressed()).as("%s", failure)
                    .noneMatch(s -> s.getClass().getName().equals("reactor.core.publisher.FluxOnAssembly$OnAssemblyException"));
        }
    }

    /**
     * A stream that fails after its first items went out, on the path where restfault's filter
     * hands the failure to restfault's handler itself: the response cannot be replaced, the failure
     * is passed on so that the server aborts it, and it reaches restfault's handler a second time
     * on its way out (as the exception handler around the chain). It is resolved and logged once.
     */
    @Test
    void aStreamThatFailsAfterItStartedIsLoggedOnceOnTheFilterPath() throws Exception {
        String marker = UUID.randomUUID().toString();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET /stream-then-fail?marker=" + marker + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = readUntilClosed(socket.getInputStream());
            assertThat(response).startsWith("HTTP/1.1 200").contains("{\"n\":1}").doesNotContain(marker);
        }
        // The server aborts the response once the failure has gone all the way out: both handlings are over.
        assertThat(SEEN).filteredOn(failure -> String.valueOf(failure.getMessage()).contains(marker)).hasSize(1);
        List<ILoggingEvent> events;
        synchronized (logs) { // the appender's lock: logback adds to its list from the server's threads
            events = new ArrayList<>(logs.list);
        }
        assertThat(events).filteredOn(e -> e.getLoggerName().equals(ErrorRenderer.LOGGER_NAME))
                .filteredOn(e -> mentions(e.getThrowableProxy(), marker))
                .hasSize(1);
    }

    /**
     * With {@code spring.web.resources.add-mappings=false} no resource handler raises WebFlux's
     * "no static resource" for an unknown path: {@code DispatcherHandler} raises a bare
     * {@code ResponseStatusException(NOT_FOUND)} instead. It reads as the 404 of a path that nothing
     * serves, as with the resource handler and on Spring MVC; an application's own
     * {@code ResponseStatusException(NOT_FOUND)} keeps its reason, or the catalog's text.
     */
    @Test
    void anUnknownRouteWithoutResourceMappingsIsTheNoHandler404() throws Exception {
        for (int p : new int[] {port, configuredPort}) {
            JsonNode unknown = JSON.readTree(assertContract(send(p, "/no/such/route"), 404, "notFound").body());
            assertThat(unknown.get("description").asString()).as("port %s", p).isEqualTo(NO_SUCH_RESOURCE);
            JsonNode gone = JSON.readTree(assertContract(send(p, "/orders/gone"), 404, "notFound").body());
            assertThat(gone.get("description").asString()).isEqualTo("Order gone was deleted.");
            JsonNode bare = JSON.readTree(assertContract(send(p, "/orders/bare"), 404, "notFound").body());
            assertThat(bare.get("description").asString()).isNotBlank().isNotEqualTo(NO_SUCH_RESOURCE);
        }
    }

    /**
     * With {@code server.forward-headers-strategy=native}, Reactor Netty reads the
     * {@code X-Forwarded-*} headers itself and refuses values it cannot use with an empty 400,
     * before the application: the contract 400, with the request's ids, the connection closed.
     */
    @Test
    void forwardedHeadersReactorNettyRefusesAreContractErrors() throws Exception {
        for (String header : List.of("X-Forwarded-Port: abc", "X-Forwarded-Prefix: no-slash")) {
            String correlation = UUID.randomUUID().toString();
            try (Socket socket = new Socket("127.0.0.1", configuredPort)) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("GET /orders/7 HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header + "\r\nMS-CorrelationId: " + correlation
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Map<String, String> r = readResponse(new BufferedInputStream(socket.getInputStream()));
                assertThat(r.get(":status")).as(header).isEqualTo("400");
                assertThat(r.get("content-type")).as(header).isEqualTo("application/json; charset=utf-8");
                assertThat(r.get("ms-correlationid")).as(header).isEqualTo(correlation);
                assertThat(RequestIds.isValid(r.get("ms-requestid"))).as(header).isTrue();
                assertThat(r.get("connection")).as(header).isEqualToIgnoringCase("close");
                assertThat(JSON.readTree(r.get(":body")).get("code").asString()).as(header).isEqualTo("badRequest");
            }
        }
        assertThat(send(configuredPort, "/orders/7").statusCode()).isEqualTo(200);
    }

    /** Whether {@code t} or one of its causes has {@code marker} in its message. */
    private static boolean mentions(IThrowableProxy t, String marker) {
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(marker)) {
                return true;
            }
        }
        return false;
    }

    /** What the server sends until it closes the connection (or stays silent for 5 s). */
    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try {
            in.transferTo(received);
        } catch (SocketTimeoutException silent) {
            // what came is all there is
        } catch (IOException reset) {
            // aborted
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    /**
     * An error answered inside restfault's filter, before the request's body was read, leaves the
     * connection usable for the next request, or says {@code Connection: close}: the keep-alive
     * rule of every other path, on this one.
     */
    @Test
    void anErrorAnsweredInsideTheFilterBeforeTheBodyWasReadKeepsTheConnectionUsable() throws Exception {
        byte[] body = ("{\"note\":\"" + "x".repeat(5_000) + "\"}").getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            out.write(("POST /orders/7 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            Map<String, String> first = readResponse(in);
            assertThat(first.get(":status")).isEqualTo("405");
            if ("close".equalsIgnoreCase(first.get("connection"))) {
                return; // said so: the rule holds
            }
            out.write("GET /orders/7 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Map<String, String> second = readResponse(in);
            assertThat(second.get(":status")).isEqualTo("200");
            assertThat(second.get(":body")).contains("\"id\":\"7\"");
        }
    }

    /** One HTTP/1.1 response with a Content-Length: the status as ":status", headers in lower case, the body as ":body". */
    private static Map<String, String> readResponse(InputStream in) throws Exception {
        Map<String, String> response = new HashMap<>();
        String status = line(in);
        response.put(":status", status.split(" ")[1]);
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            response.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        byte[] content = in.readNBytes(Integer.parseInt(response.get("content-length")));
        response.put(":body", new String(content, StandardCharsets.UTF_8));
        return response;
    }

    private static String line(InputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed after: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(port, path);
    }

    private HttpResponse<String> send(int to, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> assertContract(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(RequestIds.isValid(r.headers().firstValue("MS-CorrelationId").orElse(null))).isTrue();
        assertThat(RequestIds.isValid(r.headers().firstValue("MS-RequestId").orElse(null))).isTrue();
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("code").asString()).isEqualTo(code);
        return r;
    }
}
