package dev.restfault.sandbox.simulate;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.StandardSocketOptions;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;

/**
 * Resets the connection a request came on: the socket is closed with {@code SO_LINGER} 0, so
 * the peer sees a TCP RST instead of a response, exactly what a crashed proxy produces. The
 * servlet API cannot do this, so it reaches into Jetty, the sandbox's server.
 */
final class ConnectionReset {

    private ConnectionReset() {
    }

    /**
     * @return false when the request did not come over a plain Jetty socket (nothing was done)
     */
    static boolean reset(HttpServletRequest request) throws IOException {
        ServletContextRequest jetty = ServletContextRequest.getServletContextRequest(request);
        if (jetty == null) {
            return false;
        }
        EndPoint endPoint = jetty.getConnectionMetaData().getConnection().getEndPoint();
        if (!(endPoint instanceof SocketChannelEndPoint socket)) {
            return false;
        }
        socket.getChannel().setOption(StandardSocketOptions.SO_LINGER, 0);
        socket.getChannel().close();
        endPoint.close();
        return true;
    }
}
