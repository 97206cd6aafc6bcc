package dev.restfault.benchmarks.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpVersion;

/**
 * The load: {@code connections} keep-alive connections to one server, each with one request in
 * flight, sent again as soon as its answer has been read to the end (a closed loop, as wrk's
 * connections). Every answer is checked: its status, then the setup's {@link ResponseCheck} on its
 * headers and body (thoroughly on the first answer of each connection and on every
 * {@value #THOROUGH_EVERY}th); an answer that fails either, a malformed answer or a connection lost
 * mid-answer is counted and the first few are kept. So a setup that stops answering as it claims
 * (restfault switched off, a contract body gone wrong) fails the run instead of producing figures.
 *
 * <p>Like wrk, it runs on one thread that multiplexes all connections over a {@link Selector} and
 * sends one prepared request: {@code Host}, the scenario's headers, nothing else. Answers are
 * read by Jetty's HTTP/1.1 parser. So the generator spends a few microseconds per request (the
 * check included), far less than the server: a heavier client (java.net.http, Jetty's
 * {@code HttpClient}) slows the load so much that the server idles between requests and its CPU
 * per request rises with the wake-ups. A server that closes the connection after an answer (Tomcat after a 500) is
 * reconnected to.
 *
 * <p><b>Paced</b> (a rate given): the connections take turns to send, at most {@code rate} requests
 * a second spread evenly, a connection whose answer has arrived waiting for the next turn. Two
 * setups loaded at one rate then get their requests at the same pace, however fast each answers:
 * the server's CPU per request no longer depends on its own speed (a slower server, loaded as
 * fast as it answers, sleeps less often and also pays less per request for waking up). A turn
 * missed because every connection was busy is made up as soon as one is free, so the rate holds
 * on average as long as the server keeps up; {@link #completed()} over time tells whether it did.
 */
final class ClosedLoop implements AutoCloseable {

    private static final int KEPT_FAILURES = 5;
    /** The status of an answer the parser refused (already counted as a failure). */
    private static final int MALFORMED = -1;
    private static final long STOP_TIMEOUT_NANOS = 35_000_000_000L;
    /** Below this wait for the next turn, the loop parks instead of selecting: select's timeout is in milliseconds. */
    private static final long PARK_BELOW_NANOS = 1_000_000L;
    /** One answer in this many gets the setup's thorough check (besides each connection's first). */
    static final int THOROUGH_EVERY = 1024;

    private final InetSocketAddress server;
    private final Scenario scenario;
    private final ResponseCheck check;
    private final int thoroughEvery;
    private final int port;
    private final int connections;
    /** Nanoseconds between two sends when paced; 0 for a closed loop. */
    private final long periodNanos;
    /** Paced: connections ready to send, waiting for their turn. */
    private final ArrayDeque<Connection> waiting = new ArrayDeque<>();
    private long nextTurn;
    private int opened;
    private final Selector selector;
    private final Thread thread;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final List<String> failures = new ArrayList<>();
    private volatile boolean running = true;
    private int inFlight;
    private long answers;

    private ClosedLoop(int port, Scenario scenario, ResponseCheck check, int thoroughEvery, int connections, double rate)
            throws IOException {
        this.server = new InetSocketAddress("127.0.0.1", port);
        this.scenario = scenario;
        this.check = check;
        this.thoroughEvery = thoroughEvery;
        this.port = port;
        this.connections = connections;
        this.periodNanos = rate == 0 ? 0 : Math.max(1, Math.round(1e9 / rate));
        this.nextTurn = System.nanoTime();
        this.selector = Selector.open();
        for (int i = 0; i < connections; i++) {
            connect();
        }
        this.thread = new Thread(this::run, "load-" + scenario.id());
        this.thread.setDaemon(true);
    }

    /**
     * Starts {@code connections} concurrent request loops of {@code scenario} against {@code port}
     * on loopback; every answer with the scenario's status is held to {@code check}.
     */
    static ClosedLoop start(int port, Scenario scenario, ResponseCheck check, int connections) throws IOException {
        return start(port, scenario, check, THOROUGH_EVERY, connections, 0);
    }

    /**
     * {@link #start(int, Scenario, ResponseCheck, int)}, paced at {@code rate} requests a second
     * (0: not paced, each connection sends again as soon as its answer has arrived).
     */
    static ClosedLoop start(int port, Scenario scenario, ResponseCheck check, int connections, double rate) throws IOException {
        return start(port, scenario, check, THOROUGH_EVERY, connections, rate);
    }

    /** {@link #start(int, Scenario, ResponseCheck, int, double)}, with the thorough check on one answer in {@code thoroughEvery}. */
    static ClosedLoop start(int port, Scenario scenario, ResponseCheck check, int thoroughEvery, int connections, double rate)
            throws IOException {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(check, "check");
        if (connections < 1 || thoroughEvery < 1) {
            throw new IllegalArgumentException("connections and thoroughEvery must be at least 1: " + connections + ", "
                    + thoroughEvery);
        }
        if (!(rate >= 0) || rate > 1e9) {
            throw new IllegalArgumentException("rate must be 0 (not paced) or positive requests a second, not " + rate);
        }
        ClosedLoop loop = new ClosedLoop(port, scenario, check, thoroughEvery, connections, rate);
        loop.thread.start();
        return loop;
    }

    /** The request's bytes as connection number {@code connection} sends it: request line, {@code Host}, the scenario's headers. */
    static byte[] request(Scenario scenario, int port, int connection) {
        StringBuilder text = new StringBuilder(128).append(scenario.method()).append(' ').append(scenario.path())
                .append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(port).append("\r\n");
        for (Map.Entry<String, String> header : scenario.headers(connection).entrySet()) {
            text.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        return text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private void connect() throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        Connection connection = new Connection(channel, request(scenario, port, opened++ % connections));
        if (channel.connect(server)) {
            channel.register(selector, 0, connection);
            connection.next();
        } else {
            channel.register(selector, SelectionKey.OP_CONNECT, connection);
        }
        inFlight++;
    }

    private void run() {
        long stopBy = Long.MAX_VALUE;
        try {
            while (running || inFlight > 0) {
                if (!running && stopBy == Long.MAX_VALUE) {
                    stopBy = System.nanoTime() + STOP_TIMEOUT_NANOS;
                }
                if (System.nanoTime() > stopBy) {
                    fail(String.format(Locale.ROOT, "%d requests still in flight when the load stopped", inFlight));
                    break;
                }
                long untilTurn = running && !waiting.isEmpty() ? sendDueTurns() : Long.MAX_VALUE;
                if (untilTurn == Long.MAX_VALUE) {
                    selector.select(100);
                } else if (untilTurn >= PARK_BELOW_NANOS) {
                    selector.select(untilTurn / 1_000_000);
                } else if (selector.selectNow() == 0) {
                    LockSupport.parkNanos(untilTurn);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    ((Connection) key.attachment()).ready(key);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            fail("the load stopped: " + e);
        } finally {
            for (SelectionKey key : selector.keys()) {
                closeQuietly(key);
            }
            try {
                selector.close();
            } catch (IOException e) {
                // nothing left to do
            }
        }
    }

    /**
     * Paced: sends from the waiting connections every turn that has come, and returns the
     * nanoseconds until the next one (or {@link Long#MAX_VALUE} when no connection is left waiting).
     */
    private long sendDueTurns() throws IOException {
        long now = System.nanoTime();
        while (!waiting.isEmpty() && now - nextTurn >= 0) {
            Connection connection = waiting.poll();
            nextTurn += periodNanos;
            connection.sendNow();
        }
        return waiting.isEmpty() ? Long.MAX_VALUE : nextTurn - now;
    }

    /** One connection: sends the request, parses the answer, and starts over (or reconnects). */
    private final class Connection implements HttpParser.ResponseHandler {

        private final SocketChannel channel;
        private final byte[] request;
        private final HttpParser parser = new HttpParser(this);
        private final ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
        private final Map<String, List<String>> headers = new HashMap<>();
        private byte[] body = new byte[1024];
        private ByteBuffer out;
        private int status;
        private int length;
        private boolean closeAfter;
        private boolean complete;
        private boolean checkedThoroughly;

        Connection(SocketChannel channel, byte[] request) {
            this.channel = channel;
            this.request = request;
            parser.setHeadResponse("HEAD".equals(scenario.method()));
        }

        void ready(SelectionKey key) throws IOException {
            try {
                if (key.isConnectable()) {
                    channel.finishConnect();
                    next();
                } else if (key.isWritable()) {
                    flush();
                } else if (key.isReadable()) {
                    read();
                }
            } catch (IOException e) {
                lost(e);
            }
        }

        /** Sends at once (not paced) or waits for a turn. The request counts as in flight only once sent. */
        void next() throws IOException {
            if (periodNanos == 0) {
                send();
                return;
            }
            inFlight--;
            channel.keyFor(selector).interestOps(0);
            waiting.add(this);
        }

        /** A turn has come: sends, or fails the request as {@link #ready} fails one. */
        void sendNow() throws IOException {
            inFlight++;
            try {
                send();
            } catch (IOException e) {
                lost(e);
            }
        }

        /**
         * The server refused or reset the connection: the request in flight failed; a new
         * connection carries on while the load runs (failing to open one stops the load).
         */
        private void lost(IOException e) throws IOException {
            inFlight--;
            fail(scenario.method() + " " + scenario.path() + ": " + e);
            closeQuietly(channel.keyFor(selector));
            if (running) {
                connect();
            }
        }

        private void send() throws IOException {
            out = ByteBuffer.wrap(request);
            flush();
        }

        private void flush() throws IOException {
            channel.write(out);
            channel.keyFor(selector).interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        private void read() throws IOException {
            int read = channel.read(in);
            if (read < 0) {
                parser.atEOF();
                parser.parseNext(ByteBuffer.allocate(0));
                if (!complete) {
                    throw new IOException("connection closed before the answer was complete");
                }
            }
            in.flip();
            while (in.hasRemaining() && !complete) {
                parser.parseNext(in);
            }
            in.compact();
            if (complete) {
                done();
            }
        }

        private void done() throws IOException {
            inFlight--;
            if (status == scenario.expectedStatus()) {
                Exchange exchange = new Exchange(scenario, status, headers, new String(body, 0, length, StandardCharsets.UTF_8));
                boolean thorough = !checkedThoroughly || ++answers % thoroughEvery == 0;
                checkedThoroughly = true;
                List<String> problems = thorough ? check.thoroughProblems(exchange) : check.problems(exchange);
                if (problems.isEmpty()) {
                    completed.incrementAndGet();
                    bytes.addAndGet(length);
                } else {
                    fail("answer not as the setup claims: " + problems);
                }
            } else if (status != MALFORMED) {
                fail("status " + status + " instead of " + scenario.expectedStatus());
            }
            if (closeAfter || in.position() > 0) {
                // The server closes (or sent more than one answer): a new connection goes on.
                closeQuietly(channel.keyFor(selector));
                if (running) {
                    connect();
                }
                return;
            }
            parser.reset();
            headers.clear();
            status = 0;
            length = 0;
            complete = false;
            if (running) {
                inFlight++;
                next();
            }
        }

        @Override
        public void startResponse(HttpVersion version, int status, String reason) {
            this.status = status;
        }

        @Override
        public void parsedHeader(HttpField field) {
            if (field.getHeader() == HttpHeader.CONNECTION && field.contains("close")) {
                closeAfter = true;
            }
            headers.computeIfAbsent(field.getLowerCaseName(), name -> new ArrayList<>(1)).add(field.getValue());
        }

        @Override
        public boolean headerComplete() {
            return false;
        }

        @Override
        public boolean content(ByteBuffer content) {
            int n = content.remaining();
            if (length + n > body.length) {
                body = Arrays.copyOf(body, Math.max(body.length * 2, length + n));
            }
            content.get(body, length, n);
            length += n;
            return false;
        }

        @Override
        public boolean contentComplete() {
            return false;
        }

        @Override
        public boolean messageComplete() {
            complete = true;
            return true;
        }

        @Override
        public void earlyEOF() {
            // complete stays false: read() reports it.
        }

        @Override
        public void badMessage(HttpException failure) {
            fail("malformed answer: " + failure);
            complete = true;
            closeAfter = true;
            status = MALFORMED;
        }
    }

    private static void closeQuietly(SelectionKey key) {
        if (key == null) {
            return;
        }
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void fail(String failure) {
        failed.incrementAndGet();
        synchronized (failures) {
            if (failures.size() < KEPT_FAILURES) {
                failures.add(failure);
            }
        }
    }

    /** Requests answered as expected so far. */
    long completed() {
        return completed.get();
    }

    /** Requests that failed or got another status so far. */
    long failed() {
        return failed.get();
    }

    /** Body bytes of the requests answered as expected so far. */
    long bodyBytes() {
        return bytes.get();
    }

    /** The first failures, described. */
    List<String> failureSamples() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /** Stops sending, lets the requests in flight finish (at most 35 s), and closes the connections. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
