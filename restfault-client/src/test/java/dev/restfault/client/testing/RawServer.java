package dev.restfault.client.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A misbehaving server on a raw {@link ServerSocket} (127.0.0.1), for what the JDK's
 * {@code HttpServer} cannot do: reset connections, never answer, stall mid-body. It counts the
 * connections it accepted and the ones it saw closed by the client (end of stream or reset), so
 * tests can tell no connection was left open.
 */
public final class RawServer implements AutoCloseable {

    /** What to do with one accepted connection. */
    public interface Behavior {
        void serve(Socket socket, RawServer server) throws IOException;
    }

    private final ServerSocket socket;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-server");
        t.setDaemon(true);
        return t;
    });
    public final AtomicInteger accepted = new AtomicInteger();
    public final AtomicInteger closedByClient = new AtomicInteger();
    public final AtomicLong bytesWritten = new AtomicLong();

    private RawServer(Behavior behavior) throws IOException {
        socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        executor.execute(() -> {
            while (!socket.isClosed()) {
                Socket s;
                try {
                    s = socket.accept();
                } catch (IOException closed) {
                    return;
                }
                accepted.incrementAndGet();
                executor.execute(() -> {
                    try (s) {
                        behavior.serve(s, this);
                    } catch (IOException ignored) {
                        // the client went away: the behaviours record what they need
                    }
                });
            }
        });
    }

    public static RawServer start(Behavior behavior) throws IOException {
        return new RawServer(behavior);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Reads the request head (up to the blank line). */
    public static String readHead(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (head.size() < 65536) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            if (state == 4) {
                break;
            }
        }
        return head.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * Waits until the client closes the connection (end of stream or reset), at most
     * {@code maxMillis}, and counts it; a client that keeps it open longer is not counted.
     */
    public void awaitClientClose(Socket s, int maxMillis) throws IOException {
        s.setSoTimeout(maxMillis);
        InputStream in = s.getInputStream();
        byte[] buf = new byte[8192];
        try {
            while (in.read(buf) >= 0) {
                // discard
            }
            closedByClient.incrementAndGet();
        } catch (SocketException reset) {
            closedByClient.incrementAndGet();
        } catch (java.net.SocketTimeoutException stillOpen) {
            // not counted
        }
    }

    /** Polls (bounded) until every accepted connection was seen closed by the client. */
    public boolean awaitAllClosed(long maxMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        while (System.nanoTime() < end) {
            if (accepted.get() > 0 && closedByClient.get() >= accepted.get()) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
