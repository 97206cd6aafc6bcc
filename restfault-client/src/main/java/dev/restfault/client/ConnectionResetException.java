package dev.restfault.client;

/**
 * The connection was reset or closed by the peer (or a proxy) before a complete response
 * arrived: {@code Connection reset}, an end of stream in the middle of the headers or the body.
 * The server may have received and acted on the request.
 */
public final class ConnectionResetException extends TransportException {

    private static final long serialVersionUID = 1L;

    ConnectionResetException(Throwable cause, RequestContext request) {
        super("connection reset or closed before the response was complete: " + Failures.describe(cause), cause, request);
    }
}
