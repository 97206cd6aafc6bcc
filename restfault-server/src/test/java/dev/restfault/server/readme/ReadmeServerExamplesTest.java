package dev.restfault.server.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.restfault.core.exception.ContractException;
import dev.restfault.core.http.AuthChallenge;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.server.ErrorRenderer;
import dev.restfault.server.ExceptionTranslator;
import dev.restfault.server.HeaderLookup;
import dev.restfault.server.PathFormat;
import dev.restfault.server.RenderedError;
import dev.restfault.server.RequestFacts;
import dev.restfault.server.StatusErrors;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The module README's examples, verbatim between the BEGIN/END markers, so they keep compiling and
 * keep telling the truth; the adapter example answers real requests over loopback.
 */
class ReadmeServerExamplesTest {

    static final class ItemLockedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String itemId;

        ItemLockedException(String itemId) {
            super("locked by batch job 77", null, false, false);
            this.itemId = itemId;
        }

        String itemId() {
            return itemId;
        }
    }

    // README-BEGIN translator
    static final ExceptionTranslator ITEM_LOCKED = (failure, request) -> failure instanceof ItemLockedException e
            ? Optional.of(ContractException.builder(423).code("itemLocked")
                    .description("Item " + e.itemId() + " is locked.").build())
            : Optional.empty();
    // README-END translator

    // README-BEGIN renderer
    static final ErrorRenderer RENDERER = ErrorRenderer.builder("orders-service")   // the "source" of every error
            .challenge(AuthChallenge.oauth("4ee9b3c8-0ea9-4b3b-a1f3-8a9ce1f3ad2c"))   // on every 401
            .pathFormat(new PathFormat("/v1/legacy", ErrorFormat.PARTNER_API))      // during a migration
            .translators(List.of(ITEM_LOCKED))                                      // the application's, first
            .build();
    // README-END renderer

    // README-BEGIN adapter
    /** An adapter over the JDK's HttpServer: the request's facts in, the rendered error out. */
    static void answer(HttpExchange exchange, Throwable failure) throws IOException {
        RequestFacts facts = RequestFacts.builder(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath())
                .headers(HeaderLookup.of(exchange.getRequestHeaders()::getFirst, exchange.getRequestHeaders()::get))
                .build();                                  // headers are read only when needed
        RenderedError error = RENDERER.render(failure, facts);   // or render(contractException, facts),
                                                                 // renderStatus(404, facts)
        error.copyHeaders(exchange.getResponseHeaders()::set, exchange.getResponseHeaders()::add);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(error.status(), head ? -1 : error.bodyLength());
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                error.writeBody(out);
            }
        }
    }
    // README-END adapter

    @Test
    void statusErrors() {
        // README-BEGIN status
        ContractException notFound = StatusErrors.of(404);        // "No resource exists at this path."
        ContractException wrongMethod = StatusErrors.methodNotAllowed(List.of("GET", "HEAD"));  // Allow: GET, HEAD
        ContractException trace = StatusErrors.refusedMethod(List.of());  // nothing serves the path: 404
        // README-END status
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(wrongMethod.headers()).containsEntry("Allow", "GET, HEAD");
        assertThat(trace).isSameAs(notFound);
    }

    @Test
    void theAdapterAnswersRealRequests() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", exchange -> {
            try (exchange) {
                answer(exchange, exchange.getRequestURI().getPath().endsWith("/9") ? new ItemLockedException("9")
                        : new IllegalStateException("secret"));
            }
        });
        server.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            HttpResponse<String> locked = client.send(HttpRequest.newBuilder(base.resolve("/v1/items/9")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(locked.statusCode()).isEqualTo(423);
            assertThat(locked.body()).isEqualTo("{\"code\":\"itemLocked\",\"description\":\"Item 9 is locked.\",\"source\":\"orders-service\"}");
            HttpResponse<String> legacy = client.send(HttpRequest.newBuilder(base.resolve("/v1/legacy/x")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(legacy.statusCode()).isEqualTo(500);
            assertThat(legacy.body()).startsWith("{\"error\":{\"code\":\"internalServerError\"").doesNotContain("secret");
        } finally {
            server.stop(0);
        }
    }
}
