package dev.restfault.client.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real restfault sandbox, started as its users start it ({@code java -jar
 * restfault-sandbox.jar}) in a JVM of its own, on a free loopback port: what the client
 * integrations' tests call "the sandbox". The jar is the one the reactor built (its path comes
 * from the system property {@code restfault.sandbox.jar}, which the integration modules' failsafe
 * configuration sets); Spring Boot repackages it, so its classes cannot be loaded from it into
 * the test's own JVM, and running it apart also keeps the client under test and the service from
 * sharing a class path.
 */
public final class SandboxProcess implements AutoCloseable {

    /** The read-write token of the sandbox's default configuration. */
    public static final String RW_TOKEN = "sandbox-rw-token";
    /** The read-only token of the sandbox's default configuration. */
    public static final String RO_TOKEN = "sandbox-ro-token";
    /** The cid of the sandbox's default {@code WWW-Authenticate} challenge. */
    public static final String CID = "5a4db0c5-0000-4000-8000-000000000001";

    private static final Pattern LISTENING = Pattern.compile("restfault sandbox is listening on http://localhost:(\\d+)");

    private final Process process;
    private final URI base;

    private SandboxProcess(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /**
     * Starts the sandbox and waits (at most two minutes) until it listens.
     *
     * @param args more {@code --name=value} arguments for it
     * @throws IllegalStateException if the jar is missing or the sandbox does not start; the
     *     message carries the end of its output
     * @throws org.opentest4j.TestAbortedException when {@code restfault.sandbox.jar} is not set
     *     (a surefire run), so the test is skipped there
     */
    public static SandboxProcess start(String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("restfault.sandbox.jar");
        // Only failsafe sets the property (after the reactor packaged the sandbox); a -Dtest
        // filter that also selects an *IT class in surefire skips it there.
        org.junit.jupiter.api.Assumptions.assumeTrue(jar != null, "runs under failsafe, which sets restfault.sandbox.jar");
        if (!Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("the sandbox jar (" + jar + ") is not built: run the reactor's verify, "
                    + "which packages restfault-sandbox before these integration tests run");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar,
                "--server.port=0", "--server.address=127.0.0.1", "--logging.level.root=warn"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Deque<String> tail = new ArrayDeque<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > 60) {
                            tail.removeFirst();
                        }
                    }
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException ended) {
                // the process is gone
            }
            port.completeExceptionally(new IllegalStateException("the sandbox exited before it listened"));
        }, "sandbox-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new SandboxProcess(process, URI.create("http://127.0.0.1:" + port.get(120, TimeUnit.SECONDS)));
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            String output;
            synchronized (tail) {
                output = String.join("\n", tail);
            }
            throw new IllegalStateException("the sandbox did not start: " + e.getMessage() + "\n" + output, e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI base() {
        return base;
    }

    /** {@code path} (and query) on the sandbox. */
    public URI uri(String path) {
        return base.resolve(path);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
