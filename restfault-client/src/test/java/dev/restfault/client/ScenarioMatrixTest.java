package dev.restfault.client;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.restfault.client.retry.RetryPolicy;
import dev.restfault.client.testing.ErrorShapes;
import dev.restfault.client.testing.ErrorShapes.Shape;
import dev.restfault.client.testing.StubServer;
import dev.restfault.client.testing.StubServer.Reply;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared scenario matrix ({@link ErrorShapes}) through {@link RestfaultClient}: the reference
 * the Spring and OpenFeign integrations are held to.
 */
class ScenarioMatrixTest {

    private static final Map<String, Reply> REPLIES = ErrorShapes.all().stream()
            .collect(Collectors.toMap(s -> "/shape/" + s.name(), Shape::reply));
    private static StubServer server;
    private static RestfaultClient client;

    @BeforeAll
    static void start() throws IOException {
        server = StubServer.start(r -> REPLIES.getOrDefault(r.uri().getPath(), Reply.of(500)));
        client = RestfaultClient.builder().retryPolicy(RetryPolicy.never()).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    static java.util.List<Shape> shapes() {
        return ErrorShapes.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void everyShapeDecodesAsTheMatrixSays(Shape shape) {
        ContractErrorException e = catchThrowableOfType(ContractErrorException.class,
                () -> client.send(HttpRequest.newBuilder(server.uri("/shape/" + shape.name())).GET().build()));
        shape.assertDecoded(e);
    }
}
