package dev.restfault.sandbox.upstream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.restfault.core.exception.ContractException;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.sandbox.Texts;
import dev.restfault.sandbox.config.SandboxProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The credit client against an external upstream on the JDK's {@code HttpServer} (127.0.0.1):
 * the body is read within {@link CreditClient#MAX_BODY} bytes and the deadline, and each way
 * past them is the gateway error the class promises; and against raw loopback sockets that
 * break the exchange as real upstreams do (a reset, a close, a failure status with a huge or
 * stalled body, a connection that is never accepted), each named by the text that says what
 * happened.
 */
class CreditClientTest {

    private static final String CUSTOMER = "c0000000-0000-4000-8000-000000000001";
    private static final String CREDIT = "{\"customerId\":\"" + CUSTOMER + "\",\"creditLimit\":{\"amount\":1500.25,\"currency\":\"EUR\"}}";

    private HttpServer upstream;
    private final AtomicReference<byte[]> body = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean stall;
    private CreditClient client;

    @BeforeEach
    void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/credit/", exchange -> {
            byte[] b = body.get();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, stall ? b.length + 10 : b.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(b);
                out.flush();
                if (stall) {
                    release.await(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException clientWentAway) {
                // the sandbox gave up on the body: what this test wants
            }
        });
        upstream.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        upstream.start();
    }

    /** A client of the upstream with the deadline {@code timeout} (generous where the deadline is not the point: a cold JVM is slow). */
    private CreditClient client(Duration timeout) throws IOException {
        return client(upstream.getAddress().getPort(), timeout, Duration.ofSeconds(5));
    }

    private CreditClient client(int port, Duration timeout, Duration connectTimeout) throws IOException {
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        SandboxProperties.Upstream settings = new SandboxProperties.Upstream(base, SandboxProperties.UpstreamMode.OK,
                timeout, connectTimeout, 16);
        // Only the upstream settings are read by the credit client.
        SandboxProperties properties = new SandboxProperties(null, null, null, null, settings, null, null, false);
        client = new CreditClient(properties, new UpstreamSettings(properties), JsonMapper.builder().build());
        return client;
    }

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        if (client != null) {
            client.destroy();
        }
        upstream.stop(0);
    }

    @Test
    void aBodyWithinTheCapIsRead() throws IOException {
        // Padded with spaces to exactly the cap: the bound is inclusive.
        body.set((CREDIT + " ".repeat(CreditClient.MAX_BODY - CREDIT.length())).getBytes(UTF_8));
        CreditClient.Credit credit = client(Duration.ofSeconds(10)).credit(CUSTOMER);
        assertThat(credit.currency()).isEqualTo("EUR");
        assertThat(credit.amount()).isEqualByComparingTo("1500.25");
    }

    @Test
    void aBodyPastTheCapIsABadGateway() throws IOException {
        body.set((CREDIT + " ".repeat(CreditClient.MAX_BODY - CREDIT.length() + 1)).getBytes(UTF_8));
        ContractException e = catchThrowableOfType(ContractException.class, () -> client(Duration.ofSeconds(10)).credit(CUSTOMER));
        assertThat(e.status()).isEqualTo(502);
        assertThat(e).hasRootCauseInstanceOf(IOException.class)
                .hasStackTraceContaining("body exceeds " + CreditClient.MAX_BODY + " bytes");
    }

    @Test
    void aBodyThatStopsArrivingIsAGatewayTimeout() throws IOException {
        body.set(CREDIT.getBytes(UTF_8));
        stall = true;
        CreditClient slowOnes = client(Duration.ofSeconds(1));
        long start = System.nanoTime();
        ContractException e = catchThrowableOfType(ContractException.class, () -> slowOnes.credit(CUSTOMER));
        assertThat(e.status()).isEqualTo(504);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).as("bounded by the deadline, not the upstream")
                .isLessThan(5);
    }

    /** The sandbox's text keys as the descriptions, so a test sees which text an error picked. */
    private static final ContractMessages KEYS = ContractMessages.builder()
            .add((key, locale) -> key.startsWith("sandbox.") ? Optional.of(key) : Optional.empty())
            .build();

    private static String textOf(ContractException e) {
        return e.resolveDescription(KEYS, Locale.US);
    }

    /** What a raw upstream does with a connection once it has read the request's head. */
    @FunctionalInterface
    private interface Behaviour {
        void answer(Socket connection) throws IOException;
    }

    /** An upstream on a raw loopback socket that treats every connection with {@code behaviour}. */
    private static final class RawUpstream implements AutoCloseable {
        private final ServerSocket server;
        private final Thread acceptor;

        RawUpstream(Behaviour behaviour) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket connection = server.accept()) {
                        connection.setSoTimeout(10_000);
                        readHead(connection.getInputStream());
                        behaviour.answer(connection);
                    } catch (IOException | RuntimeException closedOrGone) {
                        // the server closed, or the client went away: nothing to answer
                    }
                }
            }, "raw-upstream");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private static void readHead(InputStream in) throws IOException {
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            for (int b = in.read(); b >= 0; b = in.read()) {
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
                if (matched == end.length) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private static void send(Socket connection, String text) throws IOException {
        OutputStream out = connection.getOutputStream();
        out.write(text.getBytes(UTF_8));
        out.flush();
    }

    /** What the credit call throws against an upstream that treats every connection with {@code behaviour}. */
    private ContractException failureFrom(Behaviour behaviour, Duration timeout) throws IOException {
        try (RawUpstream raw = new RawUpstream(behaviour)) {
            return catchThrowableOfType(ContractException.class,
                    () -> client(raw.port(), timeout, Duration.ofSeconds(5)).credit(CUSTOMER));
        }
    }

    /** Asserts that {@code e} is a 502 with the text {@code key} (and {@code arguments}). */
    private static void assertBadGateway(ContractException e, String key, Object... arguments) {
        assertThat(e.status()).isEqualTo(502);
        assertThat(textOf(e)).isEqualTo(key);
        assertThat(e.arguments()).containsExactly(arguments);
    }

    @Test
    void aConnectionResetBeforeAnyAnswerIsUnreachableNotAnUnreadableAnswer() throws IOException {
        ContractException e = failureFrom(connection -> connection.setSoLinger(true, 0), // close() sends a TCP RST
                Duration.ofSeconds(10));
        assertBadGateway(e, Texts.UPSTREAM_UNREACHABLE);
    }

    @Test
    void aConnectionClosedBeforeAnyAnswerIsUnreachableNotAnUnreadableAnswer() throws IOException {
        ContractException e = failureFrom(connection -> {
            // closed (FIN) without a byte of answer
        }, Duration.ofSeconds(10));
        assertBadGateway(e, Texts.UPSTREAM_UNREACHABLE);
    }

    @Test
    void anAnswerThatIsNotHttpIsUnreadable() throws IOException {
        ContractException e = failureFrom(connection -> send(connection, "SSH-2.0-OpenSSH_9.2\r\n"), Duration.ofSeconds(10));
        assertBadGateway(e, Texts.UPSTREAM_INVALID);
    }

    @Test
    void aBodyCutByTheConnectionIsUnreadable() throws IOException {
        ContractException e = failureFrom(connection -> send(connection,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"customerId\":"),
                Duration.ofSeconds(10));
        assertBadGateway(e, Texts.UPSTREAM_INVALID);
    }

    @Test
    void aFailureStatusIsNamedWhateverTheSizeOfItsBody() throws IOException {
        String page = "x".repeat(CreditClient.MAX_BODY * 3);
        ContractException e = failureFrom(connection -> send(connection,
                "HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\nContent-Length: " + page.length()
                        + "\r\n\r\n" + page), Duration.ofSeconds(10));
        assertBadGateway(e, Texts.UPSTREAM_FAILED, 500);
    }

    @Test
    void aFailureStatusWhoseBodyStallsIsNamedNotTakenForATimeout() throws IOException {
        CountDownLatch done = new CountDownLatch(1);
        try {
            ContractException e = failureFrom(connection -> {
                send(connection, "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n");
                try {
                    done.await(10, TimeUnit.SECONDS); // the rest of the body never comes
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }, Duration.ofSeconds(3));
            assertBadGateway(e, Texts.UPSTREAM_FAILED, 503);
        } finally {
            done.countDown();
        }
    }

    @Test
    void aConnectionNeverAcceptedIsAGatewayTimeoutNamingTheConnectTimeout() throws IOException {
        // A listening socket whose accept queue is full: the kernel drops further SYNs, so a
        // connection attempt waits, as one to a host that does not answer does.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> queued = new ArrayList<>();
            try {
                boolean filled = false;
                for (int i = 0; i < 16 && !filled; i++) {
                    Socket s = new Socket();
                    queued.add(s);
                    try {
                        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort()), 200);
                    } catch (SocketTimeoutException hangs) {
                        filled = true;
                    }
                }
                assertThat(filled).as("the accept queue fills (Linux drops SYNs past it)").isTrue();
                ContractException e = catchThrowableOfType(ContractException.class,
                        () -> client(full.getLocalPort(), Duration.ofSeconds(10), Duration.ofMillis(300)).credit(CUSTOMER));
                assertThat(e.status()).isEqualTo(504);
                assertThat(textOf(e)).isEqualTo(Texts.UPSTREAM_TIMEOUT);
                assertThat(e.arguments()).as("the wait that ran out: the connect timeout, not the call's").containsExactly(300L);
            } finally {
                for (Socket s : queued) {
                    s.close();
                }
            }
        }
    }
}
