package dev.restfault.spring.web;

import dev.restfault.core.exception.ContractException;
import java.util.Set;

/**
 * Tells a client that went away from a failure of the server's own.
 *
 * <p>Only the exceptions a server or Spring raise when writing to a connection the client closed
 * count: Tomcat's {@code ClientAbortException}, Jetty's {@code EofException}, Spring MVC's
 * {@code AsyncRequestNotUsableException} and Reactor Netty's {@code AbortedException}, matched by
 * name so that no server is needed on the class path. One rule for every Spring web stack. A generic {@code IOException("Broken pipe")} does not count: an
 * application's call to an upstream fails that way too, and its client must get a contract error,
 * not an empty response. Nor does anything whose cause chain holds a {@link ContractException}:
 * that is an answer the application chose.
 */
public final class ClientAborts {

    private static final int MAX_CHAIN = 16;

    private static final Set<String> ABORTS = Set.of(
            "org.apache.catalina.connector.ClientAbortException",
            "org.eclipse.jetty.io.EofException",
            "org.springframework.web.context.request.async.AsyncRequestNotUsableException",
            "reactor.netty.channel.AbortedException");

    private ClientAborts() {
    }

    /** Whether {@code failure}, or a cause of it, says that the client went away. */
    public static boolean isClientAbort(Throwable failure) {
        boolean abort = false;
        Throwable t = failure;
        for (int i = 0; i < MAX_CHAIN && t != null; i++, t = t.getCause()) {
            if (t instanceof ContractException) {
                return false;
            }
            abort |= ABORTS.contains(t.getClass().getName());
        }
        return abort;
    }
}
