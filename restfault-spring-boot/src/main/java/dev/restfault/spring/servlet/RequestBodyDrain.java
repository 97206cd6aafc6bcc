package dev.restfault.spring.servlet;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an HTTP/1.1 connection honest after an error answered before the request's body was read:
 * the rest of the body is read and discarded, up to a bound in bytes and in time, before the
 * error is committed; when that is not possible the error says {@code Connection: close}, and the
 * server closes the connection after it. A connection is never left to be closed silently after a
 * complete response, which would break the client's next request on it.
 *
 * <p>Why restfault has to do this itself: restfault writes and commits the error response
 * directly. Jetty 12 only looks at an unread body when the exchange completes
 * ({@code HttpChannelState.ChannelCallback.succeeded} calls {@code HttpStream.consumeAvailable},
 * which reads what has already arrived, without waiting, at most
 * {@code HttpConfiguration.maxUnconsumedRequestContentReads} (16) times). If the rest of the body
 * is still in flight, it marks the connection not persistent; since the response is committed by
 * then, it can no longer add {@code Connection: close}, and it closes the connection after a
 * response that promised keep-alive. Jetty adds the header only when the response is still
 * uncommitted at that point, as with {@code sendError} (its {@code ServletChannel} handles
 * {@code SEND_ERROR} and {@code COMPLETE} that way). Tomcat swallows an unread body after the
 * response (up to {@code maxSwallowSize}, 2 MiB) and announces {@code Connection: close} itself
 * when the declared length is larger, but a chunked body beyond that limit, or one that cannot be
 * read, also ends in a silent close.
 *
 * <p>What it does, in order, for an error about to be written:
 * <ol>
 *   <li>nothing when the response is committed, the protocol is not HTTP/1.x (HTTP/2 resets a
 *       stream instead, and forbids {@code Connection}), the request has no body (no
 *       {@code Content-Length} above 0 and no {@code Transfer-Encoding}: GET, HEAD, a bodiless
 *       POST), or the connection closes anyway ({@code Connection: close} on the request or
 *       already on the response);</li>
 *   <li>{@code Connection: close} without reading when an I/O failure is on record for the
 *       request (the error being answered may be the body's own), when the client waits for
 *       {@code 100 Continue} ({@code Expect: 100-continue}: reading would ask it for a body the
 *       error does not want, RFC 9110 section 10.1.1; whether the application read it already, the
 *       servlet API does not tell), or when the application took the body as a {@code Reader};</li>
 *   <li>nothing when the body has been read to its end;</li>
 *   <li>{@code Connection: close} without reading when the declared {@code Content-Length}
 *       exceeds the bound;</li>
 *   <li>otherwise reads and discards: the end of the body within the bounds keeps the
 *       connection; more than {@code limit} bytes, the time bound passed, or a read that fails
 *       (malformed chunking, the client stopped or went away) gives {@code Connection: close}.
 *       Tomcat answers a body it fails to read itself, with 408 after a read timeout and 400
 *       otherwise, through its error page, and closes the connection after either.</li>
 * </ol>
 * A body found unfit is not read again for the same request (an error dispatch that follows).
 * After an error that closes the connection because the body is over the bound, {@link #afterError}
 * reads what still arrives on Jetty (a lingering close), so that the close cannot reset the error
 * away from a client that is still sending.
 *
 * <p>The time bound is checked between reads; a single read that gets no bytes at all waits at
 * most as long as the server lets any read of a request body wait (Jetty's idle timeout, Tomcat's
 * connection timeout), since the servlet API offers no bounded read. On Jetty that wait is
 * shortened to the time left ({@link JettyReadDeadline}).
 *
 * <p>A request without a body costs a few header lookups. Immutable and thread-safe.
 */
final class RequestBodyDrain {

    /** What {@link #beforeError} found and did. */
    enum Outcome {
        /** Nothing to do: the response is committed, or the protocol is not HTTP/1.x. */
        NOT_APPLICABLE(false),
        /** The request has no body. */
        NO_BODY(false),
        /** The connection closes after this response anyway. */
        CLOSING(false),
        /** The body had already been read to its end. */
        READ(false),
        /** The rest of the body was read and discarded within the bounds. */
        DRAINED(false),
        /** The client waits for {@code 100 Continue}: not asked for its body; the connection closes. */
        EXPECTS_CONTINUE(true),
        /** More body than the bound: the connection closes. */
        TOO_LARGE(true),
        /** The body did not end within the time bound: the connection closes. */
        TIMED_OUT(true),
        /** The body could not be read (malformed, cut short, taken as a reader): the connection closes. */
        UNREADABLE(true);

        private final boolean closesConnection;

        Outcome(boolean closesConnection) {
            this.closesConnection = closesConnection;
        }

        /** Whether the error carries {@code Connection: close}. */
        boolean closesConnection() {
            return closesConnection;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(RequestBodyDrain.class);
    private static final int SINK_BYTES = 8192;
    /** Where the outcome of a drain that closes the connection is kept for the rest of the request. */
    private static final String OUTCOME_ATTRIBUTE = RequestBodyDrain.class.getName() + ".outcome";
    // Checked by name, so that Jetty's types are never loaded where Jetty is not there.
    private static final boolean JETTY = present("org.eclipse.jetty.ee11.servlet.ServletApiRequest");

    private final long limit;
    private final long timeoutNanos;

    /**
     * @param limit the most bytes of an unread body read and discarded; 0 reads none, so any unread
     *     body closes the connection
     * @param timeout the longest time spent reading them; positive
     * @throws IllegalArgumentException if {@code limit} is negative or {@code timeout} is not positive
     * @throws NullPointerException if {@code timeout} is null
     */
    RequestBodyDrain(long limit, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (limit < 0) {
            throw new IllegalArgumentException("the drain limit must be 0 or more bytes, not " + limit);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the drain timeout must be positive, not " + timeout);
        }
        this.limit = limit;
        this.timeoutNanos = saturatedNanos(timeout);
    }

    /**
     * Settles the request's unread body before an error is written on {@code response}: drains it
     * within the bounds, or sets {@code Connection: close}. Never throws for anything the client
     * sent or did; the error is written either way.
     *
     * @return what was found and done
     */
    Outcome beforeError(HttpServletRequest request, HttpServletResponse response) {
        Outcome outcome = settle(request, response);
        if (outcome.closesConnection()) {
            request.setAttribute(OUTCOME_ATTRIBUTE, outcome);
            if (!response.isCommitted()) {
                response.setHeader("Connection", "close");
            }
            LOG.debug("Unread body of {} {}: {}; the error says Connection: close", request.getMethod(),
                    request.getRequestURI(), outcome);
        }
        return outcome;
    }

    private Outcome settle(HttpServletRequest request, HttpServletResponse response) {
        if (response.isCommitted() || !isHttp1(request.getProtocol())) {
            return Outcome.NOT_APPLICABLE;
        }
        long length = request.getContentLengthLong();
        if (length <= 0 && (length == 0 || request.getHeader("Transfer-Encoding") == null)) {
            return Outcome.NO_BODY;
        }
        if (hasToken(request.getHeaders("Connection"), "close") || hasToken(Collections.enumeration(response.getHeaders("Connection")), "close")) {
            return Outcome.CLOSING;
        }
        if (request.getAttribute(OUTCOME_ATTRIBUTE) instanceof Outcome earlier) {
            // Found unfit once (an error dispatch follows the first error, say): a second read
            // would only fail again, and on Tomcat answer the request once more.
            return earlier;
        }
        if (readFailed(request)) {
            return Outcome.UNREADABLE;
        }
        if (hasToken(request.getHeaders("Expect"), "100-continue")) {
            // Checked before the stream is touched: Jetty sends 100 Continue from getInputStream().
            return Outcome.EXPECTS_CONTINUE;
        }
        // The container's own request: what a wrapper shows (a buffered copy, say) says nothing
        // about the bytes still on the connection.
        ServletRequest container = container(request);
        ServletInputStream in;
        try {
            in = container.getInputStream();
            if (in.isFinished()) {
                return Outcome.READ;
            }
        } catch (IOException | RuntimeException unreadable) {
            // The stream failed, or the application took the body as a Reader (an
            // IllegalStateException): what is left of it is the application's to decode.
            return Outcome.UNREADABLE;
        }
        if (length > limit || limit == 0) {
            return Outcome.TOO_LARGE;
        }
        return discard(container, in, limit);
    }

    /**
     * After an error that said {@code Connection: close} because the body was over the bound has
     * been sent: on Jetty, reads and discards what the client still sends, until the body ends or
     * the time bound has passed since this call, so that the connection then closes with nothing
     * unread. Does nothing for any other outcome, or off Jetty. Never throws for anything the
     * client sent or did.
     *
     * <p>Why: Jetty closes a connection that announced {@code Connection: close} at once, with the
     * rest of a large body still arriving; closing a socket with unread bytes sends a reset, and a
     * reset can make the client's TCP stack throw away the error it has received but not read yet.
     * A client that writes its whole body before it reads ({@code java.net.http} often does) then
     * sees a connection closed without a response instead of the error. A lingering close, as HTTP
     * servers have long done it (Apache's {@code lingering_close}, nginx's {@code lingering_time}),
     * lets the client finish sending and read the error. Bounded by time only, as nginx's is: the
     * error has been sent by then, and the thread is held no longer than a drain could hold it.
     * Not on Tomcat: once a response that says {@code Connection: close} is committed, Tomcat closes
     * the request's input ("Stream closed"), and closes the connection itself.
     *
     * @param outcome what {@link #beforeError} returned for this request
     */
    void afterError(HttpServletRequest request, Outcome outcome) {
        if (!JETTY || outcome != Outcome.TOO_LARGE) {
            return;
        }
        ServletRequest container = container(request);
        try {
            Outcome lingered = discard(container, container.getInputStream(), Long.MAX_VALUE);
            LOG.debug("Lingered after the error, before the connection closes: {}", lingered);
        } catch (IOException | RuntimeException unreadable) {
            LOG.debug("Could not linger after the error: {}", unreadable.toString());
        }
    }

    /** The container's own request under any wrappers. */
    private static ServletRequest container(ServletRequest request) {
        ServletRequest container = request;
        while (container instanceof ServletRequestWrapper wrapper) {
            container = wrapper.getRequest();
        }
        return container;
    }

    /**
     * Reads and discards {@code in} until its end ({@link Outcome#DRAINED}), past {@code bound}
     * bytes ({@link Outcome#TOO_LARGE}), past the time bound ({@link Outcome#TIMED_OUT}), or a read
     * that fails ({@link Outcome#UNREADABLE}).
     */
    private Outcome discard(ServletRequest container, ServletInputStream in, long bound) {
        long start = System.nanoTime();
        byte[] sink = new byte[(int) (Math.min(SINK_BYTES - 1L, bound) + 1)];
        long read = 0;
        Runnable restore = JETTY ? JettyReadDeadline.shorten(container, timeoutNanos) : null;
        try {
            for (;;) {
                // One byte past the bound tells a body over it from one that ends exactly there.
                int n = in.read(sink, 0, (int) (Math.min(sink.length - 1L, bound - read) + 1));
                if (n < 0) {
                    return Outcome.DRAINED;
                }
                read += n;
                if (read > bound) {
                    return Outcome.TOO_LARGE;
                }
                if (System.nanoTime() - start > timeoutNanos) {
                    return Outcome.TIMED_OUT;
                }
            }
        } catch (IOException | RuntimeException failed) {
            // Malformed chunking, a read timeout, a client that went away, a stream in
            // non-blocking mode: none of them leaves a connection another request can follow.
            LOG.debug("Could not drain the unread body after {} bytes: {}", read, failed.toString());
            forgetReadFailure(container, failed);
            return System.nanoTime() - start > timeoutNanos ? Outcome.TIMED_OUT : Outcome.UNREADABLE;
        } finally {
            if (restore != null) {
                restore.run();
            }
        }
    }

    /**
     * Tomcat answers a body it fails to read itself: 408 for a read timeout, else 400, through its
     * error page ({@code InputBuffer.handleReadException} calls {@code sendError} and records the
     * read's exception as the request's error exception). That status is the honest answer, and
     * Tomcat closes the connection after either. The recorded exception is removed when it is the
     * drain's: left there, the error page would render it as an unexpected failure (500) instead
     * of the status.
     */
    private static void forgetReadFailure(ServletRequest container, Throwable failed) {
        Object recorded = container.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        for (Throwable t = failed; recorded != null && t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t == recorded) {
                container.removeAttribute(RequestDispatcher.ERROR_EXCEPTION);
                return;
            }
        }
    }

    /**
     * Whether an I/O failure is on record for this request (the error a container dispatches to its
     * error page): then the body may be what failed, and a read would only fail again (on Tomcat,
     * answering the request once more with its own 400 or 408).
     */
    private static boolean readFailed(HttpServletRequest request) {
        Object recorded = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        for (int i = 0; i < 16 && recorded instanceof Throwable t; i++) {
            if (t instanceof IOException) {
                return true;
            }
            recorded = t.getCause() == t ? null : t.getCause();
        }
        return false;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, RequestBodyDrain.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    private static boolean isHttp1(String protocol) {
        return "HTTP/1.1".equals(protocol) || "HTTP/1.0".equals(protocol);
    }

    /** Whether a comma-separated header holds {@code token}, case-insensitively. */
    private static boolean hasToken(Enumeration<String> values, String token) {
        if (values == null) {
            return false;
        }
        while (values.hasMoreElements()) {
            String value = values.nextElement();
            if (value == null) {
                continue;
            }
            for (String part : value.split(",")) {
                if (part.trim().toLowerCase(Locale.ROOT).equals(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException huge) {
            return Long.MAX_VALUE;
        }
    }
}
