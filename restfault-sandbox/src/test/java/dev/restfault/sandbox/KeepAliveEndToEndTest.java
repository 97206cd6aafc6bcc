package dev.restfault.sandbox;

import static dev.restfault.sandbox.RunningSandbox.RO;
import static dev.restfault.sandbox.RunningSandbox.RW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.sandbox.guard.ConcurrencyLimiter;
import dev.restfault.sandbox.guard.MaintenanceSwitch;
import dev.restfault.throttling.RateLimit;
import dev.restfault.throttling.Throttle;
import dev.restfault.throttling.ThrottledRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keep-alive after the sandbox's guards refuse a POST before its body is read (no token, a bad
 * token, a read-only token, the rate limit, maintenance, the bound on requests in flight, the
 * 64 KiB body limit, an unsupported media type), over raw sockets: the body is still being sent
 * while the error is read, then a second request goes on the same connection. A body within the
 * starter's bound (2 MiB, its default, which the sandbox keeps) is drained and the connection
 * answers the next request; a larger one gets {@code Connection: close} and the connection
 * closes. Before the starter drained unread bodies, Jetty closed these connections after the
 * error without saying so.
 *
 * <p>Its own sandbox: the guards are switched on through their beans (maintenance, a full bound
 * on requests in flight) or a token of its own whose budget is spent (the rate limit).
 */
class KeepAliveEndToEndTest {

    /** The starter's default bound on an unread body. */
    static final int DRAIN_LIMIT = 2 * 1024 * 1024;
    static final String THROTTLED = "sandbox-throttled-token";

    private static RunningSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = RunningSandbox.start(
                "--sandbox.auth.tokens[0].name=demo-read-write", "--sandbox.auth.tokens[0].value=" + RW,
                "--sandbox.auth.tokens[0].access=read-write",
                "--sandbox.auth.tokens[1].name=demo-read-only", "--sandbox.auth.tokens[1].value=" + RO,
                "--sandbox.auth.tokens[1].access=read-only",
                "--sandbox.auth.tokens[2].name=throttled", "--sandbox.auth.tokens[2].value=" + THROTTLED,
                "--sandbox.auth.tokens[2].access=read-write",
                // An hour, so that the spent budget cannot come back in the middle of the test.
                "--sandbox.rate-limit.window=1h",
                // Generous, so that a loaded machine never turns a drain into a timeout.
                "--restfault.unread-body.drain-timeout=5s");
        // Spends the throttled token's budget through the sandbox's own throttle (its buckets).
        Throttle throttle = sandbox.bean(Throttle.class);
        ThrottledRequest spend = ThrottledRequest.builder("GET", "/v1/customers").header("Authorization", "Bearer " + THROTTLED).build();
        long capacity = sandbox.bean(RateLimit.class).capacity();
        for (long i = 0; i <= capacity && throttle.check(spend).permitted(); i++) {
            // one token per check
        }
        assertThat(throttle.check(spend).permitted()).as("the throttled token is out of budget").isFalse();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** A guard, the headers that meet it, and what it answers. */
    enum Guard {
        NO_TOKEN(401, "Content-Type: application/json\r\n"),
        INVALID_TOKEN(401, "Content-Type: application/json\r\nAuthorization: Bearer not-a-configured-token\r\n"),
        READ_ONLY_TOKEN(403, "Content-Type: application/json\r\nAuthorization: Bearer " + RO + "\r\n"),
        RATE_LIMIT(429, "Content-Type: application/json\r\nAuthorization: Bearer " + THROTTLED + "\r\n"),
        MAINTENANCE(503, "Content-Type: application/json\r\nAuthorization: Bearer " + RW + "\r\n"),
        CONCURRENCY(503, "Content-Type: application/json\r\nAuthorization: Bearer " + RW + "\r\n"),
        BODY_LIMIT(413, "Content-Type: application/json\r\nAuthorization: Bearer " + RW + "\r\n"),
        UNSUPPORTED_MEDIA_TYPE(415, "Content-Type: text/plain\r\nAuthorization: Bearer " + RW + "\r\n");

        final int status;
        final String headers;

        Guard(int status, String headers) {
            this.status = status;
            this.headers = headers;
        }

        /**
         * Body sizes within the drain bound that this guard refuses before reading them: over the
         * 64 KiB body limit for that guard, under it for the others, which never see a larger one.
         */
        List<Integer> sizesWithinTheBound() {
            return this == BODY_LIMIT ? List.of(70_000, 1024 * 1024) : List.of(5_000, 60_000);
        }

        /** Switches the guard on; what is returned switches it off. */
        Runnable engage() {
            switch (this) {
                case MAINTENANCE: {
                    MaintenanceSwitch maintenance = sandbox.bean(MaintenanceSwitch.class);
                    maintenance.set(true, Optional.empty());
                    return () -> maintenance.set(false, Optional.empty());
                }
                case CONCURRENCY: {
                    ConcurrencyLimiter limiter = sandbox.bean(ConcurrencyLimiter.class);
                    int taken = 0;
                    while (taken <= limiter.max() && limiter.tryAcquire()) {
                        taken++;
                    }
                    int held = taken;
                    return () -> {
                        for (int i = 0; i < held; i++) {
                            limiter.release();
                        }
                    };
                }
                default:
                    return () -> { };
            }
        }
    }

    enum Framing { CONTENT_LENGTH, CHUNKED }

    static Stream<Arguments> withinTheBound() {
        return Arrays.stream(Guard.values()).flatMap(g -> Arrays.stream(Framing.values())
                .flatMap(f -> g.sizesWithinTheBound().stream().map(size -> Arguments.of(g, f, size))));
    }

    /**
     * Only the body limit meets a body over the drain bound: every larger body is a 413 before any
     * other guard sees it. Over the bound even after the 64 KiB the limit reads of a chunked body.
     */
    static Stream<Arguments> overTheBound() {
        return Arrays.stream(Framing.values()).map(f -> Arguments.of(Guard.BODY_LIMIT, f, DRAIN_LIMIT + 128 * 1024));
    }

    @ParameterizedTest(name = "{0}, {2} bytes, {1}")
    @MethodSource("withinTheBound")
    void aRefusedBodyWithinTheBoundLeavesTheConnectionUsable(Guard guard, Framing framing, int size) throws Exception {
        assertConnectionAfterRefusal(guard, framing, size, false);
    }

    @ParameterizedTest(name = "{0}, {2} bytes, {1}")
    @MethodSource("overTheBound")
    void aRefusedBodyOverTheBoundClosesTheConnectionSayingSo(Guard guard, Framing framing, int size) throws Exception {
        assertConnectionAfterRefusal(guard, framing, size, true);
    }

    private static void assertConnectionAfterRefusal(Guard guard, Framing framing, int size, boolean closes) throws Exception {
        String what = guard + ", " + size + " bytes, " + framing;
        byte[] content = new byte[size];
        Arrays.fill(content, (byte) 'x');
        content[0] = '"';
        content[size - 1] = '"';
        Runnable disengage = guard.engage();
        try (RawConnection connection = new RawConnection(sandbox.base())) {
            connection.send("POST /v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\n" + guard.headers
                    + (framing == Framing.CONTENT_LENGTH ? "Content-Length: " + size : "Transfer-Encoding: chunked") + "\r\n\r\n");
            // The head and the first KiB at once, the rest 200 ms later: still on its way when the
            // guard answers, as a body often is. Jetty reads only what has arrived by then.
            byte[] body = framing == Framing.CONTENT_LENGTH ? content : chunked(content);
            CompletableFuture<Void> sending = connection.sendInBackground(body, 1024, 200);
            RunningSandbox.RawReply r = connection.read();
            assertThat(r).as("%s: a response", what).isNotNull();
            assertThat(r.status()).as("%s: %s", what, r.body()).isEqualTo(guard.status);
            assertThat(r.headers().get("content-type")).as(what).startsWith("application/json");
            boolean close = "close".equalsIgnoreCase(r.headers().get("connection"));
            assertThat(close).as("%s: Connection: close in %s", what, r.headers()).isEqualTo(closes);
            if (close) {
                assertThat(connection.closedByServer(10_000)).as("%s: closed after Connection: close", what).isTrue();
                return;
            }
            try {
                sending.get(20, TimeUnit.SECONDS); // a connection kept open takes the whole body
            } catch (ExecutionException closed) {
                throw new AssertionError(what + ": the connection closed while the body was sent, after an error that"
                        + " did not say Connection: close", closed.getCause());
            }
            connection.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            RunningSandbox.RawReply next = connection.read();
            assertThat(next).as("%s: the next request on the connection the error kept open (closed silently?)", what).isNotNull();
            assertThat(next.status()).as(what).isEqualTo(200);
        } finally {
            disengage.run();
        }
    }

    /** {@code content} in the chunked transfer coding: chunks of 4,096 bytes at most, then the last chunk. */
    private static byte[] chunked(byte[] content) {
        java.io.ByteArrayOutputStream coded = new java.io.ByteArrayOutputStream(content.length + content.length / 512 + 16);
        for (int offset = 0; offset < content.length; offset += 4096) {
            int n = Math.min(4096, content.length - offset);
            coded.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            coded.write(content, offset, n);
            coded.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        coded.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return coded.toByteArray();
    }
}
