package dev.restfault.testkit;

import dev.restfault.core.exception.ContractException;
import dev.restfault.core.http.HeaderNames;
import dev.restfault.core.http.RequestIds;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.json.ErrorWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server on a raw {@link ServerSocket} whose every answer, and what it does
 * with the connection afterwards, a test writes: keep it, close it silently, say
 * {@code Connection: close}, reset it, never answer. That is how a load run's failures are made
 * on purpose. It reads each request whole (head and {@code Content-Length} body) before
 * answering, so a close is a clean FIN and the tests are deterministic.
 */
public final class ScriptedServer implements AutoCloseable {

    /** What happens to the connection after the reply is written. */
    public enum After {
        KEEP, CLOSE, RESET, HANG
    }

    /** One request: the connection's number, the request's index on it (from 0), method, target, headers, body. */
    public static final class Request {
        public final int connection;
        public final int index;
        public final String method;
        public final String target;
        public final List<String[]> headers;
        public final byte[] body;
        final int contentLength;

        Request(int connection, int index, String method, String target, List<String[]> headers, byte[] body, int contentLength) {
            this.connection = connection;
            this.index = index;
            this.method = method;
            this.target = target;
            this.headers = headers;
            this.body = body;
            this.contentLength = contentLength;
        }

        /** The first value of header {@code name}, ignoring case; null if none. */
        public String header(String name) {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }
    }

    /** Bytes to write, then what to do with the connection; null bytes write nothing. */
    public static final class Reply {
        final byte[] bytes;
        final After after;

        public Reply(byte[] bytes, After after) {
            this.bytes = bytes;
            this.after = after;
        }

        public static Reply of(String raw, After after) {
            return new Reply(raw.getBytes(StandardCharsets.ISO_8859_1), after);
        }
    }

    public interface Handler {
        Reply handle(Request request);
    }

    private final ServerSocket socket;
    private final Handler handler;
    private final boolean answersBeforeBody;
    /** Every request received, in order of arrival. */
    public final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Connections accepted so far. */
    public final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    public ScriptedServer(Handler handler) throws IOException {
        this(handler, false);
    }

    /**
     * A server that, when {@code answersBeforeBody}, answers as soon as it has a request's head
     * and reads the body afterwards (the request the handler sees has an empty body), as a server
     * that refuses a request early and then reads the rest to keep the connection does.
     */
    public ScriptedServer(Handler handler, boolean answersBeforeBody) throws IOException {
        this.socket = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        this.handler = handler;
        this.answersBeforeBody = answersBeforeBody;
        Thread acceptor = new Thread(this::accept, "scripted-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** {@code http://127.0.0.1:port/api/}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/api/");
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                int n = connections.getAndIncrement();
                Thread t = new Thread(() -> serve(s, n), "scripted-" + n);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s, int connection) {
        try (s) {
            InputStream in = new java.io.BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            for (int index = 0; ; index++) {
                Request r = read(in, connection, index, !answersBeforeBody);
                if (r == null) {
                    return;
                }
                requests.add(r);
                Reply reply = handler.handle(r);
                if (reply.bytes != null) {
                    out.write(reply.bytes);
                    out.flush();
                }
                if (answersBeforeBody) {
                    in.readNBytes(r.contentLength);
                }
                switch (reply.after) {
                    case KEEP:
                        break;
                    case CLOSE:
                        return;
                    case RESET:
                        s.setSoLinger(true, 0);
                        return;
                    case HANG:
                        // Read nothing more, answer nothing more: until the client gives up.
                        in.transferTo(OutputStream.nullOutputStream());
                        return;
                    default:
                        throw new AssertionError(reply.after);
                }
            }
        } catch (IOException e) {
            // The client went away: what a test server sees when a load run ends or aborts.
        } finally {
            open.remove(s);
        }
    }

    private static Request read(InputStream in, int connection, int index, boolean withBody) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] start = lines[0].split(" ");
        List<String[]> headers = new ArrayList<>();
        int length = 0;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon);
            String value = lines[i].substring(colon + 1).strip();
            headers.add(new String[] {name, value});
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(value);
            }
        }
        byte[] body = withBody ? in.readNBytes(length) : new byte[0];
        return new Request(connection, index, start[0], start[1], headers, body, length);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) {
            s.close();
        }
    }

    // ------------------------------------------------------------------ replies

    private static final ErrorWriter WRITER = ErrorWriter.standard();
    private static final ContractMessages MESSAGES = ContractMessages.defaults();

    /** 200 with a JSON array, the request's ids echoed. */
    public static String ok(Request r, String extraHeaders) {
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + ids(r) + extraHeaders + "Content-Length: 2\r\n\r\n[]";
    }

    /** A contract error for {@code status} (405 with {@code Allow: GET}), framed by Content-Length. */
    public static String error(Request r, int status, String extraHeaders) {
        byte[] body = errorBody(status);
        return errorHead(r, status, extraHeaders) + "Content-Length: " + body.length + "\r\n\r\n"
                + new String(body, StandardCharsets.ISO_8859_1);
    }

    /** The same error, chunked in pieces of 7 bytes with a chunk extension, and a trailer. */
    public static String chunkedError(Request r, int status) {
        byte[] body = errorBody(status);
        StringBuilder sb = new StringBuilder(errorHead(r, status, "")).append("Transfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < body.length; i += 7) {
            int n = Math.min(7, body.length - i);
            sb.append(Integer.toHexString(n)).append(";ext=1\r\n").append(new String(body, i, n, StandardCharsets.ISO_8859_1)).append("\r\n");
        }
        return sb.append("0\r\nX-Trailer: done\r\n\r\n").toString();
    }

    public static byte[] errorBody(int status) {
        ContractException error = status == 405 ? ContractException.methodNotAllowed(List.of("GET"))
                : ContractException.builder(status).build();
        return WRITER.write(ErrorFormat.PARTNER_CENTER, error.toError(MESSAGES, Locale.US, "orders-api"), status,
                MESSAGES.reasonPhrase(status, Locale.US));
    }

    private static String errorHead(Request r, int status, String extraHeaders) {
        StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(" Error\r\n")
                .append("Content-Type: application/json; charset=utf-8\r\n")
                .append(HeaderNames.CACHE_CONTROL).append(": no-store\r\n")
                .append(HeaderNames.X_CONTENT_TYPE_OPTIONS).append(": nosniff\r\n")
                .append("Content-Language: en-US\r\n")
                .append(ids(r)).append(extraHeaders);
        if (status == 405) {
            sb.append("Allow: GET\r\n");
        }
        return sb.toString();
    }

    private static String ids(Request r) {
        return HeaderNames.MS_CORRELATION_ID + ": " + RequestIds.validOrNew(r.header(HeaderNames.MS_CORRELATION_ID)) + "\r\n"
                + HeaderNames.MS_REQUEST_ID + ": " + RequestIds.validOrNew(r.header(HeaderNames.MS_REQUEST_ID)) + "\r\n";
    }

    /** Headers by lower-cased name, for assertions. */
    public static Map<String, String> headerMap(Request r) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String[] h : r.headers) {
            m.put(h[0].toLowerCase(Locale.ROOT), h[1]);
        }
        return m;
    }
}
