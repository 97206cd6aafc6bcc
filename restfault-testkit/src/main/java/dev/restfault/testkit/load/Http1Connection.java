package dev.restfault.testkit.load;

import dev.restfault.testkit.check.ResponseHeaders;
import dev.restfault.testkit.implementation.ProbeRequest;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One keep-alive HTTP/1.1 connection, driven by the load runner itself.
 *
 * <p>Why restfault speaks HTTP/1.1 by hand here, and nowhere else: what a load run measures is
 * per connection, "this request went out on a connection that had already carried a response,
 * and the server closed it without answering". {@code java.net.http} hides which connection a
 * request uses and, when a pooled connection turns out to be closed, silently sends a {@code GET}
 * or {@code HEAD} again on a new one ({@code ConnectionExpiredException} in its
 * {@code MultiExchange}), so it under-reports exactly that failure. Jetty's {@code HttpClient}
 * hands out unpooled connections, but it watches an idle connection and fails the next send before
 * writing it when the server has closed, with exception types that differ between versions; and
 * it would put {@code jetty-client}, {@code -http}, {@code -io} and {@code -util} (about 2 MB) on
 * the test class path of every testkit user, where they clash with a Jetty 9 to 11 server's own.
 * So this class does what a plain keep-alive client does and no more: it writes the next request
 * on the socket it has and reads what comes back. It writes requests whose body has a
 * {@code Content-Length}, and reads a status line, headers, interim 1xx responses, and bodies framed
 * by {@code Content-Length}, by chunks or by the connection's end.
 *
 * <p>Bounds: a response head (status line and headers) of at most {@value #MAX_HEAD_BYTES} bytes; at
 * most {@code bodyCap} bytes of a body are kept, and a longer body ends the connection rather than
 * being read on; every read waits at most until the exchange's deadline. Not thread-safe, except
 * {@link #abort()}.
 */
final class Http1Connection implements Closeable {

    /** The longest response head read: status line and headers together. */
    static final int MAX_HEAD_BYTES = 256 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String host;
    private final byte[] buffer = new byte[16 * 1024];
    private int pos;
    private int limit;
    private long received;
    private long deadline;
    private int exchanges;
    private boolean early;
    private boolean reusable = true;
    private volatile boolean aborted;

    private Http1Connection(Socket socket, String host) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        // A head of up to 64 KiB (the probe's huge header included) leaves in one write.
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        this.host = host;
    }

    /**
     * Connects to the origin of {@code base} (TLS for {@code https}, with the JDK's default trust
     * and host name verification).
     *
     * @throws ExchangeFailure of kind {@link TransportFailure#CONNECT_FAILED}
     */
    static Http1Connection open(URI base, int timeoutMillis) throws ExchangeFailure {
        boolean tls = "https".equalsIgnoreCase(base.getScheme());
        int port = base.getPort() != -1 ? base.getPort() : tls ? 443 : 80;
        String hostName = base.getHost();
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(hostName, port), timeoutMillis);
            if (tls) {
                String name = hostName.startsWith("[") ? hostName.substring(1, hostName.length() - 1) : hostName;
                SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(socket, name, port, true);
                SSLParameters parameters = ssl.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(parameters);
                ssl.setSoTimeout(timeoutMillis);
                ssl.startHandshake();
                socket = ssl;
            }
            return new Http1Connection(socket, base.getRawAuthority());
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw new ExchangeFailure(TransportFailure.CONNECT_FAILED, connectFailure(e));
        }
    }

    private static String connectFailure(Exception e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof SocketTimeoutException) {
            return "connect timed out";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (e instanceof SSLException) {
            return "TLS failure";
        }
        return "connect failed";
    }

    /** Whether a response has been read on this connection already: the next request reuses it. */
    boolean isReused() {
        return exchanges > 0;
    }

    /** Whether the connection may carry another request. */
    boolean isReusable() {
        return reusable && !aborted;
    }

    /**
     * Sends {@code request} and reads its response, both before {@code deadline}
     * ({@link System#nanoTime()}).
     *
     * @param bodyPauseMillis how long the body waits after the head for the answer to begin (0:
     *     it follows at once); the wait ends as soon as a byte of the answer arrives
     * @param bodyCap the most body bytes kept; a longer body is cut there and ends the connection
     * @throws ExchangeFailure when no complete response came; the connection is then closed
     */
    Response exchange(ProbeRequest request, long deadline, int bodyPauseMillis, int bodyCap) throws ExchangeFailure {
        boolean reused = isReused();
        this.deadline = deadline;
        // Bytes already buffered (sent after the previous response) count as this answer's start.
        this.received = limit - pos;
        this.early = false;
        try {
            try {
                write(request, bodyPauseMillis);
            } catch (IOException e) {
                if (aborted || e instanceof SocketTimeoutException) {
                    throw e;
                }
                // The server may have answered and closed before the body was all written: what
                // it sent is still to be read, and decides what happened.
            }
            Response response = read("HEAD".equals(request.method()), bodyCap);
            exchanges++;
            return response;
        } catch (Malformed e) {
            close();
            throw new ExchangeFailure(TransportFailure.MALFORMED_RESPONSE, e.getMessage());
        } catch (IOException e) {
            close();
            if (aborted || e instanceof SocketTimeoutException) {
                throw new ExchangeFailure(TransportFailure.TIMEOUT, "no complete answer in time");
            }
            String how = e instanceof EndOfStream ? "closed" : "reset";
            if (received > 0) {
                throw new ExchangeFailure(TransportFailure.INCOMPLETE_RESPONSE, "connection " + how + " in the middle of a response");
            }
            if (reused) {
                throw new ExchangeFailure(TransportFailure.BROKEN_CONNECTION,
                        "connection " + how + " without a response, on a connection that had already carried one");
            }
            throw new ExchangeFailure(TransportFailure.NO_RESPONSE, "new connection " + how + " without a response");
        }
    }

    /** Writes the request; {@link #early} says whether the answer began before the body was sent. */
    private void write(ProbeRequest request, int bodyPauseMillis) throws IOException {
        URI uri = request.uri();
        String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            target = target + "?" + uri.getRawQuery();
        }
        StringBuilder head = new StringBuilder(256);
        head.append(request.method()).append(' ').append(target).append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
        for (Map.Entry<String, String> h : request.headers()) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        byte[] body = request.body();
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        // The head leaves first and the body in a write of its own, as most clients send them.
        out.flush();
        if (body == null) {
            return;
        }
        // A body that arrives with its head lets a server that answers early (405, 415, 429)
        // find it already read when it finishes; a body a little later, as from a slow or distant
        // client, makes it decide: read the rest, or say Connection: close. That decision is what
        // a load run tests, so the body waits for the answer to begin, or for the pause.
        early = bodyPauseMillis > 0 && awaitAnswer(bodyPauseMillis);
        out.write(body);
        out.flush();
    }

    /** Waits up to {@code millis} for the answer to begin; what arrives is kept for {@link #read}. */
    private boolean awaitAnswer(int millis) throws IOException {
        if (pos < limit) {
            return true;
        }
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left < 1) {
            return false;
        }
        socket.setSoTimeout((int) Math.min(millis, left));
        int n;
        try {
            n = in.read(buffer, 0, buffer.length);
        } catch (SocketTimeoutException quiet) {
            // The server waits for the body, as most do before they answer.
            return false;
        }
        if (n <= 0) {
            // Closed: the read of the answer meets the end again and says what it means.
            return false;
        }
        pos = 0;
        limit = n;
        received += n;
        return true;
    }

    private Response read(boolean head, int bodyCap) throws IOException {
        while (true) {
            String statusLine = readLine();
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' '
                    || !(statusLine.length() == 12 || statusLine.charAt(12) == ' ')) {
                throw new Malformed("not an HTTP/1.x status line");
            }
            int status = parseStatus(statusLine.substring(9, 12));
            boolean http10 = statusLine.charAt(7) == '0';
            ResponseHeaders.Builder headers = ResponseHeaders.builder();
            readHeaders(headers);
            ResponseHeaders h = headers.build();
            if (status == 101) {
                throw new Malformed("101 Switching Protocols, which no request asked for");
            }
            if (status < 200) {
                // An interim response (100 Continue, 103 Early Hints): the real one follows.
                continue;
            }
            boolean saidClose = hasToken(h, "connection", "close");
            boolean keepAlive = http10 ? hasToken(h, "connection", "keep-alive") && !saidClose : !saidClose;
            byte[] body;
            if (head || status == 204 || status == 304) {
                body = new byte[0];
            } else if (h.contains("transfer-encoding")) {
                if (lastCodingIsChunked(h)) {
                    body = readChunked(bodyCap);
                } else {
                    body = readToEnd(bodyCap);
                    keepAlive = false;
                }
                // With both Transfer-Encoding and Content-Length the framing cannot be trusted.
                keepAlive &= !h.contains("content-length");
            } else if (h.contains("content-length")) {
                body = readFixed(contentLength(h), bodyCap);
            } else {
                body = readToEnd(bodyCap);
                keepAlive = false;
            }
            if (!keepAlive) {
                reusable = false;
            }
            return new Response(status, h, body, saidClose, early);
        }
    }

    private static int parseStatus(String digits) throws Malformed {
        int status = 0;
        for (int i = 0; i < 3; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new Malformed("status is not three digits");
            }
            status = status * 10 + (c - '0');
        }
        if (status < 100 || status > 599) {
            throw new Malformed("status " + status + " is outside 100..599");
        }
        return status;
    }

    private void readHeaders(ResponseHeaders.Builder headers) throws IOException {
        String name = null;
        StringBuilder value = null;
        long start = received;
        while (true) {
            String line = readLine();
            if (received - start > MAX_HEAD_BYTES) {
                throw new Malformed("response head longer than " + MAX_HEAD_BYTES + " bytes");
            }
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                if (name == null) {
                    throw new Malformed("a folded header line without a header");
                }
                // obs-fold (RFC 9112 §5.2): a recipient may replace it with a space.
                value.append(' ').append(line.strip());
                continue;
            }
            if (name != null) {
                headers.add(name, value.toString().strip());
            }
            if (line.isEmpty()) {
                return;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line, colon)) {
                throw new Malformed("a header line that is not name: value");
            }
            name = line.substring(0, colon);
            value = new StringBuilder(line.length() - colon).append(line, colon + 1, line.length());
        }
    }

    private static boolean isToken(String s, int end) {
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasToken(ResponseHeaders h, String name, String token) {
        for (String v : h.all(name)) {
            for (String t : v.split(",")) {
                if (t.strip().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean lastCodingIsChunked(ResponseHeaders h) {
        java.util.List<String> all = h.all("transfer-encoding");
        String last = all.get(all.size() - 1);
        int comma = last.lastIndexOf(',');
        return last.substring(comma + 1).strip().toLowerCase(Locale.ROOT).equals("chunked");
    }

    private static long contentLength(ResponseHeaders h) throws Malformed {
        long length = -1;
        for (String v : h.all("content-length")) {
            for (String part : v.split(",")) {
                String p = part.strip();
                if (p.isEmpty() || p.length() > 18 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw new Malformed("Content-Length is not a number");
                }
                long n = Long.parseLong(p);
                if (length != -1 && n != length) {
                    throw new Malformed("Content-Length values differ");
                }
                length = n;
            }
        }
        return length;
    }

    private byte[] readFixed(long length, int cap) throws IOException {
        int keep = (int) Math.min(length, cap);
        byte[] body = new byte[keep];
        readFully(body, 0, keep);
        if (length > cap) {
            // Over the cap: the rest is not read; the connection cannot carry another request.
            reusable = false;
        }
        return body;
    }

    private byte[] readChunked(int cap) throws IOException {
        byte[] body = new byte[Math.min(cap, 8 * 1024)];
        int size = 0;
        while (true) {
            long chunk = chunkSize(readLine());
            if (chunk == 0) {
                break;
            }
            if (size + chunk > cap) {
                int keep = cap - size;
                body = Arrays.copyOf(body, cap);
                readFully(body, size, keep);
                reusable = false;
                return body;
            }
            if (size + chunk > body.length) {
                body = Arrays.copyOf(body, (int) Math.min(cap, Math.max(size + chunk, body.length * 2L)));
            }
            readFully(body, size, (int) chunk);
            size += (int) chunk;
            if (!readLine().isEmpty()) {
                throw new Malformed("a chunk longer than its size");
            }
        }
        // Trailer fields, then the empty line that ends the message.
        long start = received;
        while (!readLine().isEmpty()) {
            if (received - start > MAX_HEAD_BYTES) {
                throw new Malformed("trailers longer than " + MAX_HEAD_BYTES + " bytes");
            }
        }
        return Arrays.copyOf(body, size);
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static long chunkSize(String line) throws Malformed {
        int end = line.indexOf(';');
        String hex = (end < 0 ? line : line.substring(0, end)).strip();
        // Hex digits only: Long.parseLong also takes a sign, and a chunk of -1 bytes would count
        // the body backwards (RFC 9112 section 7.1: chunk-size = 1*HEXDIG).
        if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(Http1Connection::isHexDigit)) {
            throw new Malformed("chunk size is not a hexadecimal number");
        }
        return Long.parseLong(hex, 16);
    }

    private byte[] readToEnd(int cap) throws IOException {
        reusable = false;
        byte[] body = new byte[Math.min(cap, 8 * 1024)];
        int size = 0;
        while (size < cap) {
            if (pos == limit && !fill(false)) {
                break;
            }
            int n = Math.min(limit - pos, cap - size);
            if (size + n > body.length) {
                body = Arrays.copyOf(body, Math.min(cap, Math.max(size + n, body.length * 2)));
            }
            System.arraycopy(buffer, pos, body, size, n);
            pos += n;
            size += n;
        }
        return Arrays.copyOf(body, size);
    }

    private void readFully(byte[] into, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            if (pos == limit) {
                fill(true);
            }
            int n = Math.min(limit - pos, length - done);
            System.arraycopy(buffer, pos, into, offset + done, n);
            pos += n;
            done += n;
        }
    }

    /** A line of the head, without its CRLF (a bare LF ends one too); ISO-8859-1. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            if (pos == limit) {
                fill(true);
            }
            byte b = buffer[pos++];
            if (b == '\n') {
                int n = line.length();
                if (n > 0 && line.charAt(n - 1) == '\r') {
                    line.setLength(n - 1);
                }
                return line.toString();
            }
            line.append((char) (b & 0xFF));
            if (line.length() > MAX_HEAD_BYTES) {
                throw new Malformed("a line longer than " + MAX_HEAD_BYTES + " bytes");
            }
        }
    }

    /**
     * Reads more bytes, waiting at most until the deadline.
     *
     * @return false at the end of the stream when {@code required} is false
     * @throws EndOfStream at the end of the stream when {@code required}
     */
    private boolean fill(boolean required) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("deadline");
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            if (required) {
                throw new EndOfStream();
            }
            return false;
        }
        pos = 0;
        limit = n;
        received += n;
        return true;
    }

    /**
     * Closes the socket from another thread (the runner's watchdog, at an exchange's deadline, or
     * when the run is stopped): a blocked write or read fails at once and counts as a timeout.
     */
    void abort() {
        aborted = true;
        closeQuietly(socket);
    }

    @Override
    public void close() {
        reusable = false;
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Closing is all that is left to do with it.
        }
    }

    /** A complete response. */
    static final class Response {
        final int status;
        final ResponseHeaders headers;
        final byte[] body;
        final boolean saidClose;
        /** Whether the answer began before the request's body was sent. */
        final boolean early;

        Response(int status, ResponseHeaders headers, byte[] body, boolean saidClose, boolean early) {
            this.status = status;
            this.headers = headers;
            this.body = body;
            this.saidClose = saidClose;
            this.early = early;
        }
    }

    /** The end of the stream where more was needed. */
    private static final class EndOfStream extends IOException {
        private static final long serialVersionUID = 1L;

        EndOfStream() {
            super("end of stream", null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** Bytes that are not an HTTP/1.x response. */
    private static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
