package dev.restfault.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Maps what {@code java.net.http} reports into the client's exceptions. The JDK wraps the same
 * failure differently on the synchronous and asynchronous paths (and across versions), so the
 * whole cause chain is searched for the most specific kind.
 */
final class Failures {

    /** Deepest cause chain searched; chains are short, but a cycle must not loop forever. */
    private static final int MAX_CHAIN = 16;

    private Failures() {
    }

    /** The body stopped arriving before the client's body timeout. */
    static final class BodyTimeout extends IOException {
        private static final long serialVersionUID = 1L;
        final Duration timeout;

        BodyTimeout(Duration timeout) {
            super("no complete body within " + Safe.duration(timeout), null);
            this.timeout = timeout;
        }
    }

    /** A non-error body exceeded the client's cap. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;
        final int maxBytes;

        TooLarge(int status, int maxBytes) {
            super("body exceeds " + maxBytes + " bytes");
            this.status = status;
            this.maxBytes = maxBytes;
        }
    }

    /**
     * The client exception for {@code failure}, or null when it is not a transport failure (a
     * cancellation, a programming error such as an invalid request): those propagate as they are.
     *
     * @param headersTimeout the attempt's {@code HttpRequest.timeout}, for the message
     * @param connectTimeout the client's connect timeout, when known
     */
    static RestfaultException classify(Throwable failure, RequestContext request,
            Duration headersTimeout, Duration connectTimeout) {
        return walk(failure, request, headersTimeout, connectTimeout, true);
    }

    /**
     * The most specific failure the cause chain names: a restfault exception already there; the
     * client's own body timeout or cap (when {@code clientOwn}); a transport failure; else the
     * first {@code IOException} as a reset; else null.
     */
    private static RestfaultException walk(Throwable failure, RequestContext request, Duration headersTimeout,
            Duration connectTimeout, boolean clientOwn) {
        IOException io = null;
        Throwable t = failure;
        for (int i = 0; t != null && i < MAX_CHAIN; i++, t = t.getCause()) {
            if (t instanceof RestfaultException) {
                return (RestfaultException) t;
            }
            if (clientOwn && t instanceof BodyTimeout) {
                return new TransportTimeoutException(TransportTimeoutException.Phase.RESPONSE_BODY,
                        ((BodyTimeout) t).timeout, t, request);
            }
            if (clientOwn && t instanceof TooLarge) {
                return new ResponseTooLargeException(((TooLarge) t).status, ((TooLarge) t).maxBytes, request);
            }
            TransportException known = transport(t, request, headersTimeout, connectTimeout);
            if (known != null) {
                return known;
            }
            if (io == null && t instanceof IOException) {
                io = (IOException) t;
            }
        }
        return io != null ? new ConnectionResetException(io, request) : null;
    }

    /**
     * What {@code t}, one link of a failure's cause chain, says about the transport, or
     * null if nothing specific. Besides {@code java.net.http}'s own exceptions this knows what
     * the other clients throw: {@code SocketTimeoutException} ({@code HttpURLConnection}, Apache
     * and Jetty clients: "connect timed out" or a read timeout), {@code TimeoutException}s of
     * other libraries (Reactor Netty's {@code ReadTimeoutException}, a connect timeout that is a
     * {@code ConnectException}), recognised by their class names since restfault does not
     * depend on those libraries.
     */
    private static TransportException transport(Throwable t, RequestContext request,
            Duration headersTimeout, Duration connectTimeout) {
        if (t instanceof SSLException) {
            return new TlsException(t, request);
        }
        if (t instanceof HttpConnectTimeoutException) {
            return new TransportTimeoutException(TransportTimeoutException.Phase.CONNECT, connectTimeout, t, request);
        }
        if (t instanceof HttpTimeoutException) {
            return new TransportTimeoutException(TransportTimeoutException.Phase.RESPONSE_HEADERS, headersTimeout, t, request);
        }
        boolean namedTimeout = t.getClass().getSimpleName().contains("Timeout");
        if (t instanceof SocketTimeoutException || t instanceof TimeoutException || namedTimeout) {
            String message = t.getMessage();
            boolean connecting = t instanceof ConnectException
                    || (message != null && message.toLowerCase(Locale.ROOT).contains("connect"));
            return connecting
                    ? new TransportTimeoutException(TransportTimeoutException.Phase.CONNECT, connectTimeout, t, request)
                    : new TransportTimeoutException(TransportTimeoutException.Phase.RESPONSE_HEADERS, headersTimeout, t, request);
        }
        if (t instanceof ConnectException || t instanceof UnknownHostException
                || t instanceof NoRouteToHostException || t instanceof UnresolvedAddressException) {
            return new ConnectFailedException(t, request);
        }
        return null;
    }

    /**
     * The transport exception for a failure any HTTP library reported, or null when the failure
     * is not a transport failure (see {@link TransportException#from(Throwable, RequestContext)}).
     */
    static TransportException transport(Throwable failure, RequestContext request) {
        RestfaultException found = walk(failure, request, null, null, false);
        return found instanceof TransportException ? (TransportException) found : null;
    }

    /** The failure without the wrappers the JDK's futures add. */
    static Throwable unwrap(Throwable t) {
        Throwable x = t;
        for (int i = 0; i < MAX_CHAIN && (x instanceof CompletionException || x instanceof ExecutionException)
                && x.getCause() != null; i++) {
            x = x.getCause();
        }
        return x;
    }

    static boolean isCancellation(Throwable t) {
        return unwrap(t) instanceof CancellationException;
    }

    /**
     * The failure's own words, on one line, or "no detail" when it has none: never a class name,
     * which means nothing to the person reading the message (the cause is still attached).
     */
    static String describe(Throwable t) {
        Throwable x = t;
        // The JDK's wrappers repeat or hide the root message; the deepest message is the useful one.
        String message = null;
        for (int i = 0; x != null && i < MAX_CHAIN; i++, x = x.getCause()) {
            if (x.getMessage() != null && !x.getMessage().isBlank()) {
                message = x.getMessage();
            }
        }
        if (message == null) {
            return "no detail";
        }
        return Safe.oneLine(message, 160);
    }
}
