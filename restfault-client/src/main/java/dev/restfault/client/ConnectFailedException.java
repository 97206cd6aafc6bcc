package dev.restfault.client;

/**
 * The connection could not be established: refused, host unknown, network unreachable. The
 * request was not sent. Connect <em>timeouts</em> are {@link TransportTimeoutException}s with
 * phase {@link TransportTimeoutException.Phase#CONNECT}.
 */
public final class ConnectFailedException extends TransportException {

    private static final long serialVersionUID = 1L;

    ConnectFailedException(Throwable cause, RequestContext request) {
        super("connection failed: " + Failures.describe(cause), cause, request);
    }
}
