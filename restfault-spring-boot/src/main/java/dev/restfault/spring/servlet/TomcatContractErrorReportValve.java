package dev.restfault.spring.servlet;

import dev.restfault.server.ErrorRenderer;
import dev.restfault.server.HeaderLookup;
import dev.restfault.server.RenderedError;
import dev.restfault.server.RequestFacts;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's last resort, in the contract: replaces the host's HTML {@link ErrorReportValve} for
 * errors no error page handled, which are the ones Tomcat raises before the application sees the
 * request (a header with a bare CR, an encoded slash in the path, a malformed request line).
 */
public final class TomcatContractErrorReportValve extends ErrorReportValve {

    private static final Logger LOG = LoggerFactory.getLogger(TomcatContractErrorReportValve.class);

    private final ErrorRenderer renderer;

    /** @param renderer decides the errors */
    public TomcatContractErrorReportValve(ErrorRenderer renderer) {
        this.renderer = renderer;
    }

    /** Installs the valve on the host of {@code context} once the context is about to start. */
    public static void install(Context context, ErrorRenderer renderer) {
        context.addLifecycleListener(event -> {
            if (!Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                return;
            }
            Container parent = context.getParent();
            if (!(parent instanceof StandardHost)) {
                return;
            }
            StandardHost host = (StandardHost) parent;
            Pipeline pipeline = host.getPipeline();
            for (Valve v : pipeline.getValves()) {
                if (v instanceof TomcatContractErrorReportValve) {
                    return;
                }
                if (v instanceof ErrorReportValve) {
                    pipeline.removeValve(v);
                }
            }
            // The class name keeps the host from adding its default valve when it starts later.
            host.setErrorReportValveClass(TomcatContractErrorReportValve.class.getName());
            pipeline.addValve(new TomcatContractErrorReportValve(renderer));
        });
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || status > 599 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            String path = null;
            try {
                path = request.getDecodedRequestURI();
            } catch (RuntimeException unparsed) {
                // the request line itself was malformed
            }
            // The request may be partly parsed: the core treats a header lookup that throws as absent.
            RenderedError error = renderer.renderStatus(status, RequestFacts.builder(null, path)
                    .headers(HeaderLookup.of(request::getHeader, name -> Collections.list(request.getHeaders(name)))).build());
            response.resetBuffer();
            error.copyHeaders(response::setHeader, response::addHeader);
            response.setContentLength(error.bodyLength());
            OutputStream out = response.getOutputStream();
            error.writeBody(out);
            response.finishResponse();
        } catch (IOException clientGone) {
            LOG.debug("Could not write the container error {}: {}", status, clientGone.toString());
        } catch (RuntimeException bug) {
            // Errors (OutOfMemoryError...) are not caught: the valve must not hide them.
            LOG.warn("Could not render the container error {}", status, bug);
        }
    }
}
