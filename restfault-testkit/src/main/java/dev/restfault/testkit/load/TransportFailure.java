package dev.restfault.testkit.load;

/**
 * Why a request of a load run got no complete answer. Each is counted apart: a
 * {@link #BROKEN_CONNECTION} is the server closing a keep-alive connection silently, which a client
 * cannot tell from a lost write; the others are the usual failures of a network or of an
 * overloaded server.
 */
public enum TransportFailure {
    /**
     * The request was sent on a connection that had already carried a complete response without
     * {@code Connection: close}, and the connection was closed or reset before any byte of an
     * answer came: the server had closed it silently. A client cannot retry a {@code POST} that
     * fails like this.
     */
    BROKEN_CONNECTION("broken-connection", "broken connections"),
    /** A new connection was closed or reset before any byte of an answer. */
    NO_RESPONSE("no-response", "no response (new connection)"),
    /** The connection was closed or reset in the middle of a response. */
    INCOMPLETE_RESPONSE("incomplete-response", "incomplete responses"),
    /** What came back is not an HTTP/1.x response (status line, header, chunk framing). */
    MALFORMED_RESPONSE("malformed-response", "malformed responses"),
    /** No connection could be made: refused, unknown host, no route, TLS, connect timeout. */
    CONNECT_FAILED("connect-failed", "connect failures"),
    /** No complete answer within the timeout: writing the request and reading the whole response. */
    TIMEOUT("timeout", "timeouts");

    private final String id;
    private final String label;

    TransportFailure(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** A stable id, such as {@code "broken-connection"}. */
    public String id() {
        return id;
    }

    /** How a report names the count, such as {@code "broken connections"}. */
    public String label() {
        return label;
    }
}
