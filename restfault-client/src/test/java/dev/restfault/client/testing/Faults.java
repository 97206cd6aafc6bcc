package dev.restfault.client.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The misbehaving servers of the scenario matrix, as {@link RawServer} behaviours shared by every
 * client integration's tests: a body cut mid-way, a body that stalls after the headers, ten
 * megabytes of HTML, a server that never answers, a reset. Each counts, on its server, the
 * connections the client closed, so a test can tell none was left open.
 */
public final class Faults {

    /** What {@link #errorBodyCutMidway} sends of its 100-byte body before the connection ends. */
    public static final String CUT_BODY = "{\"code\":\"tooManyReq";
    /** What {@link #errorHeadersThenStall} sends of its 5000-byte body before it stalls. */
    public static final String STALLED_BODY = "{\"code\":\"maint";
    /** The size of {@link #tenMegabytesOfHtml}'s body. */
    public static final int TEN_MB = 10 * 1024 * 1024;

    private Faults() {
    }

    /**
     * A 429 with {@code Retry-After: 5} announcing 100 bytes, of which only {@link #CUT_BODY}
     * arrives before the server closes the connection (a FIN, or an RST when {@code reset}).
     */
    public static RawServer.Behavior errorBodyCutMidway(boolean reset) {
        return (s, srv) -> {
            RawServer.readHead(s);
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nRetry-After: 5\r\n"
                    + "Content-Length: 100\r\n\r\n" + CUT_BODY).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (reset) {
                s.setSoLinger(true, 0);
            }
            srv.closedByClient.incrementAndGet(); // closed on purpose: nothing for the client to close
        };
    }

    /**
     * A 503 with {@code Retry-After: 3} announcing 5000 bytes, of which only
     * {@link #STALLED_BODY} arrives; then nothing, until the client closes the connection.
     */
    public static RawServer.Behavior errorHeadersThenStall() {
        return (s, srv) -> {
            RawServer.readHead(s);
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 3\r\n"
                    + "Content-Length: 5000\r\n\r\n" + STALLED_BODY).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            srv.awaitClientClose(s, 10_000);
        };
    }

    /** A 200 announcing 100,000 bytes of JSON that stalls after its first ten. */
    public static RawServer.Behavior successHeadersThenStall() {
        return (s, srv) -> {
            RawServer.readHead(s);
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
                    + "{\"items\":[").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            srv.awaitClientClose(s, 10_000);
        };
    }

    /**
     * A gateway's 502 with {@link #TEN_MB} of HTML ({@code <html><body>aaaa…}); counts the bytes
     * it managed to write in {@link RawServer#bytesWritten}.
     */
    public static RawServer.Behavior tenMegabytesOfHtml() {
        return (s, srv) -> {
            RawServer.readHead(s);
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + TEN_MB
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            byte[] start = "<html><body>".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(start, 0, chunk, 0, start.length);
            try {
                for (int sent = 0; sent < TEN_MB; sent += chunk.length) {
                    out.write(chunk);
                    srv.bytesWritten.addAndGet(chunk.length);
                    if (sent == 0) {
                        Arrays.fill(chunk, 0, start.length, (byte) 'a');
                    }
                }
                out.flush();
            } catch (IOException clientClosed) {
                srv.closedByClient.incrementAndGet();
                return;
            }
            srv.awaitClientClose(s, 10_000);
        };
    }

    /** Reads the request and answers nothing, until the client closes the connection. */
    public static RawServer.Behavior neverAnswers() {
        return (s, srv) -> {
            RawServer.readHead(s);
            srv.awaitClientClose(s, 10_000);
        };
    }

    /** Reads the request head and resets the connection (RST). */
    public static RawServer.Behavior resetAfterRequest() {
        return (s, srv) -> {
            RawServer.readHead(s);
            s.setSoLinger(true, 0);
            s.close();
            srv.closedByClient.incrementAndGet(); // closed on purpose: nothing for the client to close
        };
    }
}
