package dev.restfault.spring.servlet;

import jakarta.servlet.ServletRequest;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee11.servlet.ServletApiRequest;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/**
 * Bounds a blocking read of a request body on Jetty by a deadline of restfault's, for
 * {@link RequestBodyDrain}: the servlet API has no read timeout, and Jetty's own (the connection's
 * idle timeout, 30 s by default) is far longer than a drain should wait.
 *
 * <p>The connection's idle timeout is lowered for the drain and restored after it. When it expires
 * while a read waits, Jetty fails that read only ({@code HttpChannelState.onIdleTimeout} hands the
 * read a transient failure), which ends the drain; the exchange goes on and the error is written.
 * When it expires with no read pending (the last bytes arrived long ago), Jetty asks the request's
 * idle-timeout listeners, and the servlet layer's ({@code ServletChannelState.onIdleTimeout})
 * answers "do not fail" while the request is being handled, which it is during a drain. Only for
 * HTTP/1.x, where the connection carries one exchange at a time (the drain is not used otherwise).
 *
 * <p>Loaded only when Jetty 12's ee11 servlet layer is on the class path.
 */
final class JettyReadDeadline {

    private JettyReadDeadline() {
    }

    /**
     * Lowers the idle timeout of the connection {@code request} came on to {@code nanos}, unless
     * it is shorter already.
     *
     * @param request the container's request (unwrapped)
     * @return what restores the previous timeout, or null when there is nothing to restore (not a
     *     Jetty request, or the timeout is short enough)
     */
    static Runnable shorten(ServletRequest request, long nanos) {
        if (!(request instanceof ServletApiRequest)) {
            return null;
        }
        ServletContextRequest jetty = ServletContextRequest.getServletContextRequest(request);
        EndPoint endPoint = jetty.getConnectionMetaData().getConnection().getEndPoint();
        long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos));
        long previous = endPoint.getIdleTimeout();
        if (previous > 0 && previous <= millis) {
            return null;
        }
        endPoint.setIdleTimeout(millis);
        return () -> endPoint.setIdleTimeout(previous);
    }
}
