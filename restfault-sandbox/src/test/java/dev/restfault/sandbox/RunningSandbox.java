package dev.restfault.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real sandbox application, started as {@code java -jar} starts it (its main class, its
 * {@code application.properties}) on a random loopback port, plus a small {@code java.net.http}
 * client for it. One per test class: starting Spring costs seconds.
 *
 * <p>Every response received through {@link Call#send()} is also checked against the sandbox's
 * own OpenAPI document ({@link OpenApiContract}): the end-to-end tests are the document's
 * contract tests.
 */
final class RunningSandbox implements AutoCloseable {

    static final String RW = "sandbox-rw-token";
    static final String RO = "sandbox-ro-token";
    static final String CID = "5a4db0c5-0000-4000-8000-000000000001";
    static final String CONTOSO = "c0000000-0000-4000-8000-000000000001";
    static final String FABRIKAM = "c0000000-0000-4000-8000-000000000002";
    static final String UNKNOWN = "c0000000-0000-4000-8000-00000000dead";

    private final ConfigurableApplicationContext context;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private volatile OpenApiContract contract;

    private RunningSandbox(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** Starts the sandbox with {@code --server.port=0}, no banner, and {@code args} on top. */
    static RunningSandbox start(String... args) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1", "--sandbox.banner=false"));
        all.addAll(List.of(args));
        return new RunningSandbox(SpringApplication.run(SandboxApplication.class, all.toArray(String[]::new)));
    }

    /** {@code http://127.0.0.1:<port>}. */
    URI base() {
        return base;
    }

    /** The sandbox's OpenAPI document, fetched once, as the contract every response is checked against. */
    OpenApiContract contract() {
        OpenApiContract c = contract;
        if (c == null) {
            synchronized (this) {
                if (contract == null) {
                    HttpRequest request = HttpRequest.newBuilder(base.resolve("/v3/api-docs")).timeout(Duration.ofSeconds(60)).build();
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException("GET /v3/api-docs answered " + r.statusCode() + ": " + r.body());
                        }
                        contract = new OpenApiContract(r.body());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException("GET /v3/api-docs failed", e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
                c = contract;
            }
        }
        return c;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    /**
     * Sends {@code method path} over a raw socket with a {@code Content-Length} of
     * {@code body.length()} but only the body's first character, so the request stays in the
     * sandbox, waiting for the rest, until {@link HeldRequest#finish()} sends it.
     */
    HeldRequest hold(String method, String path, Map<String, String> headers, String body) throws IOException {
        return new HeldRequest(method, path, headers, body);
    }

    /** A request whose body is held back; see {@link #hold}. */
    final class HeldRequest implements AutoCloseable {
        private final Socket socket;
        private final String rest;

        private HeldRequest(String method, String path, Map<String, String> headers, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
            this.rest = body.substring(1);
            this.socket = new Socket(base.getHost(), base.getPort());
            socket.setSoTimeout(20_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n")
                    .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                    .append("Connection: close\r\n")
                    .append("Content-Length: ").append(bytes.length).append("\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("\r\n").append(body.charAt(0));
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** Sends the rest of the body and returns the response's status. */
        int finish() throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(rest.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] response = socket.getInputStream().readNBytes(64 * 1024); // Connection: close ends it
            String statusLine = new String(response, StandardCharsets.US_ASCII).lines().findFirst().orElse("");
            if (!statusLine.matches("HTTP/1\\.1 [0-9]{3}.*")) {
                throw new IOException("not an HTTP/1.1 response: " + statusLine);
            }
            return Integer.parseInt(statusLine.substring(9, 12));
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** A response read off a raw socket: status, headers (names lower-cased) and body text. */
    record RawReply(int status, Map<String, String> headers, String body) {
    }

    /**
     * Sends {@code request} (head and body, as ISO-8859-1 bytes, exactly as given) over a raw
     * socket, for what {@code java.net.http} cannot send (a malformed chunk size, a chunked body
     * that never ends); when {@code halfClose}, then shuts the socket's output, so the sandbox sees
     * the body end early. Reads until the server closes or stays silent for 10 s (bounded); null
     * when nothing came back.
     */
    RawReply raw(String request, boolean halfClose) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            java.io.InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0 && all.size() < 1_000_000; n = in.read(buffer)) {
                    all.write(buffer, 0, n);
                    String text = all.toString(StandardCharsets.ISO_8859_1);
                    int end = text.indexOf("\r\n\r\n");
                    java.util.regex.Matcher length = java.util.regex.Pattern
                            .compile("(?im)^content-length:\\s*(\\d+)").matcher(end < 0 ? "" : text.substring(0, end));
                    if (end >= 0 && length.find() && all.size() >= end + 4 + Integer.parseInt(length.group(1))) {
                        break; // the whole response, framed by its Content-Length
                    }
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException stopped) {
                // silent or reset: what came is what there is
            }
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                return null;
            }
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
            return new RawReply(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
        }
    }

    Call call(String method, String path) {
        return new Call(method, path);
    }

    Call get(String path) {
        return call("GET", path);
    }

    @Override
    public void close() {
        context.close();
    }

    /** One request, built fluently; {@link #send()} sends it over a real socket. */
    final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;
        private boolean chunked;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Call token(String token) {
            return header("Authorization", "Bearer " + token);
        }

        Call json(String json) {
            this.body = json;
            return header("Content-Type", "application/json");
        }

        /** A JSON body sent without {@code Content-Length} (chunked), so only its reader can count it. */
        Call chunkedJson(String json) {
            this.chunked = true;
            return json(json);
        }

        Call body(String contentType, String text) {
            this.body = text;
            return header("Content-Type", contentType);
        }

        Reply send() {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
            headers.forEach(b::header);
            byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
            b.method(method, bytes == null ? HttpRequest.BodyPublishers.noBody()
                    : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))
                    : HttpRequest.BodyPublishers.ofByteArray(bytes));
            Reply reply;
            try {
                reply = new Reply(http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            contract().check(method, path, reply);
            return reply;
        }

        /** Sends and returns the transport failure, for the fault that resets the connection. */
        IOException sendExpectingFailure() {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
            headers.forEach(b::header);
            b.method(method, HttpRequest.BodyPublishers.noBody());
            try {
                HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                throw new AssertionError("expected a transport failure, got status " + r.statusCode());
            } catch (IOException expected) {
                return expected;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
