package dev.restfault.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A phase of the exchange took longer than allowed: connecting, waiting for the response
 * headers ({@code HttpRequest.timeout}), or reading the body (the client's body timeout, which
 * {@code java.net.http} itself does not have). The connection is closed, not reused.
 */
public final class TransportTimeoutException extends TransportException {

    private static final long serialVersionUID = 1L;

    /** Which part of the exchange timed out. */
    public enum Phase {
        /** Establishing the connection ({@code HttpClient.Builder.connectTimeout}). */
        CONNECT,
        /** Waiting for the status line and headers ({@code HttpRequest.timeout}). */
        RESPONSE_HEADERS,
        /** Reading the response body after the headers arrived (the client's body timeout). */
        RESPONSE_BODY
    }

    private final Phase phase;
    private final transient Duration timeout;

    TransportTimeoutException(Phase phase, Duration timeout, Throwable cause, RequestContext request) {
        super(text(phase, timeout), cause, request);
        this.phase = Objects.requireNonNull(phase, "phase");
        this.timeout = timeout;
    }

    /**
     * A timeout of {@code phase} that another HTTP library reported: for integrations that know
     * which part of the exchange was waiting (a body read that stalled, say).
     *
     * @param phase which part of the exchange timed out; not null
     * @param timeout the limit that was exceeded, or null if unknown
     * @param cause what the library threw, or null
     * @param request the attempt it belongs to; not null
     * @throws NullPointerException if {@code phase} or {@code request} is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public static TransportTimeoutException of(Phase phase, Duration timeout, Throwable cause, RequestContext request) {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(request, "request");
        if (timeout != null && timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
        }
        return new TransportTimeoutException(phase, timeout, cause, request);
    }

    private static String text(Phase phase, Duration timeout) {
        String what;
        switch (phase) {
            case CONNECT:
                what = "connecting";
                break;
            case RESPONSE_HEADERS:
                what = "waiting for the response headers";
                break;
            default:
                what = "reading the response body";
                break;
        }
        return "timed out " + what + (timeout == null ? "" : " (limit " + Safe.duration(timeout) + ")");
    }

    public Phase phase() {
        return phase;
    }

    /** The limit that was exceeded, when the client knows it. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }
}
