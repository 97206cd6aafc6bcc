package dev.restfault.benchmarks.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One setup's server, in a JVM of its own with the harness's class path (less the other servers'
 * jars), so that its CPU time is its own and nothing of the load generator's.
 *
 * <p>Its standard output (the application's log, and the lines {@link ServerMain} writes for the
 * harness) is drained by a thread of the harness: a 500 under load logs a stack trace per
 * request, which is part of the server's cost but far too much to keep. The first and last lines
 * are kept and written to a log file when the process is closed.
 */
final class ServerProcess implements AutoCloseable {

    private static final int HEAD_LINES = 400;
    private static final int TAIL_LINES = 200;

    private final String name;
    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final List<String> head = new ArrayList<>();
    private final ArrayDeque<String> tail = new ArrayDeque<>();
    private final AtomicLong lines = new AtomicLong();
    private final Thread drain;
    private final Path logFile;
    private final ProcessCpu cpu;
    private volatile int port;
    private volatile List<String> restfaultBeans = List.of();
    private volatile String webServerClass;

    private ServerProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.cpu = new ProcessCpu(process.toHandle());
        this.drain = new Thread(this::drain, "drain-" + name);
        this.drain.setDaemon(true);
        this.drain.start();
    }

    private void awaitReady(Duration timeout) throws IOException {
        String ready = reply(ServerMain.READY, timeout);
        // "port=N server=class restfault-beans=K name,name..."
        String[] parts = ready.split(" ", 4);
        if (parts.length < 3 || !parts[0].startsWith("port=") || !parts[1].startsWith("server=")
                || !parts[2].startsWith("restfault-beans=")) {
            throw new IOException("server " + name + " sent a malformed ready line: " + ready);
        }
        port = Integer.parseInt(parts[0].substring("port=".length()));
        webServerClass = parts[1].substring("server=".length());
        int count = Integer.parseInt(parts[2].substring("restfault-beans=".length()));
        restfaultBeans = count == 0 || parts.length < 4 ? List.of() : List.of(parts[3].split(","));
    }

    /**
     * Starts {@code application} with {@code properties} in a new JVM and waits until it serves.
     *
     * @throws IOException if it cannot be started, exits, or does not serve within {@code startTimeout}
     */
    static ServerProcess start(String name, List<String> jvmOptions, String classPath, Class<?> application,
            List<String> properties, Path logFile, Duration startTimeout) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(ServerMain.class.getName());
        command.add(application.getName());
        command.addAll(properties);
        ServerProcess server = new ServerProcess(name, new ProcessBuilder(command).redirectErrorStream(true).start(), logFile);
        try {
            server.awaitReady(startTimeout);
            return server;
        } catch (IOException | RuntimeException e) {
            server.process.destroyForcibly();
            server.close();
            throw new IOException("server " + name + " did not start (its log: " + logFile + "): " + e.getMessage(), e);
        }
    }

    /** The loopback port it serves on. */
    int port() {
        return port;
    }

    /** The class of Spring Boot's {@code WebServer} that serves. */
    String webServerClass() {
        return webServerClass;
    }

    /** The bean names restfault contributed to the application (empty when restfault is off). */
    List<String> restfaultBeans() {
        return restfaultBeans;
    }

    /** The CPU the server process has used so far. */
    ProcessCpu.Sample cpu() {
        ensureAlive();
        return cpu.sample();
    }

    /** Lines the server has written so far (its log). */
    long logLines() {
        return lines.get();
    }

    /** Starts a flight recording ({@code profile} settings) written to {@code file} when stopped. */
    void startProfile(Path file) throws IOException {
        command(ServerMain.PROFILE_START + " " + file.toAbsolutePath());
        reply(ServerMain.PROFILE_START, Duration.ofSeconds(30));
    }

    /** Stops the recording started by {@link #startProfile} and waits until its file is written. */
    void stopProfile() throws IOException {
        command(ServerMain.PROFILE_STOP);
        reply(ServerMain.PROFILE_STOP, Duration.ofSeconds(60));
    }

    /** The JVM's compilation and collection totals so far. */
    JvmStats stats() throws IOException {
        command(ServerMain.STATS);
        return JvmStats.parse(reply(ServerMain.STATS, Duration.ofSeconds(30)));
    }

    /**
     * A server JVM's own work so far.
     *
     * @param compileMillis    time its JIT compilers spent compiling, ms (-1 where not reported)
     * @param collections      garbage collections
     * @param collectionMillis their accumulated time, ms
     * @param allocatedBytes   bytes allocated by its live threads (-1 where not reported)
     */
    record JvmStats(long compileMillis, long collections, long collectionMillis, long allocatedBytes) {

        private static final String[] KEYS = {"compile-ms=", "gc-count=", "gc-ms=", "alloc-bytes="};

        /** Parses {@code compile-ms=N gc-count=N gc-ms=N alloc-bytes=N}. */
        static JvmStats parse(String line) {
            String[] parts = line.trim().split(" ");
            if (parts.length != KEYS.length) {
                throw new IllegalArgumentException("malformed stats line: " + line);
            }
            long[] values = new long[KEYS.length];
            for (int i = 0; i < KEYS.length; i++) {
                if (!parts[i].startsWith(KEYS[i])) {
                    throw new IllegalArgumentException("malformed stats line: " + line);
                }
                try {
                    values[i] = Long.parseLong(parts[i].substring(KEYS[i].length()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("malformed stats line: " + line, e);
                }
            }
            return new JvmStats(values[0], values[1], values[2], values[3]);
        }
    }

    /** Fails with the end of the server's log if the process has exited. */
    void ensureAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("server " + name + " exited with " + process.exitValue() + "; its last lines:\n"
                    + String.join("\n", lastLines(40)));
        }
    }

    private void command(String line) throws IOException {
        ensureAlive();
        commands.write(line + "\n");
        commands.flush();
    }

    private String reply(String kind, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                String line = left <= 0 ? null : replies.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
                if (line != null) {
                    if (line.startsWith(kind)) {
                        return line.substring(kind.length()).trim();
                    }
                    throw new IOException("server " + name + " answered '" + line + "' instead of " + kind);
                }
                if (left <= 0) {
                    throw new IOException("server " + name + " sent no '" + kind + "' within " + timeout);
                }
                if (!process.isAlive()) {
                    // Let the drain thread take the last lines before reporting them.
                    drain.join(2_000);
                    throw new IOException("server " + name + " exited with " + process.exitValue() + "; its last lines:\n"
                            + String.join("\n", lastLines(60)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for server " + name, e);
        }
    }

    private void drain() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8),
                1 << 16)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith(ServerMain.PREFIX)) {
                    replies.add(line.substring(ServerMain.PREFIX.length()));
                }
                keep(line);
            }
        } catch (IOException e) {
            keep("[harness] log stream ended: " + e);
        }
    }

    private synchronized void keep(String line) {
        lines.incrementAndGet();
        if (head.size() < HEAD_LINES) {
            head.add(line);
            return;
        }
        if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
        }
        tail.addLast(line);
    }

    private synchronized List<String> lastLines(int count) {
        List<String> all = new ArrayList<>(head);
        all.addAll(tail);
        return all.subList(Math.max(0, all.size() - count), all.size());
    }

    /** Stops the server (closing its input, then by signal) and writes the kept lines of its log. */
    @Override
    public void close() throws IOException {
        try {
            commands.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            drain.join(5_000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        writeLog();
    }

    private synchronized void writeLog() throws IOException {
        List<String> out = new ArrayList<>(head);
        long skipped = lines.get() - head.size() - tail.size();
        if (skipped > 0) {
            out.add("[harness] ... " + skipped + " lines not kept ...");
        }
        out.addAll(tail);
        Files.createDirectories(logFile.getParent());
        Files.write(logFile, out, StandardCharsets.UTF_8);
    }
}
