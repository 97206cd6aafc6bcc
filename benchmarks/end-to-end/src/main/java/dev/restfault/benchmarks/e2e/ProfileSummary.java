package dev.restfault.benchmarks.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a flight recording of a server under one scenario says about where its time goes: CPU
 * samples of Java code by method (self and inclusive) and by owner (the library of the innermost
 * frame that is not the JDK's), allocation by owner, collections and exceptions. Only the events
 * within the measured window count.
 *
 * <p>JFR samples threads running Java code; time in the kernel (socket I/O) and in the JVM's own
 * threads (JIT, GC) is not in the samples. A share of samples is therefore a share of the Java
 * code's time, and {@code share × user CPU per request} approximates its microseconds.
 */
final class ProfileSummary {

    private static final Pattern HIDDEN_CLASS_SUFFIX = Pattern.compile("\\$\\$Lambda[$0-9]*/0x[0-9a-f]+|/0x[0-9a-f]+");

    /** The JDK's own packages: their frames belong to whoever called them. */
    private static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    /** Package prefix to owner, the first that matches wins (so the benchmark's application before restfault). */
    private static final List<Map.Entry<String, String>> OWNERS = List.of(
            Map.entry("dev.restfault.benchmarks.", "the application"),
            Map.entry("dev.restfault.", "restfault"),
            Map.entry("org.springframework.", "Spring"),
            Map.entry("org.apache.catalina.", "Tomcat"),
            Map.entry("org.apache.coyote.", "Tomcat"),
            Map.entry("org.apache.tomcat.", "Tomcat"),
            Map.entry("org.eclipse.jetty.", "Jetty"),
            Map.entry("io.netty.", "Netty"),
            Map.entry("reactor.", "Reactor"),
            Map.entry("io.lettuce.", "Lettuce"),
            Map.entry("io.github.bucket4j.", "Bucket4j"),
            Map.entry("tools.jackson.", "Jackson"),
            Map.entry("com.fasterxml.jackson.", "Jackson"),
            Map.entry("ch.qos.logback.", "logging"),
            Map.entry("org.slf4j.", "logging"),
            Map.entry("jakarta.", "Jakarta APIs"));

    final Map<String, Integer> self = new HashMap<>();
    final Map<String, Integer> inclusive = new HashMap<>();
    final Map<String, Integer> owners = new HashMap<>();
    final Map<String, Long> allocationByOwner = new HashMap<>();
    /** Throwables created, by class and the method that created them. */
    final Map<String, Integer> throwables = new HashMap<>();
    private final Set<Long> allocatingThreads = new HashSet<>();
    int samples;
    long sampledAllocationBytes;
    int collections;
    long pauseNanos;
    long firstThrowables = -1;
    long lastThrowables = -1;

    private ProfileSummary() {
    }

    /** Reads the events of {@code recording} that started between {@code from} and {@code to}. */
    static ProfileSummary read(Path recording, Instant from, Instant to) throws IOException {
        ProfileSummary summary = new ProfileSummary();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            Instant at = event.getStartTime();
            if (at.isBefore(from) || at.isAfter(to)) {
                continue;
            }
            switch (event.getEventType().getName()) {
                case "jdk.ExecutionSample" -> summary.sample(event.getStackTrace());
                case "jdk.ObjectAllocationSample" -> summary.allocation(event);
                case "jdk.GarbageCollection" -> {
                    summary.collections++;
                    summary.pauseNanos += event.getDuration("sumOfPauses").toNanos();
                }
                case "jdk.JavaExceptionThrow" -> summary.throwable(event);
                case "jdk.ExceptionStatistics" -> {
                    long throwables = event.getLong("throwables");
                    if (summary.firstThrowables < 0) {
                        summary.firstThrowables = throwables;
                    }
                    summary.lastThrowables = throwables;
                }
                default -> {
                    // not summarized
                }
            }
        }
        return summary;
    }

    private void sample(RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return;
        }
        samples++;
        List<RecordedFrame> frames = stack.getFrames();
        self.merge(method(frames.get(0)), 1, Integer::sum);
        Set<String> seen = new HashSet<>();
        for (RecordedFrame frame : frames) {
            String method = method(frame);
            if (seen.add(method)) {
                inclusive.merge(method, 1, Integer::sum);
            }
        }
        owners.merge(owner(frames), 1, Integer::sum);
    }

    private void allocation(RecordedEvent event) {
        // A thread's first sample weighs everything it allocated since it started (the warm-up
        // included): only the later ones, each weighing what was allocated since the previous.
        if (event.getThread("eventThread") == null
                || allocatingThreads.add(event.getThread("eventThread").getJavaThreadId())) {
            return;
        }
        long weight = event.getLong("weight");
        sampledAllocationBytes += weight;
        RecordedStackTrace stack = event.getStackTrace();
        allocationByOwner.merge(stack == null ? "?" : owner(stack.getFrames()), weight, Long::sum);
    }

    private void throwable(RecordedEvent event) {
        String type = event.getClass("thrownClass") == null ? "?" : event.getClass("thrownClass").getName();
        String site = "?";
        RecordedStackTrace stack = event.getStackTrace();
        if (stack != null) {
            // The first frame that is not a constructor of a throwable: who created it.
            for (RecordedFrame frame : stack.getFrames()) {
                if (frame.getMethod() != null && !frame.getMethod().getName().equals("<init>")) {
                    site = method(frame);
                    break;
                }
            }
        }
        throwables.merge(type + " from " + site, 1, Integer::sum);
    }

    /** Throwables created in the window, where the recording says (JDK 17 counts them per chunk or second). */
    long throwables() {
        return firstThrowables < 0 ? -1 : lastThrowables - firstThrowables;
    }

    /** {@code package.Type.method}, with the generated part of hidden classes' names (lambdas) removed. */
    static String method(RecordedFrame frame) {
        if (frame.getMethod() == null) {
            return "?";
        }
        String type = HIDDEN_CLASS_SUFFIX.matcher(frame.getMethod().getType().getName()).replaceAll("\\$\\$Lambda");
        return type + "." + frame.getMethod().getName();
    }

    /** The library of the innermost frame that is not the JDK's ("JDK" when all are). */
    static String owner(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String method = method(frame);
            String owner = ownerOf(method);
            if (owner != null) {
                return owner;
            }
        }
        return "JDK";
    }

    /** The library of a {@code package.Type.method} name, or {@code null} for the JDK's own classes. */
    static String ownerOf(String method) {
        for (String jdk : JDK) {
            if (method.startsWith(jdk)) {
                return null;
            }
        }
        for (Map.Entry<String, String> owner : OWNERS) {
            if (method.startsWith(owner.getKey())) {
                return owner.getValue();
            }
        }
        return "other";
    }
}
