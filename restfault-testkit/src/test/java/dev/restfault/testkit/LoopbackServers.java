package dev.restfault.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.restfault.core.exception.ContractException;
import dev.restfault.core.http.HeaderNames;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.server.CorrelationIds;
import dev.restfault.server.ErrorRenderer;
import dev.restfault.server.HeaderLookup;
import dev.restfault.server.RenderedError;
import dev.restfault.server.RequestFacts;
import dev.restfault.server.StatusErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Real HTTP servers on loopback (the JDK's {@link HttpServer}) for the probe, assertion and CLI
 * tests: one that keeps the contract, whose errors restfault-server's rendering core renders as it
 * does for every server adapter, and one that breaks it the way unconfigured frameworks do.
 */
public final class LoopbackServers {

    /** The token the conformant server accepts. */
    public static final String GOOD_TOKEN = "good-token";

    private LoopbackServers() {
    }

    /** A started server; closing it stops it at once. */
    public static final class Running implements AutoCloseable {
        private final HttpServer server;
        /** Every request received, "METHOD /path", plus " X-Locale:tag" when it carried one. */
        public final List<String> requests = new CopyOnWriteArrayList<>();

        Running(HttpServer server) {
            this.server = server;
        }

        /** The API's base URL, {@code http://127.0.0.1:port/api/}. */
        public URI baseUrl() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static Running start(Handler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        Running running = new Running(server);
        server.createContext("/", exchange -> {
            try (exchange) {
                String xLocale = exchange.getRequestHeaders().getFirst(HeaderNames.X_LOCALE);
                running.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                        + (xLocale == null ? "" : " X-Locale:" + xLocale));
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readNBytes(1 << 20);
                }
                handler.handle(exchange, body);
            } catch (RuntimeException | IOException e) {
                // A test server must not kill its dispatcher; the test sees a reset instead.
            }
        });
        server.start();
        return running;
    }

    private interface Handler {
        void handle(HttpExchange exchange, byte[] body) throws IOException;
    }

    /**
     * Keeps the contract: {@code GET /api/orders} needs {@code Bearer good-token}, serves only
     * JSON, supports GET, HEAD, POST (a JSON body); everything else under {@code /api/} is 404;
     * a header over 8 KiB is refused with 431 and fresh ids, as a real HTTP server would.
     */
    public static Running conformant() throws IOException {
        return contractServer(false);
    }

    /**
     * The {@link #conformant()} server with two faults a black-box run found passing: it answers
     * {@code application/problem+json} whatever the request's {@code Accept} says, and its 406
     * names only the type the request asked for ("application/x-restfault-probe is not
     * available") instead of the types that are.
     */
    public static Running overEager() throws IOException {
        return contractServer(true);
    }

    private static Running contractServer(boolean overEager) throws IOException {
        ErrorRenderer renderer = ErrorRenderer.builder("orders-api").build();
        return start((exchange, body) -> {
            var rq = exchange.getRequestHeaders();
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            String accept = rq.getFirst(HeaderNames.ACCEPT) == null ? "*/*" : rq.getFirst(HeaderNames.ACCEPT);
            ContractException error = null;
            // Like Jetty and Tomcat, refuse an oversized header block before reading its ids.
            boolean oversized = rq.values().stream().flatMap(List::stream).anyMatch(v -> v.length() > 8192);
            if (oversized) {
                error = StatusErrors.of(431);
            } else if (!path.equals("/api/orders") && !path.equals("/api/")) {
                error = StatusErrors.of(404);
            } else if (!("Bearer " + GOOD_TOKEN).equals(rq.getFirst("Authorization"))) {
                error = ContractException.unauthorized("contoso");
            } else if (!(method.equals("GET") || method.equals("HEAD") || method.equals("POST"))) {
                error = StatusErrors.methodNotAllowed(List.of("GET", "HEAD", "POST"));
            } else if (!(accept.contains("application/json") || accept.contains("*/*") || accept.contains("application/problem+json"))) {
                error = ContractException.notAcceptable(overEager ? List.of(accept) : List.of("application/json", "application/problem+json"));
            } else if (method.equals("POST") && !isJson(body)) {
                error = ContractException.builder(400).messageKey(ContractMessages.MALFORMED_BODY).build();
            }
            RequestFacts facts = RequestFacts.builder(method, path)
                    .headers(HeaderLookup.of(rq::getFirst, rq::get))
                    .chosenFormat(overEager ? ErrorFormat.PROBLEM_DETAILS : null)
                    .ids(oversized ? CorrelationIds.generate() : null)
                    .build();
            var h = exchange.getResponseHeaders();
            if (error == null) {
                h.set(HeaderNames.MS_CORRELATION_ID, facts.ids().correlationId());
                h.set(HeaderNames.MS_REQUEST_ID, facts.ids().requestId());
                h.set("Content-Type", "application/json");
                byte[] ok = "[]".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, method.equals("HEAD") ? -1 : ok.length);
                if (!method.equals("HEAD")) {
                    exchange.getResponseBody().write(ok);
                }
                return;
            }
            RenderedError rendered = renderer.render(error, facts);
            rendered.copyHeaders(h::set, h::add);
            exchange.sendResponseHeaders(rendered.status(), method.equals("HEAD") ? -1 : rendered.bodyLength());
            if (!method.equals("HEAD")) {
                rendered.writeBody(exchange.getResponseBody());
            }
        });
    }

    private static boolean isJson(byte[] body) {
        try (var p = tools.jackson.core.json.JsonFactory.builder().build()
                .createParser(tools.jackson.core.ObjectReadContext.empty(), body)) {
            while (p.nextToken() != null) {
                // reading to the end is the validation
            }
            return body.length > 0;
        } catch (tools.jackson.core.JacksonException e) {
            return false;
        }
    }

    /**
     * Breaks the contract as unconfigured servers do: an HTML 404 for unknown paths, a 401
     * without a challenge when there is no token, a 500 with a stack trace for a POST, and no
     * caching, sniffing or id headers at all.
     */
    public static Running broken() throws IOException {
        return start((exchange, body) -> {
            var rq = exchange.getRequestHeaders();
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            int status;
            String type;
            String text;
            if (!path.equals("/api/")) {
                status = 404;
                type = "text/html";
                text = "<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>";
            } else if (rq.getFirst("Authorization") == null) {
                status = 401;
                type = "application/json";
                text = "{\"code\":\"unauthorized\",\"description\":\"Sign in.\",\"source\":\"api\"}";
            } else if (method.equals("POST")) {
                status = 500;
                type = "application/json";
                text = "{\"code\":\"internalServerError\",\"description\":\"java.lang.IllegalStateException: boom\\n"
                        + "\\tat com.contoso.api.OrderController.create(OrderController.java:42)\",\"source\":\"api\"}";
            } else {
                status = 200;
                type = "application/json";
                text = "[]";
            }
            byte[] out = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
    }
}
