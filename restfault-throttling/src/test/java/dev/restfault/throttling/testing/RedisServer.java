package dev.restfault.throttling.testing;

import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (Debian's; {@code .ci/run} installs it) on a free loopback port,
 * without persistence, for one test class. Stopped and restarted on the same port to simulate
 * an outage. Talks RESP over a plain socket for the few administrative commands the tests need.
 * Shared with the other modules' tests through this module's test jar.
 */
public final class RedisServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final int port;
    private Process process;

    private RedisServer(int port) {
        this.port = port;
    }

    public static RedisServer start() throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            RedisServer server = new RedisServer(freePort());
            try {
                server.startProcess();
                return server;
            } catch (IOException e) {
                last = e; // another process took the port in between: try another one
            }
        }
        throw last;
    }

    private static String executable() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : (path + java.io.File.pathSeparator + "/usr/bin:/usr/local/bin:/usr/sbin").split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, "redis-server");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new IllegalStateException("redis-server is not installed: apt-get install -y redis-server (.ci/run does it)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void startProcess() throws IOException, InterruptedException {
        process = new ProcessBuilder(executable(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--protected-mode", "yes", "--loglevel", "warning")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited with " + process.exitValue() + " (port " + port + " taken?)");
            }
            try {
                if ("PONG".equals(command("PING"))) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        process.destroyForcibly();
        throw new IOException("redis-server did not answer on port " + port + " within " + START_TIMEOUT);
    }

    public int port() {
        return port;
    }

    /** The server process's id, to read its CPU time. */
    public long pid() {
        return process.pid();
    }

    public RedisURI uri() {
        return RedisURI.builder().withHost("127.0.0.1").withPort(port).build();
    }

    /** Kills the server (as a crash would) and waits until it is gone. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Starts a fresh server (empty) on the same port. */
    public void restart() throws IOException, InterruptedException {
        stop();
        startProcess();
    }

    /**
     * Calls per command since the last {@code CONFIG RESETSTAT}, {@code evalsha -> 12}, without the
     * tests' own {@code CONFIG} and {@code INFO}. Redis counts the commands a script runs too.
     */
    public Map<String, Long> commandCalls() throws IOException {
        Map<String, Long> calls = new HashMap<>();
        for (String line : command("INFO", "commandstats").split("\r\n")) {
            if (line.startsWith("cmdstat_")) {
                String name = line.substring("cmdstat_".length(), line.indexOf(':'));
                if (name.startsWith("config") || name.equals("info")) {
                    continue;
                }
                int at = line.indexOf("calls=") + "calls=".length();
                int end = line.indexOf(',', at);
                calls.put(name, Long.parseLong(line.substring(at, end)));
            }
        }
        return calls;
    }

    /** One command over a new connection; the reply as text (bulk, simple or integer). */
    public String command(String... args) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder("*").append(args.length).append("\r\n");
            for (String a : args) {
                byte[] bytes = a.getBytes(StandardCharsets.UTF_8);
                request.append('$').append(bytes.length).append("\r\n").append(a).append("\r\n");
            }
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return readReply(socket.getInputStream());
        }
    }

    private static String readReply(InputStream in) throws IOException {
        String line = readLine(in);
        switch (line.charAt(0)) {
            case '+':
            case ':':
                return line.substring(1);
            case '-':
                throw new IOException("redis error: " + line.substring(1));
            case '$': {
                int length = Integer.parseInt(line.substring(1));
                if (length < 0) {
                    return null;
                }
                byte[] body = in.readNBytes(length + 2);
                return new String(body, 0, length, StandardCharsets.UTF_8);
            }
            case '*': {
                int n = Integer.parseInt(line.substring(1));
                List<String> items = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    items.add(readReply(in));
                }
                return String.join("\n", items);
            }
            default:
                throw new IOException("unexpected reply " + line);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\r') {
                in.read();
                return sb.toString();
            }
            sb.append((char) c);
        }
        throw new IOException("connection closed");
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
