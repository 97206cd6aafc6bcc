package dev.restfault.spring.implementation;

import dev.restfault.spring.ContractErrorRenderer;
import java.nio.ByteBuffer;
import java.util.Map;
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

    private final ContractErrorRenderer renderer;

    /** @param renderer renders the errors */
    public JettyContractErrorHandler(ContractErrorRenderer renderer) {
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
        ContractErrorRenderer.ContainerError error = renderer.renderContainerError(status, path,
                name -> request.getHeaders().get(name));
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        for (Map.Entry<String, String> h : error.headers().entrySet()) {
            headers.put(h.getKey(), h.getValue());
        }
        headers.put("Content-Length", Integer.toString(error.body().length));
        boolean head = "HEAD".equals(request.getMethod());
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(error.body()), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        int code = status >= 400 && status <= 599 ? status : 400;
        ContractErrorRenderer.ContainerError error = renderer.renderContainerError(code, null, name -> null);
        for (Map.Entry<String, String> h : error.headers().entrySet()) {
            fields.put(h.getKey(), h.getValue());
        }
        return ByteBuffer.wrap(error.body());
    }
}
