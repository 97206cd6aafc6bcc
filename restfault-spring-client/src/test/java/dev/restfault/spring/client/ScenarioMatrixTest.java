package dev.restfault.spring.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.restfault.client.ClientContract;
import dev.restfault.client.ContractErrorException;
import dev.restfault.client.retry.RetryPolicy;
import dev.restfault.client.testing.ErrorShapes;
import dev.restfault.client.testing.ErrorShapes.Shape;
import dev.restfault.client.testing.StubServer;
import dev.restfault.client.testing.StubServer.Reply;
import dev.restfault.core.http.RequestIds;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * restfault-client's scenario matrix ({@link ErrorShapes}) through every Spring client: each body
 * shape, served by a real {@code HttpServer}, must give the same {@link ContractErrorException}
 * as {@code RestfaultClient} gives.
 */
class ScenarioMatrixTest {

    private static final Map<String, Reply> REPLIES = ErrorShapes.all().stream()
            .collect(Collectors.toMap(s -> "/shape/" + s.name(), Shape::reply));
    private static final ClientContract CONTRACT = Transports.contract(RetryPolicy.never());
    private static StubServer server;

    @BeforeAll
    static void start() throws IOException {
        server = StubServer.start(r -> REPLIES.getOrDefault(r.uri().getPath(), Reply.of(500)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> shapesAndFactories() {
        return ErrorShapes.all().stream().flatMap(s -> Stream.of(Transports.Factory.values()).map(f -> Arguments.of(s, f)));
    }

    static List<Shape> shapes() {
        return ErrorShapes.all();
    }

    private static URI uri(Shape shape) {
        return server.uri("/shape/" + shape.name() + "?token=secret");
    }

    @ParameterizedTest(name = "RestClient on {1}: {0}")
    @MethodSource("shapesAndFactories")
    void restClient(Shape shape, Transports.Factory factory) {
        RestClient client = Transports.restClient(factory, CONTRACT);
        ContractErrorException e = catchThrowableOfType(ContractErrorException.class,
                () -> client.get().uri(uri(shape)).retrieve().body(String.class));
        shape.assertDecoded(e);
        assertThat(e.attempt()).isEqualTo(1);
        assertThat(e.getMessage()).doesNotContain("token=secret");
        // The ids the interceptor sent are the exception's, unless the server echoed its own.
        String sent = server.received().get(server.received().size() - 1).header("MS-RequestId");
        assertThat(RequestIds.isValid(sent)).isTrue();
        assertThat(e.request().requestId()).contains(sent);
    }

    @ParameterizedTest(name = "RestTemplate on {1}: {0}")
    @MethodSource("shapesAndFactories")
    void restTemplate(Shape shape, Transports.Factory factory) {
        RestTemplate template = Transports.restTemplate(factory, CONTRACT);
        ContractErrorException e = catchThrowableOfType(ContractErrorException.class,
                () -> template.getForEntity(uri(shape), String.class));
        shape.assertDecoded(e);
    }

    @ParameterizedTest(name = "WebClient: {0}")
    @MethodSource("shapes")
    void webClient(Shape shape) {
        WebClient client = Transports.webClient(CONTRACT);
        ContractErrorException e = catchThrowableOfType(ContractErrorException.class,
                () -> client.get().uri(uri(shape)).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10)));
        shape.assertDecoded(e);
        assertThat(e.getSuppressed()).allSatisfy(s -> assertThat(s).isNotInstanceOf(ContractErrorException.class));
    }

    /** The status handler alone (no interceptor) decodes the same, with the server's echo as ids. */
    @ParameterizedTest(name = "RestClient, handler only: {0}")
    @MethodSource("shapes")
    void restClientWithTheStatusHandlerOnly(Shape shape) {
        RestClient client = RestClient.builder().requestFactory(Transports.Factory.JDK.create())
                .defaultStatusHandler(new ContractErrorHandler(CONTRACT)).build();
        ContractErrorException e = catchThrowableOfType(ContractErrorException.class,
                () -> client.get().uri(uri(shape)).retrieve().toBodilessEntity());
        assertThat(dev.restfault.client.testing.ErrorFacts.of(e)).isEqualTo(shape.expected());
        assertThat(e.request().requestId()).isEmpty();
    }

    /** exchange() runs no status handler: the caller still sees the final error response, body kept. */
    @ParameterizedTest(name = "exchange(): {0}")
    @MethodSource("shapes")
    void exchangeSeesTheErrorResponse(Shape shape) {
        RestClient client = Transports.restClient(Transports.Factory.JDK, CONTRACT);
        ResponseEntity<byte[]> entity = client.get().uri(uri(shape)).exchange((request, response) ->
                ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                        .body(response.getBody().readAllBytes()));
        assertThat(entity.getStatusCode().value()).isEqualTo(shape.expected().status());
        assertThat(new String(entity.getBody(), shape.reply().headers().getOrDefault("Content-Type", "").contains("ISO-8859-1")
                ? java.nio.charset.StandardCharsets.ISO_8859_1 : java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(shape.expected().bodyText());
        assertThat(HttpStatus.resolve(entity.getStatusCode().value())).isNotNull();
    }
}
