package dev.restfault.client.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 (the JDK's {@code HttpServer}) that answers from a script and
 * records what it received. Shared, through restfault-client's test-jar, with the tests of the
 * other client integrations.
 */
public final class StubServer implements AutoCloseable {

    /** What the server received. */
    public record Received(int index, String method, URI uri, Map<String, List<String>> headers, byte[] body, long nanoTime) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** What the server answers. */
    public record Reply(int status, Map<String, String> headers, byte[] body) {
        public static Reply of(int status) {
            return new Reply(status, Map.of(), new byte[0]);
        }

        public static Reply of(int status, String contentType, byte[] body) {
            return new Reply(status, contentType == null ? Map.of() : Map.of("Content-Type", contentType), body);
        }

        public static Reply text(int status, String contentType, String body) {
            return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
        }

        public Reply with(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, body);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Received> received = new ArrayList<>();

    private StubServer(Function<Received, Reply> script) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        executor = Executors.newFixedThreadPool(2);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                Received r;
                synchronized (received) {
                    r = new Received(received.size(), exchange.getRequestMethod(), exchange.getRequestURI(),
                            Map.copyOf(exchange.getRequestHeaders()), body, System.nanoTime());
                    received.add(r);
                }
                Reply reply = script.apply(r);
                reply.headers().forEach((n, v) -> exchange.getResponseHeaders().add(n, v));
                boolean noBody = reply.body().length == 0 || exchange.getRequestMethod().equals("HEAD");
                exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
                if (!noBody) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(reply.body());
                    }
                }
            }
        });
        server.start();
    }

    public static StubServer start(Function<Received, Reply> script) throws IOException {
        return new StubServer(script);
    }

    /** Always the same reply. */
    public static StubServer always(Reply reply) throws IOException {
        return new StubServer(i -> reply);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
