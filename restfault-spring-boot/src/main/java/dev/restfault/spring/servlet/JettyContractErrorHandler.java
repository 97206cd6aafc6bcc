package dev.restfault.spring.servlet;

import dev.restfault.server.ErrorRenderer;
import dev.restfault.server.HeaderLookup;
import dev.restfault.server.RenderedError;
import dev.restfault.server.RequestFacts;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's server-level error handler, in the contract: the errors Jetty raises before the
 * application sees the request (a header with a bare CR, an ambiguous path, a malformed request
 * line) get a contract body instead of Jetty's HTML page. Errors inside the web application go
 * through the servlet error pages, which restfault already renders.
 *
 * <p>Every method gets the contract error, not only GET, POST and HEAD (Jetty's default, see
 * {@link #errorPageForMethod(String)}): a PUT with a malformed header is as much owed the contract's
 * headers and body as a GET. A HEAD gets the same headers, {@code Content-Length} included, and no
 * body: Jetty's core response does not drop it on its own here.
 */
public final class JettyContractErrorHandler extends ErrorHandler {

    private final ErrorRenderer renderer;

    /** @param renderer decides the errors */
    public JettyContractErrorHandler(ErrorRenderer renderer) {
        this.renderer = renderer;
    }

    /** Always true: the contract error answers every method (Jetty renders only GET, POST, HEAD). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        int status = code >= 400 && code <= 599 ? code : 500;
        String path = null;
        try {
            path = request.getHttpURI().getPath();
        } catch (RuntimeException unparsed) {
            // an ambiguous or malformed URI
        }
        // The request may be partly parsed: the core treats a header lookup that throws as absent.
        RenderedError error = renderer.renderStatus(status, RequestFacts.builder(request.getMethod(), path)
                .headers(HeaderLookup.of(name -> request.getHeaders().get(name), name -> request.getHeaders().getValuesList(name)))
                .build());
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        error.copyHeaders(headers::put, headers::add);
        headers.put("Content-Length", Integer.toString(error.bodyLength()));
        boolean head = "HEAD".equals(request.getMethod());
        response.write(true, head ? ByteBuffer.allocate(0) : error.bodyBuffer(), callback);
    }



    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        int code = status >= 400 && status <= 599 ? status : 400;
        // Nothing of the request could be read: no path, no headers, fresh ids.
        RenderedError error = renderer.renderStatus(code, RequestFacts.builder(null, null).build());
        error.copyHeaders(fields::put, fields::add);
        return error.bodyBuffer();
    }
}
