package dev.restfault.spring.servlet;

import dev.restfault.core.exception.ContractException;
import dev.restfault.server.ErrorRenderer;
import dev.restfault.server.ErrorRequest;
import dev.restfault.server.HeaderLookup;
import dev.restfault.server.RenderedError;
import dev.restfault.server.RequestFacts;
import dev.restfault.server.StatusErrors;
import dev.restfault.spring.RestfaultProperties;
import dev.restfault.spring.RestfaultRequest;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * The servlet side of rendering an error: where every servlet path (Spring MVC's exception
 * resolution, the filter, {@code sendError}, the {@code /error} dispatch, Spring Security's entry
 * point and access-denied handler) hands its failure to the {@link ErrorRenderer} and writes what
 * it returns. It decides nothing about the error itself: it reads the request's facts, unwraps the
 * servlet layer's {@link ServletException}s, and does the I/O.
 *
 * <p>I/O guarantees: a response that is already committed is left alone (logged at DEBUG); the
 * body is written directly, never through {@code sendError} or a forward; the entity headers of the
 * success the application meant to send are removed ({@link RenderedError#SUCCESS_ENTITY_HEADERS}),
 * {@code Set-Cookie} kept. When the application already took the response's writer, whose charset
 * can no longer change, the JSON goes out with every non-ASCII character escaped, which reads the
 * same in any ASCII-compatible charset. On HTTP/1.1, a request body the application left unread is
 * drained first, within {@code restfault.unread-body.*}, or the error says {@code Connection: close}
 * ({@link RequestBodyDrain}), so the connection never closes silently after a complete response.
 * Thread-safe.
 */
public final class ServletErrorResponder {

    private static final Logger LOG = LoggerFactory.getLogger(ServletErrorResponder.class);
    private static final int MAX_UNWRAP = 16;
    /** Re-encodes a body as ASCII-only JSON, for a writer whose charset can no longer be set. */
    private static final JsonFactory ASCII_JSON = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final ErrorRenderer renderer;
    private final Function<HttpServletRequest, Collection<String>> allowedMethods;
    private final RequestBodyDrain unreadBody;

    /**
     * @param renderer decides every error
     * @param allowedMethods the methods a request's path serves (for a 405 that does not say, and
     *     TRACE); empty when nothing serves it
     * @param unreadBody how much of a request body left unread is drained before an error, and for
     *     how long ({@code restfault.unread-body.*})
     * @throws NullPointerException if an argument is null
     */
    public ServletErrorResponder(ErrorRenderer renderer, Function<HttpServletRequest, Collection<String>> allowedMethods,
            RestfaultProperties.UnreadBody unreadBody) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.allowedMethods = Objects.requireNonNull(allowedMethods, "allowedMethods");
        Objects.requireNonNull(unreadBody, "unreadBody");
        this.unreadBody = new RequestBodyDrain(unreadBody.drainLimit().toBytes(), unreadBody.drainTimeout());
    }

    /** The renderer behind this responder. */
    public ErrorRenderer renderer() {
        return renderer;
    }

    /**
     * Answers {@code failure} as the renderer resolves it.
     *
     * @throws IOException if the response cannot be written (the client went away)
     */
    public void render(HttpServletRequest request, HttpServletResponse response, Throwable failure) throws IOException {
        ErrorRequest negotiated = renderer.negotiate(facts(request, response));
        write(request, response, renderer.resolve(unwrap(failure), negotiated), negotiated);
    }

    /**
     * Answers a failure the servlet container already caught and logged, and now dispatches to its
     * error page: logged as one line tying it to the request's ids, without its stack trace again.
     */
    public void renderDispatched(HttpServletRequest request, HttpServletResponse response, Throwable failure) throws IOException {
        ErrorRequest negotiated = renderer.negotiate(facts(request, response));
        write(request, response, renderer.resolveAlreadyLogged(unwrap(failure), negotiated), negotiated);
    }

    /** Writes {@code error} as the response. */
    public void render(HttpServletRequest request, HttpServletResponse response, ContractException error) throws IOException {
        Objects.requireNonNull(error, "error");
        write(request, response, error, renderer.negotiate(facts(request, response)));
    }

    /**
     * Answers with {@code status} alone, as when something called {@code sendError(status)} or set
     * an error status without a body (an {@code Allow} already on the response is kept).
     *
     * @throws IllegalArgumentException if {@code status} is not within 400..599
     */
    public void renderStatus(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
        RequestFacts facts = facts(request, response);
        write(request, response, renderer.statusError(status, facts), renderer.negotiate(facts));
    }

    /**
     * The answer to a method the servlet layer must never serve for this API (TRACE, which it
     * would echo): see {@link StatusErrors#refusedMethod}. A path served only by something other than
     * a request mapping (static resources, functional routes) counts as not existing here.
     */
    public void renderRefusedMethod(HttpServletRequest request, HttpServletResponse response) throws IOException {
        render(request, response, StatusErrors.refusedMethod(allowedMethods.apply(request)));
    }

    private RequestFacts facts(HttpServletRequest request, HttpServletResponse response) {
        return RestfaultRequest.facts(request)
                .allowedMethods(() -> allowedMethods.apply(request))
                .responseHeaders(HeaderLookup.of(response::getHeader, name -> responseLines(response, name)))
                .build();
    }

    /**
     * Every value of the response's header {@code name}. The containers build a set of the values
     * for {@code getHeaders}: asked first whether there is any, as there seldom is.
     */
    private static List<String> responseLines(HttpServletResponse response, String name) {
        return response.containsHeader(name) ? new ArrayList<>(response.getHeaders(name)) : List.of();
    }

    private void write(HttpServletRequest servletRequest, HttpServletResponse response, ContractException error,
            ErrorRequest request) throws IOException {
        // A body left unread is drained, or the error says Connection: close (Jetty would otherwise
        // close the connection silently after it). Tomcat answers a body it fails to read itself,
        // which commits the response: hence before the check below.
        RequestBodyDrain.Outcome unread = unreadBody.beforeError(servletRequest, response);
        if (response.isCommitted()) {
            LOG.debug("Cannot answer {} with {}: the response is already committed", request.facts().logLine(), error.status());
            return;
        }
        send(response, renderer.render(error, request));
        // The error is on its way; what is left of a body over the bound is read while it still
        // arrives, so that closing the connection cannot reset it away from the client.
        unreadBody.afterError(servletRequest, unread);
    }

    /**
     * Copies {@code error} to {@code response}, which is not committed: the one servlet write step.
     *
     * @throws IOException if the response cannot be written (the client went away)
     */
    static void send(HttpServletResponse response, RenderedError error) throws IOException {
        response.resetBuffer();
        response.setStatus(error.status());
        for (String name : RenderedError.SUCCESS_ENTITY_HEADERS) {
            if (response.containsHeader(name)) {
                response.setHeader(name, null); // Servlet 6: a null value removes the header
            }
        }
        error.copyHeaders(response::setHeader, response::addHeader);
        OutputStream out;
        try {
            out = response.getOutputStream();
        } catch (IllegalStateException writerInUse) {
            out = null;
        }
        if (out != null) {
            response.setContentLength(error.bodyLength());
            error.writeBody(out);
            if (response.isCommitted()) {
                // The body filled its Content-Length, and the container completed the response
                // with it (Tomcat and Jetty do, bytes sent): a flush would find nothing to do.
                return;
            }
        } else {
            // The application already asked for the writer, whose charset is fixed by now (a later
            // setCharacterEncoding is ignored): the JSON goes out with every non-ASCII character
            // escaped, and without a Content-Length, which the writer's encoding decides.
            if (response.containsHeader("Content-Length")) {
                response.setContentLengthLong(-1); // the application's length, for another body
            }
            PrintWriter w = response.getWriter();
            w.write(asciiJson(error.body()));
        }
        response.flushBuffer();
    }

    /** {@code utf8Json} re-encoded with every non-ASCII character escaped ({@code \\u65e5}). */
    static String asciiJson(byte[] utf8Json) {
        StringWriter out = new StringWriter(utf8Json.length + 16);
        try (JsonParser parser = ASCII_JSON.createParser(ObjectReadContext.empty(), utf8Json);
                JsonGenerator generator = ASCII_JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            parser.nextToken();
            generator.copyCurrentStructure(parser);
        }
        return out.toString();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = Objects.requireNonNull(failure, "failure");
        for (int i = 0; i < MAX_UNWRAP && t instanceof ServletException && t.getCause() != null; i++) {
            t = t.getCause();
        }
        return t;
    }
}
