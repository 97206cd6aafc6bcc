package dev.restfault.client;

import dev.restfault.core.catalog.RetryRule;
import java.util.Objects;
import java.util.Optional;

/**
 * No complete HTTP response arrived: the connection could not be made, broke, timed out, or TLS
 * failed. Distinct from {@link ContractErrorException}, where the server did answer, and with the
 * same {@link #request() request context}.
 *
 * <p>The server may or may not have acted on the request, so the contract retries these only
 * for idempotent methods or requests that carry an {@code MS-RequestId}
 * ({@link RetryRule#IF_IDEMPOTENT}); {@link TlsException} overrides that. The I/O exception
 * that {@code java.net.http} reported is the {@link #getCause() cause}.
 */
public abstract class TransportException extends RestfaultException {

    private static final long serialVersionUID = 1L;

    TransportException(String detail, Throwable cause, RequestContext request) {
        super(detail, cause, request);
    }

    /**
     * The transport failure that {@code failure}, as any HTTP library reported it, amounts to:
     * the integrations (Spring, OpenFeign) use this to raise the same exceptions as
     * {@link RestfaultClient}. The whole cause chain is searched for the most specific kind:
     * <ul>
     *   <li>{@code SSLException}: {@link TlsException};</li>
     *   <li>a connect timeout ({@code HttpConnectTimeoutException}, a {@code SocketTimeoutException}
     *       or a timeout exception of another library whose message speaks of connecting):
     *       {@link TransportTimeoutException} with phase {@code CONNECT};</li>
     *   <li>any other timeout ({@code HttpTimeoutException}, {@code SocketTimeoutException},
     *       {@code java.util.concurrent.TimeoutException}, or an exception whose class name says
     *       {@code Timeout}, such as Reactor Netty's): phase {@code RESPONSE_HEADERS}; use
     *       {@link TransportTimeoutException#of} when the caller knows the body was being read;</li>
     *   <li>{@code ConnectException}, {@code UnknownHostException}, {@code NoRouteToHostException},
     *       {@code UnresolvedAddressException}: {@link ConnectFailedException};</li>
     *   <li>any other {@code IOException}: {@link ConnectionResetException};</li>
     *   <li>a {@code TransportException} already: itself.</li>
     * </ul>
     *
     * @param failure what the library threw, with whatever wrappers it added; null gives empty
     * @param request the attempt it belongs to
     * @return empty when the failure is not a transport failure (a programming error, a
     *     cancellation, another {@link RestfaultException}): let it propagate as it is
     * @throws NullPointerException if {@code request} is null
     */
    public static Optional<TransportException> from(Throwable failure, RequestContext request) {
        Objects.requireNonNull(request, "request");
        return Optional.ofNullable(Failures.transport(failure, request));
    }

    /** {@link RetryRule#IF_IDEMPOTENT}: the contract's rule for transport failures. */
    @Override
    public RetryRule retryRule() {
        return RetryRule.IF_IDEMPOTENT;
    }
}
