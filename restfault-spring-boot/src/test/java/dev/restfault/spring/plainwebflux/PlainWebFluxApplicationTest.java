package dev.restfault.spring.plainwebflux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.exception.ContractException;
import dev.restfault.core.http.RequestIds;
import dev.restfault.server.ExceptionTranslator;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
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

    private ConfigurableApplicationContext context;
    private HttpClient client;
    private int port;

    @SpringBootApplication
    @RestController
    static class PlainApplication {

        @GetMapping("/orders/{id}")
        Map<String, String> order(@PathVariable String id) {
            if (id.equals("missing")) {
                throw ContractException.notFound("Order " + id + " does not exist.");
            }
            return Map.of("id", id);
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
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
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
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
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
