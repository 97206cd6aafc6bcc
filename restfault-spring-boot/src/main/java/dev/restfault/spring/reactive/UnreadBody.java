package dev.restfault.spring.reactive;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What happens to a request body an error leaves unread, on a WebFlux server: the HTTP/1.1
 * connection either carries the client's next request, or the error says {@code Connection: close}
 * and the server closes it after the error. Never a silent close after a response that promised
 * keep-alive. The same rule and bounds as the servlet adapter's ({@code restfault.unread-body.*}):
 *
 * <ul>
 *   <li>A request without a body ({@code GET}, {@code Content-Length: 0}), or whose body the
 *       application read to its end: nothing to do.</li>
 *   <li>A body nobody asked for: read and discarded before the error is written, at most
 *       {@code drainLimit} bytes within {@code drainTimeout}; a declared length over the limit
 *       (nothing is read), a body that goes past it, does not end in time or cannot be read gets
 *       {@code Connection: close}. Reading costs no thread: the bytes are released as they come.</li>
 *   <li>A body the application began to read and gave up on (a decoder failed, the codec's size
 *       limit was reached): it cannot be read a second time, and leaving the rest to Reactor Netty
 *       is not safe after such a failure (it can release a buffer twice and reset the connection
 *       after the error went out): {@code Connection: close}, and the rest is discarded while the
 *       connection closes ({@link LingeringClose}).</li>
 *   <li>{@code Expect: 100-continue} and a body never asked for: {@code Connection: close}; a body
 *       is never asked for only to be thrown away (RFC 9110 section 10.1.1).</li>
 * </ul>
 *
 * <p>What the application did with the body is known from {@link #track}, which restfault's
 * filter applies to every request that has a body. For an error raised before that filter ran, the
 * body is drained if it can be; if it cannot (someone subscribed to it already), the error closes
 * the connection. Immutable and thread-safe.
 */
public final class UnreadBody {

    private static final Logger LOG = LoggerFactory.getLogger(UnreadBody.class);
    private static final String STATE_ATTRIBUTE = UnreadBody.class.getName() + ".state";
    private static final String CLOSE = "close";

    private final long drainLimit;
    private final Duration drainTimeout;

    /**
     * @param drainLimit the most bytes of an unread body read and discarded; 0 closes the connection
     *     after every error that leaves a body unread
     * @param drainTimeout the longest time spent reading them
     * @throws IllegalArgumentException if {@code drainLimit} is negative or {@code drainTimeout} is
     *     not positive
     */
    public UnreadBody(long drainLimit, Duration drainTimeout) {
        if (drainLimit < 0) {
            throw new IllegalArgumentException("drainLimit must be 0 or more bytes, got " + drainLimit);
        }
        if (drainTimeout == null || drainTimeout.isNegative() || drainTimeout.isZero()) {
            throw new IllegalArgumentException("drainTimeout must be positive, got " + drainTimeout);
        }
        this.drainLimit = drainLimit;
        this.drainTimeout = drainTimeout;
    }

    /** A new lingering close of a Reactor Netty connection, within this policy's bounds. */
    LingeringClose lingeringClose() {
        return new LingeringClose(drainTimeout);
    }

    /**
     * {@code request}, watched: whether its body was asked for, and whether it was read to its end. A request without a body is returned as it is.
     */
    ServerHttpRequest track(ServerWebExchange exchange, ServerHttpRequest request) {
        if (!hasBody(request.getHeaders())) {
            return request;
        }
        BodyState state = new BodyState();
        exchange.getAttributes().put(STATE_ATTRIBUTE, state);
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody()
                        .doOnSubscribe(s -> state.subscribed = true)
                        .doOnComplete(() -> state.complete = true);
            }
        };
    }

    /**
     * Settles the request body of {@code exchange} before an error is written: completes when the
     * error may go out, having set {@code Connection: close} on the response where the connection
     * cannot carry another request. Never fails.
     */
    Mono<Void> settle(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        if (!hasBody(headers)) {
            return Mono.empty();
        }
        BodyState state = exchange.getAttribute(STATE_ATTRIBUTE);
        if (state != null && state.complete) {
            return Mono.empty();
        }
        long declared = headers.getContentLength();
        if (state != null && state.subscribed) {
            // Read in part, then abandoned (a decoder gave up, the codec's limit was reached): it
            // cannot be read a second time, and Reactor Netty's own discarding of the rest after
            // such a failure can release a buffer twice and reset the connection (reactor-netty
            // issue 3683), so the error closes the connection, lingering while the rest arrives.
            close(exchange, "a body read in part, then abandoned");
            return Mono.empty();
        }
        if ("100-continue".equalsIgnoreCase(headers.getFirst(HttpHeaders.EXPECT))) {
            close(exchange, "a body the client waits to be asked for (Expect: 100-continue)");
            return Mono.empty();
        }
        if (declared > drainLimit) {
            close(exchange, "a declared body of " + declared + " bytes, over the drain limit");
            return Mono.empty();
        }
        AtomicLong drained = new AtomicLong();
        return request.getBody()
                .<Void>handle((buffer, sink) -> {
                    // Released here and only here; the limit ends the drain as a signal, never a
                    // throw, so no operator sees the buffer again.
                    long total = drained.addAndGet(buffer.readableByteCount());
                    DataBufferUtils.release(buffer);
                    if (total > drainLimit) {
                        sink.error(new DrainLimitExceeded());
                    }
                })
                .timeout(drainTimeout)
                .then()
                .onErrorResume(cannot -> {
                    close(exchange, cannot instanceof DrainLimitExceeded ? "a body over the drain limit"
                            : "a body that could not be read within the drain timeout (" + cannot + ")");
                    return Mono.empty();
                });
    }

    private static void close(ServerWebExchange exchange, String why) {
        if (!exchange.getResponse().isCommitted()) {
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, CLOSE);
        }
        LOG.debug("Closing the connection after the error: {}", why);
    }

    /** Whether the request says it has a body: a positive Content-Length, or a Transfer-Encoding. */
    private static boolean hasBody(HttpHeaders headers) {
        return headers.getContentLength() > 0 || headers.getFirst(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** What became of one request's body; written by the request's reactive chain, read after it. */
    private static final class BodyState {
        volatile boolean subscribed;
        volatile boolean complete;
    }

    /** The drain read past its limit: stops it; never leaves this class. */
    private static final class DrainLimitExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DrainLimitExceeded() {
            super("drain limit exceeded", null, false, false);
        }
    }
}
