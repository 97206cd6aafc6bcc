package dev.restfault.spring.servlet;

import dev.restfault.core.http.HeaderNames;
import dev.restfault.server.CorrelationIds;
import dev.restfault.spring.RestfaultRequest;
import dev.restfault.spring.web.ClientAborts;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The servlet filter that makes restfault cover what bypasses Spring MVC.
 *
 * <ul>
 *   <li>Assigns {@code MS-CorrelationId} and {@code MS-RequestId} (echoed when valid GUIDs,
 *       generated otherwise), sends them on every response, success or error, and puts them in the
 *       SLF4J MDC while the request is processed (request, async and error dispatches).</li>
 *   <li>Wraps the response so that {@code sendError} anywhere after it renders a contract error.</li>
 *   <li>Catches exceptions thrown by later filters, servlets and anything else, and renders them.</li>
 *   <li>Gives a bare error status (set without a body) a contract body.</li>
 *   <li>On the container's error dispatch (an error page for an exception or {@code sendError}
 *       that happened before this filter), renders the error from the dispatch's attributes.</li>
 *   <li>A failure that says the client went away (a broken pipe, a reset connection, Tomcat's
 *       {@code ClientAbortException}, Jetty's {@code EofException}) is logged at DEBUG and not
 *       answered: nobody is there to read it.</li>
 * </ul>
 */
public final class ContractErrorFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(ContractErrorFilter.class);

    private final ServletErrorResponder renderer;

    /** @param renderer renders every error this filter meets */
    public ContractErrorFilter(ServletErrorResponder renderer) {
        this.renderer = renderer;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest) || !(res instanceof HttpServletResponse)) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        CorrelationIds ids = RestfaultRequest.ids(request);
        String previousCorrelation = MDC.get(RestfaultRequest.MDC_CORRELATION_ID);
        String previousRequest = MDC.get(RestfaultRequest.MDC_REQUEST_ID);
        MDC.put(RestfaultRequest.MDC_CORRELATION_ID, ids.correlationId());
        MDC.put(RestfaultRequest.MDC_REQUEST_ID, ids.requestId());
        try {
            if (!response.isCommitted()) {
                response.setHeader(HeaderNames.MS_CORRELATION_ID, ids.correlationId());
                response.setHeader(HeaderNames.MS_REQUEST_ID, ids.requestId());
            }
            if (request.getDispatcherType() == DispatcherType.ERROR && errorDispatch(request, response)) {
                return;
            }
            if (request.getDispatcherType() == DispatcherType.REQUEST && "TRACE".equals(request.getMethod())) {
                // The servlet layer would echo the request's headers back (HttpServlet.doTrace);
                // Tomcat refuses TRACE by default, Jetty does not. An API has no use for it: a
                // contract 405, whose Allow lists what the path really serves, or a 404 where
                // nothing is served.
                renderer.renderRefusedMethod(request, response);
                return;
            }
            ContractResponse wrapped = new ContractResponse(request, response, renderer);
            try {
                chain.doFilter(request, wrapped);
            } catch (IOException | ServletException | RuntimeException failure) {
                if (ClientAborts.isClientAbort(failure)) {
                    LOG.debug("Client went away during {}: {}", request.getRequestURI(), failure.toString());
                    return;
                }
                if (response.isCommitted()) {
                    throw failure; // too late for an error body; let the container abort the response
                }
                renderer.render(request, response, failure);
                return;
            }
            if (!request.isAsyncStarted() && !wrapped.rendered() && !wrapped.bodyRequested()
                    && !response.isCommitted() && response.getStatus() >= 400 && response.getStatus() <= 599) {
                renderer.renderStatus(request, response, response.getStatus());
            }
        } finally {
            restore(RestfaultRequest.MDC_CORRELATION_ID, previousCorrelation);
            restore(RestfaultRequest.MDC_REQUEST_ID, previousRequest);
        }
    }

    /** Renders the error the container dispatched; false when this is not a real error dispatch. */
    private boolean errorDispatch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (exception instanceof Throwable) {
            renderer.renderDispatched(request, response, (Throwable) exception);
            return true;
        }
        if (status instanceof Integer && (Integer) status >= 400 && (Integer) status <= 599) {
            renderer.renderStatus(request, response, (Integer) status);
            return true;
        }
        LOG.trace("Error dispatch without an error status; passing it on");
        return false;
    }

    private static void restore(String key, String previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
