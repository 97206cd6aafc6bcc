package dev.restfault.spring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A loopback socket for the two things {@code java.net.http} cannot do: send a header value with
 * CR or LF in it (it refuses, rightly), and show whether the server kept the connection open
 * after a response. Reads one response at a time, framed by {@code Content-Length} (the servers
 * under test send it for errors) or by the connection closing. Not an HTTP client.
 */
final class RawHttp implements AutoCloseable {

    /** One response: status, headers (names lower-cased, last value wins) and body text. */
    record Response(int status, Map<String, String> headers, String body) {
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Sends {@code request} as ISO-8859-1 bytes, exactly as given. */
    void send(String request) throws IOException {
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads one response; null if the server closed the connection before sending one. */
    Response read() throws IOException {
        String head = readHead();
        if (head == null) {
            return null;
        }
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String length = headers.get("content-length");
        if (status / 100 == 1) {
            return new Response(status, headers, ""); // interim (100 Continue): the final response follows
        }
        if (length != null) {
            int n = Integer.parseInt(length);
            for (int i = 0; i < n; i++) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                body.write(b);
            }
        } else if (!"chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            in.transferTo(body); // delimited by close
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    /**
     * Reads the head of one response and none of its body: for a HEAD request, whose response
     * carries a Content-Length but no body. Null if the server closed the connection first.
     */
    Response readHeadOnly() throws IOException {
        String head = readHead();
        if (head == null) {
            return null;
        }
        String[] lines = head.split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, "");
    }

    /**
     * The bytes the server sends after what was read, until it closes the connection or stays
     * silent for two seconds: empty when a HEAD response really had no body.
     */
    String remainingBytes() throws IOException {
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        socket.setSoTimeout(2_000);
        try {
            for (int b = in.read(); b >= 0 && rest.size() < 65_536; b = in.read()) {
                rest.write(b);
            }
        } catch (SocketTimeoutException silent) {
            // nothing more
        } catch (IOException reset) {
            // closed
        }
        return rest.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * Writes {@code bytes} from another thread, so that a test can read the response while a body
     * the server does not read is still being sent (a server that answers first and closes may
     * never take all of it). The future fails if the server closed the connection first.
     */
    CompletableFuture<Void> sendInBackground(byte[] bytes) {
        return CompletableFuture.runAsync(() -> {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException closed) {
                throw new UncheckedIOException(closed);
            }
        }, runnable -> {
            Thread writer = new Thread(runnable, "raw-http-body-writer");
            writer.setDaemon(true);
            writer.start();
        });
    }

    /** Ends what this side sends (a half-close): the server reads the end of the stream. */
    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** {@code size} bytes of a JSON string body: {@code "xxx…"}. */
    static byte[] jsonBody(int size) {
        if (size < 2) {
            throw new IllegalArgumentException("a JSON string needs at least 2 bytes, not " + size);
        }
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        body[0] = '"';
        body[size - 1] = '"';
        return body;
    }

    /** {@code content} in the chunked transfer coding: chunks of at most 4,096 bytes, then the last chunk. */
    static byte[] chunked(byte[] content) {
        ByteArrayOutputStream coded = new ByteArrayOutputStream(content.length + content.length / 512 + 16);
        for (int offset = 0; offset < content.length; offset += 4096) {
            int n = Math.min(4096, content.length - offset);
            coded.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            coded.write(content, offset, n);
            coded.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        coded.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return coded.toByteArray();
    }

    /** Whether the server has closed the connection: a read sees end of stream or a reset within 2 s. */
    boolean closedByServer() {
        return closedByServer(2_000);
    }

    /**
     * Whether the server closes the connection within {@code millis}: a read sees end of stream or
     * a reset. Tomcat reads what is left of a body (up to its maxSwallowSize) before it closes.
     */
    boolean closedByServer(int millis) {
        try {
            socket.setSoTimeout(millis);
            return in.read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b;
            try {
                b = in.read();
            } catch (IOException reset) {
                return head.size() == 0 ? null : head.toString(StandardCharsets.ISO_8859_1);
            }
            if (b < 0) {
                return head.size() == 0 ? null : head.toString(StandardCharsets.ISO_8859_1);
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            if (head.size() > 65_536) {
                throw new IOException("response head too long");
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
