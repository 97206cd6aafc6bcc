package dev.restfault.spring.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.restfault.client.ClientContract;
import dev.restfault.client.ConnectFailedException;
import dev.restfault.client.ContractErrorException;
import dev.restfault.client.RequestContext;
import dev.restfault.client.retry.RetryListener;
import dev.restfault.client.retry.RetryPolicy;
import dev.restfault.client.testing.ErrorShapes;
import dev.restfault.client.testing.ErrorShapes.Shape;
import dev.restfault.client.testing.Faults;
import dev.restfault.client.testing.RawServer;
import dev.restfault.client.testing.StubServer;
import dev.restfault.client.testing.StubServer.Reply;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The WebClient filter blocks no thread: BlockHound instruments the JVM so that any blocking
 * call (a sleep, a wait, a park, blocking socket or file I/O) made on a non-blocking thread
 * (Reactor Netty's event loops, Reactor's parallel scheduler, where the filter's timers fire)
 * fails. Every call here is started on a non-blocking thread, so the filter's whole path runs on
 * such threads: preparing the ids, the retry delay, reading, capping and timing out error bodies,
 * decoding, classifying a transport failure. The first test shows the harness catches a sleep in
 * a filter; the others would fail the same way if the filter slept or blocked.
 *
 * <p>Runs in its own JVM (a separate surefire execution with
 * {@code -XX:+AllowRedefinitionToAddDeleteMethods}, which BlockHound needs on JDK 13+).
 */
@Timeout(60)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NonBlockingTest {

    /** Every blocking call BlockHound saw on a non-blocking thread, wherever the error went. */
    private static final List<String> BLOCKING_CALLS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void installBlockHound() {
        // Only the surefire execution made for this test sets this property and BlockHound's JVM
        // flag; a -Dtest filter also selects the test in the default execution, which skips it.
        org.junit.jupiter.api.Assumptions.assumeTrue("required".equals(System.getProperty("restfault.blockhound")),
                "runs in the non-blocking surefire execution only");
        // install(...) adds the integrations found with ServiceLoader (Reactor's, which marks its
        // non-blocking schedulers, and Netty's, which marks event loops); a bare builder has none
        // and so would check no thread at all.
        BlockHound.install(builder -> builder.blockingMethodCallback(method -> {
            BLOCKING_CALLS.add(method.toString());
            throw new BlockingOperationError(method);
        }));
    }

    /** Subscribes on Reactor's parallel scheduler: the call starts on a non-blocking thread. */
    private static <T> T onNonBlockingThread(Mono<T> call) {
        return Mono.defer(() -> {
            assertThat(Schedulers.isInNonBlockingThread()).isTrue();
            return call;
        }).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(30));
    }

    @Test
    @Order(1)
    void theHarnessCatchesAFilterThatSleeps() throws Exception {
        Throwable onParallel = catchThrowable(() -> Mono.delay(Duration.ofMillis(1)).doOnNext(x -> sleep()).block());
        assertThat(onParallel).hasRootCauseInstanceOf(BlockingOperationError.class);
        ExchangeFilterFunction sleeping = (request, next) -> next.exchange(request).doOnNext(response -> sleep());
        try (StubServer server = StubServer.start(r -> Reply.of(204))) {
            WebClient client = WebClient.builder().filter(sleeping).build();
            Throwable t = catchThrowable(() -> onNonBlockingThread(client.get().uri(server.uri("/x")).retrieve().toBodilessEntity()));
            assertThat(t).hasRootCauseInstanceOf(BlockingOperationError.class);
            assertThat(BLOCKING_CALLS).anyMatch(m -> m.contains("sleep"));
        }
        BLOCKING_CALLS.clear();
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    @Order(2)
    void retryAfterIsWaitedOnATimerAndRetriesStartOnNonBlockingThreads() throws Exception {
        List<Boolean> retryThreads = new CopyOnWriteArrayList<>();
        RetryListener listener = new RetryListener() {
            @Override
            public void onAttempt(RequestContext request) {
                if (request.attempt() > 1) {
                    retryThreads.add(Schedulers.isInNonBlockingThread());
                }
            }
        };
        ClientContract contract = Transports.contract(Transports.fastPolicy(4), listener);
        try (StubServer server = StubServer.start(r -> r.index() < 2
                ? Reply.text(429, ErrorShapes.JSON, "{\"statusCode\":429,\"message\":\"wait\"}").with("Retry-After", "1")
                : Reply.text(200, ErrorShapes.JSON, "{\"ok\":true}"))) {
            String body = onNonBlockingThread(Transports.webClient(contract).get().uri(server.uri("/orders")).retrieve()
                    .bodyToMono(String.class));
            assertThat(body).isEqualTo("{\"ok\":true}");
            assertThat(server.received()).hasSize(3);
        }
        assertThat(retryThreads).containsExactly(true, true);
        assertThat(BLOCKING_CALLS).isEmpty();
    }

    @Test
    @Order(3)
    void everyBodyShapeDecodesWithoutBlocking() throws Exception {
        Map<String, Reply> replies = ErrorShapes.all().stream().collect(Collectors.toMap(s -> "/shape/" + s.name(), Shape::reply));
        WebClient client = Transports.webClient(Transports.contract(RetryPolicy.never()));
        try (StubServer server = StubServer.start(r -> replies.get(r.uri().getPath()))) {
            for (Shape shape : ErrorShapes.all()) {
                ContractErrorException e = catchThrowableOfType(ContractErrorException.class, () -> onNonBlockingThread(
                        client.get().uri(server.uri("/shape/" + shape.name())).retrieve().bodyToMono(String.class)));
                shape.assertDecoded(e);
            }
        }
        assertThat(BLOCKING_CALLS).isEmpty();
    }

    @Test
    @Order(4)
    void largeStalledAndCutErrorBodiesAndTransportFailuresDoNotBlock() throws Exception {
        WebClient client = Transports.webClient(Transports.contract(RetryPolicy.never()));
        try (RawServer huge = RawServer.start(Faults.tenMegabytesOfHtml());
                RawServer stalled = RawServer.start(Faults.errorHeadersThenStall());
                RawServer cut = RawServer.start(Faults.errorBodyCutMidway(false))) {
            ContractErrorException big = catchThrowableOfType(ContractErrorException.class,
                    () -> onNonBlockingThread(client.get().uri(huge.uri("/huge")).retrieve().toBodilessEntity()));
            assertThat(big.body().truncated()).isTrue();
            ContractErrorException slow = catchThrowableOfType(ContractErrorException.class,
                    () -> onNonBlockingThread(client.get().uri(stalled.uri("/stall")).retrieve().toBodilessEntity()));
            assertThat(slow.body().timedOut()).isTrue();
            ContractErrorException broken = catchThrowableOfType(ContractErrorException.class,
                    () -> onNonBlockingThread(client.get().uri(cut.uri("/cut")).retrieve().toBodilessEntity()));
            assertThat(broken.retryAfter()).contains(Duration.ofSeconds(5));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        WebClient retrying = Transports.webClient(Transports.contract(Transports.fastPolicy(3)));
        ConnectFailedException refused = catchThrowableOfType(ConnectFailedException.class, () -> onNonBlockingThread(
                retrying.get().uri(URI.create("http://127.0.0.1:" + port + "/x")).retrieve().toBodilessEntity()));
        assertThat(refused.attempt()).isEqualTo(3);
        assertThat(BLOCKING_CALLS).isEmpty();
    }
}
