package dev.restfault.spring.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The response every component after restfault's filter sees: {@code sendError} with an error
 * status writes the contract error right away instead of letting the container render its own page
 * (and instead of the slow forward to {@code /error}). Tracks whether a body was asked for, so the
 * filter can tell a bare error status ({@code setStatus(412)}, a body-less
 * {@code ResponseEntity}) from an error the application wrote itself.
 */
final class ContractResponse extends HttpServletResponseWrapper {

    private final HttpServletRequest request;
    private final ServletErrorResponder renderer;
    private boolean bodyRequested;
    private boolean rendered;

    ContractResponse(HttpServletRequest request, HttpServletResponse response, ServletErrorResponder renderer) {
        super(response);
        this.request = request;
        this.renderer = renderer;
    }

    @Override
    public void sendError(int sc) throws IOException {
        sendError(sc, null);
    }

    @Override
    public void sendError(int sc, String ignoredMessage) throws IOException {
        // The message is never sent: containers and frameworks put internal details in it.
        if (sc >= 400 && sc <= 599 && !isCommitted()) {
            rendered = true;
            renderer.renderStatus(request, (HttpServletResponse) getResponse(), sc);
            return;
        }
        super.sendError(sc);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        bodyRequested = true;
        return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        bodyRequested = true;
        return super.getWriter();
    }

    boolean bodyRequested() {
        return bodyRequested;
    }

    boolean rendered() {
        return rendered;
    }
}
