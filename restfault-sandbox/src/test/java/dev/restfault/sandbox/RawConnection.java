package dev.restfault.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One keep-alive connection to the sandbox over a raw socket, for what {@code java.net.http}
 * hides: whether the server kept the connection after a response, and a body sent while the
 * response is read. Reads one response at a time, framed by {@code Content-Length} (the sandbox
 * sends it), or by the connection closing. Not an HTTP client.
 */
final class RawConnection implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawConnection(URI base) throws IOException {
        socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(20_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Sends {@code text} as ISO-8859-1 bytes, exactly as given. */
    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /**
     * Writes {@code bytes} from another thread, so that the response can be read while a body the
     * server does not read is still being sent: the first {@code split} bytes at once, the rest
     * after {@code pauseMillis}, as a body arrives that is still on its way when the server
     * answers. The future fails if the server closed first.
     */
    CompletableFuture<Void> sendInBackground(byte[] bytes, int split, long pauseMillis) {
        return CompletableFuture.runAsync(() -> {
            try {
                out.write(bytes, 0, split);
                out.flush();
                Thread.sleep(pauseMillis);
                out.write(bytes, split, bytes.length - split);
                out.flush();
            } catch (IOException closed) {
                throw new UncheckedIOException(closed);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }, runnable -> {
            Thread writer = new Thread(runnable, "raw-connection-body-writer");
            writer.setDaemon(true);
            writer.start();
        });
    }

    /** Reads one response; null if the server closed the connection (or reset it) before sending one. */
    RunningSandbox.RawReply read() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException silent) {
                throw silent;
            } catch (IOException reset) {
                b = -1;
            }
            if (b < 0) {
                return null;
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String length = headers.get("content-length");
        byte[] body = length != null ? in.readNBytes(Integer.parseInt(length)) : in.readAllBytes();
        return new RunningSandbox.RawReply(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** Whether the server closes the connection within {@code millis}: a read sees its end or a reset. */
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

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
