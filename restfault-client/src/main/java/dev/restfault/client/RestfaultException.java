package dev.restfault.client;

import dev.restfault.client.retry.StopReason;
import dev.restfault.core.catalog.RetryRule;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one exception type a {@link RestfaultClient} call ends with when it does not return a
 * response: unchecked, so one {@code catch} covers every way a call can fail.
 *
 * <pre>
 * RestfaultException
 * ├── {@link ContractErrorException}      the server answered 4xx/5xx (any body, even none)
 * ├── {@link TransportException}          no complete HTTP response arrived
 * │   ├── {@link ConnectFailedException}  connection refused, host unknown or unreachable
 * │   ├── {@link ConnectionResetException} reset or closed before the response was complete
 * │   ├── {@link TransportTimeoutException} connect, response headers or body took too long
 * │   └── {@link TlsException}            the TLS handshake or session failed
 * ├── {@link ResponseTooLargeException}   a success body over the client's cap
 * └── {@link CallInterruptedException}    the calling thread was interrupted while waiting
 * </pre>
 *
 * <p>Every one carries the {@link #request() request context} (method, URI, the
 * {@code MS-RequestId} and {@code MS-CorrelationId} sent, the attempt), whether the contract
 * {@link #retryPermitted() permits a retry}, and once a call has given up,
 * {@link #retryStop() why it stopped retrying}.
 *
 * <p>{@link #getMessage()} says what happened and to which request on one line, without the
 * response body, without the URI's query string, and with peer-supplied text stripped of
 * control characters and shortened. Like the contract's server exceptions these are created
 * without a stack trace: they report a peer's behaviour, not a bug in the caller; the underlying
 * I/O exception, when there is one, is the {@link #getCause() cause}.
 *
 * <p>Subclasses live in this package only. Instances are immutable once thrown.
 */
public abstract class RestfaultException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient RequestContext request;
    // Set once by the client, before the exception is handed to the caller.
    private volatile StopReason retryStop;

    RestfaultException(String detail, Throwable cause, RequestContext request) {
        super(detail, cause, true, false);
        this.request = Objects.requireNonNull(request, "request");
    }

    /** The request this failure belongs to: method, URI, ids, attempt. */
    public RequestContext request() {
        return request;
    }

    /** The request method, upper case. */
    public String method() {
        return request.method();
    }

    /** The request URI, as sent (query included). */
    public URI uri() {
        return request.uri();
    }

    /**
     * The {@code MS-RequestId} to quote to the service's support: the one the server echoed
     * when it sent a valid one (see {@link ContractErrorException}), otherwise the one sent.
     */
    public Optional<String> requestId() {
        return request.requestId();
    }

    /** The {@code MS-CorrelationId} of the logical call, as for {@link #requestId()}. */
    public Optional<String> correlationId() {
        return request.correlationId();
    }

    /** Which attempt of the logical call failed this way (1 for the first); the attempts made. */
    public int attempt() {
        return request.attempt();
    }

    /**
     * When the server asked the client to come back; empty unless the server said so with
     * {@code Retry-After} (or its millisecond variants).
     */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    /**
     * Whether the server asked, in a well-formed header, to be left alone for longer than
     * {@code RetryAfter.MAX_DELAY} (a day). Such a value is not trusted as a delay, so
     * {@link #retryAfter()} is empty and {@link #retryPermitted()} does not count it as sent; but
     * it is no reason to come back sooner either: the default policy stops with
     * {@code RETRY_AFTER_TOO_LONG}, as for a value over its cap.
     */
    public boolean retryAfterBeyondMax() {
        return false;
    }

    /**
     * When repeating this request is safe, from the catalog for HTTP statuses
     * ({@code StatusEntry.retryRule()}) and from the contract's rule for transport failures.
     */
    public abstract RetryRule retryRule();

    /**
     * Whether the contract allows sending the same request again:
     * {@link #retryRule()}{@code .permits(method, the caller supplied the MS-RequestId,
     * the server sent a usable Retry-After)}. An id the client generated on its own does not count
     * ({@link RequestContext#requestIdSuppliedByCaller()}). Says nothing about attempt limits or
     * deadlines.
     */
    public boolean retryPermitted() {
        return retryRule().permits(request.method(), request.requestIdSuppliedByCaller(), retryAfter().isPresent());
    }

    /**
     * Why the client stopped retrying and surfaced this failure; empty if the exception did
     * not come from a {@link RestfaultClient} call (an {@link ErrorDecoder} used directly).
     */
    public Optional<StopReason> retryStop() {
        return Optional.ofNullable(retryStop);
    }

    /** What happened, before the request context; subclasses may compute it on demand. */
    String detail() {
        return super.getMessage();
    }

    void markStopped(StopReason reason) {
        this.retryStop = reason;
    }

    /**
     * One line: what happened, then the request ({@code GET https://host/path, attempt 2,
     * MS-RequestId …}), then why retries stopped when they did. Never the body, never the query.
     */
    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder(detail());
        if (request == null) {
            return sb.toString(); // deserialized: the transient context is gone
        }
        sb.append(" [").append(request.method()).append(' ').append(Safe.uri(request.uri()));
        if (request.attempt() > 1) {
            sb.append(", attempt ").append(request.attempt());
        }
        requestId().ifPresent(id -> sb.append(", MS-RequestId ").append(id));
        correlationId().ifPresent(id -> sb.append(", MS-CorrelationId ").append(id));
        sb.append(']');
        StopReason stop = retryStop;
        if (stop != null && !(stop == StopReason.NOT_RETRYABLE && request.attempt() == 1)) {
            sb.append("; gave up: ").append(stop.explanation());
        }
        return sb.toString();
    }
}
