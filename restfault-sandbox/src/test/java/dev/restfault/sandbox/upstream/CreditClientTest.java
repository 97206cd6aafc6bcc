package dev.restfault.sandbox.upstream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.restfault.core.exception.ContractException;
import dev.restfault.sandbox.config.SandboxProperties;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
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
 * past them is the gateway error the class promises.
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
        URI base = URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/");
        SandboxProperties.Upstream settings = new SandboxProperties.Upstream(base, SandboxProperties.UpstreamMode.OK,
                timeout, Duration.ofSeconds(5), 16);
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
}
