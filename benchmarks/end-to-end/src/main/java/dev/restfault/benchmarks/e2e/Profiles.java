package dev.restfault.benchmarks.e2e;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --profile} part of a run: a flight recording of each chosen cell on every server,
 * summarized, and every cell after the first compared with the first (its base) on the same
 * server: which methods account for the extra microseconds.
 */
final class Profiles {

    private static final int TOP = 20;
    private static final double SETTLE_SECONDS = 1;

    private final EndToEndBenchmark benchmark;
    private final Map<String, ServerProcess> processes;
    private final List<Suite> plan;
    private final Map<Cell, List<Measurement>> results;
    private final Path dir;

    Profiles(EndToEndBenchmark benchmark, Map<String, ServerProcess> processes, List<Suite> plan,
            Map<Cell, List<Measurement>> results, Path dir) {
        this.benchmark = benchmark;
        this.processes = processes;
        this.plan = plan;
        this.results = results;
        this.dir = dir;
    }

    /** Records and summarizes every chosen cell; returns the summaries as Markdown. */
    String run() throws Exception {
        StringBuilder md = new StringBuilder("# Where the time goes\n\n"
                + "Flight recordings (JFR, `profile` settings) of one window per cell, taken after the measured rounds. "
                + "Shares are of the Java samples (threads running Java code); `≈ µs` is that share of the cell's user CPU "
                + "per request from the rounds (recording itself costs CPU, so the recording window's own figure is only "
                + "shown); `≈ bytes` likewise splits the allocation per request measured in the rounds. Kernel time "
                + "(socket I/O) and the JVM's own threads (JIT, GC) are not in the samples.\n");
        for (Suite suite : plan) {
            for (Server server : suite.servers()) {
                Profiled base = null;
                for (String spec : benchmark.profileCellsOption()) {
                    String[] parts = spec.split(":");
                    Cell cell = cell(suite, server, parts[0], parts[1]);
                    if (cell == null) {
                        continue;
                    }
                    Profiled profiled = record(cell);
                    describe(md, profiled);
                    if (base == null) {
                        base = profiled;
                    } else {
                        compare(md, base, profiled);
                    }
                }
            }
        }
        return md.toString();
    }

    private static Cell cell(Suite suite, Server server, String setup, String scenario) {
        for (Setup s : suite.setups()) {
            for (Scenario sc : suite.scenarios()) {
                if (s.id().equals(setup) && sc.id().equals(scenario)) {
                    return new Cell(suite, s, server, sc);
                }
            }
        }
        return null;
    }

    /**
     * A recorded cell. The recording gives shares; the rounds give the magnitudes: recording
     * costs the server CPU of its own, so the figures measured while recording only describe the
     * recording window.
     *
     * @param cell        the cell
     * @param recording   the window measured while recording
     * @param userMicros  user CPU µs per request of the cell, median of the rounds (else of the recording window)
     * @param allocation  bytes allocated per request, median of the rounds (else of the recording window)
     * @param summary     what the recording says
     */
    private record Profiled(Cell cell, Measurement recording, double userMicros, double allocation, ProfileSummary summary) {

        /** Approximate user µs per request spent in {@code samples} of the Java samples. */
        double micros(int samples) {
            return summary.samples == 0 ? 0 : userMicros * samples / summary.samples;
        }

        /** Approximate bytes per request allocated in {@code weight} of the sampled allocation. */
        double bytes(long weight) {
            return summary.sampledAllocationBytes == 0 || !Double.isFinite(allocation) ? 0
                    : allocation * weight / summary.sampledAllocationBytes;
        }
    }

    private Profiled record(Cell cell) throws Exception {
        ServerProcess process = processes.get(new EndToEndBenchmark.Instance(cell.suite(), cell.setup(), cell.server()).key());
        Path file = dir.resolve("profile-" + cell.name().replace('/', '-') + ".jfr");
        benchmark.out().println("Profiling " + cell.name() + " ...");
        Measurement measurement;
        Instant from;
        Instant to;
        try (ClosedLoop loop = benchmark.measuredLoad(cell, process)) {
            benchmark.load(loop, benchmark.ramp());
            process.startProfile(file);
            // Starting a recording costs the server (its first chunk's events, JFR's own code): not in the window.
            benchmark.load(loop, SETTLE_SECONDS);
            from = Instant.now();
            measurement = benchmark.measureWindow(cell, process, loop, 0, benchmark.profileSeconds());
            to = Instant.now();
            process.stopProfile();
        }
        List<Measurement> rounds = results.getOrDefault(cell, List.of());
        double userMicros = measurement.cpuMicrosPerRequest() * share(measurement.userShare());
        double allocation = measurement.allocatedBytesPerRequest();
        if (!rounds.isEmpty()) {
            userMicros = Stats.of(rounds.stream().map(m -> m.cpuMicrosPerRequest() * share(m.userShare())).toList()).median();
            List<Double> allocations = rounds.stream().map(Measurement::allocatedBytesPerRequest).filter(Double::isFinite).toList();
            allocation = allocations.isEmpty() ? Double.NaN : Stats.of(allocations).median();
        }
        return new Profiled(cell, measurement, userMicros, allocation, ProfileSummary.read(file, from, to));
    }

    private static double share(double userShare) {
        return Double.isNaN(userShare) ? 1 : userShare;
    }

    private static void describe(StringBuilder md, Profiled p) {
        ProfileSummary s = p.summary();
        long requests = p.recording().requests();
        md.append(String.format(Locale.ROOT, "%n## %s%n%n", p.cell().name()));
        md.append(String.format(Locale.ROOT,
                "From the rounds: %.1f µs of user CPU and %,.0f bytes allocated per request. While recording: %.1f µs CPU "
                        + "per request (user %.0f %%), %,d requests, %,d Java samples, %d collections (%.1f ms of pauses)%s.%n%n",
                p.userMicros(), p.allocation(), p.recording().cpuMicrosPerRequest(), share(p.recording().userShare()) * 100,
                requests, s.samples, s.collections, s.pauseNanos / 1e6,
                s.throwables() < 0 ? "" : String.format(Locale.ROOT, ", %.2f throwables created per request",
                        (double) s.throwables() / requests)));
        md.append("| owner (innermost non-JDK frame) | samples | ≈ µs/request | ≈ bytes/request |\n|---|---:|---:|---:|\n");
        Set<String> owners = new HashSet<>(s.owners.keySet());
        owners.addAll(s.allocationByOwner.keySet());
        owners.stream()
                .sorted(Comparator.comparingInt((String o) -> s.owners.getOrDefault(o, 0)).reversed().thenComparing(o -> o))
                .forEach(o -> md.append(String.format(Locale.ROOT, "| %s | %.1f %% | %.1f | %,.0f |%n", o,
                        percent(s.owners.getOrDefault(o, 0), s.samples), p.micros(s.owners.getOrDefault(o, 0)),
                        p.bytes(s.allocationByOwner.getOrDefault(o, 0L)))));
        if (!s.throwables.isEmpty()) {
            md.append("\nThrowables created, by class and creator:\n\n| throwable from | per request |\n|---|---:|\n");
            top(s.throwables, 10).forEach((t, n) -> md.append(String.format(Locale.ROOT, "| `%s` | %.3f |%n", t,
                    (double) n / Math.max(1, requests))));
        }
        md.append("\nHottest methods (self):\n\n| method | self | ≈ µs/request |\n|---|---:|---:|\n");
        top(s.self, TOP).forEach((m, n) -> md.append(String.format(Locale.ROOT, "| `%s` | %.1f %% | %.2f |%n", m,
                percent(n, s.samples), p.micros(n))));
        md.append("\nrestfault and the application, inclusive (the method and what it calls):\n\n"
                + "| method | inclusive | ≈ µs/request |\n|---|---:|---:|\n");
        Map<String, Integer> ours = new LinkedHashMap<>();
        s.inclusive.forEach((m, n) -> {
            if (m.startsWith("dev.restfault.")) {
                ours.put(m, n);
            }
        });
        top(ours, TOP).forEach((m, n) -> md.append(String.format(Locale.ROOT, "| `%s` | %.1f %% | %.2f |%n", m,
                percent(n, s.samples), p.micros(n))));
    }

    private static void compare(StringBuilder md, Profiled base, Profiled other) {
        md.append(String.format(Locale.ROOT, "%n### %s against %s%n%n", other.cell().scenario().id(), base.cell().scenario().id()));
        md.append(String.format(Locale.ROOT, "User CPU per request (from the rounds) %.1f against %.1f µs (%+.1f µs); "
                        + "allocation %,.0f against %,.0f bytes per request.%n%n",
                other.userMicros(), base.userMicros(), other.userMicros() - base.userMicros(),
                other.allocation(), base.allocation()));
        md.append("By owner, ≈ µs/request:\n\n| owner | " + base.cell().scenario().id() + " | " + other.cell().scenario().id()
                + " | difference |\n|---|---:|---:|---:|\n");
        Set<String> owners = new HashSet<>(base.summary().owners.keySet());
        owners.addAll(other.summary().owners.keySet());
        differences(owners, base, other, base.summary().owners, other.summary().owners).forEach(d ->
                md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %+.1f |%n", d.name, d.base, d.other, d.other - d.base)));
        md.append("\nMethods whose inclusive time grew most, ≈ µs/request:\n\n| method | " + base.cell().scenario().id() + " | "
                + other.cell().scenario().id() + " | difference |\n|---|---:|---:|---:|\n");
        Set<String> methods = new HashSet<>(base.summary().inclusive.keySet());
        methods.addAll(other.summary().inclusive.keySet());
        differences(methods, base, other, base.summary().inclusive, other.summary().inclusive).stream().limit(30).forEach(d ->
                md.append(String.format(Locale.ROOT, "| `%s` | %.2f | %.2f | %+.2f |%n", d.name, d.base, d.other, d.other - d.base)));
    }

    private record Difference(String name, double base, double other) {
    }

    private static List<Difference> differences(Set<String> names, Profiled base, Profiled other, Map<String, Integer> baseCounts,
            Map<String, Integer> otherCounts) {
        List<Difference> differences = new ArrayList<>();
        for (String name : names) {
            differences.add(new Difference(name, base.micros(baseCounts.getOrDefault(name, 0)),
                    other.micros(otherCounts.getOrDefault(name, 0))));
        }
        differences.sort(Comparator.comparingDouble((Difference d) -> d.other - d.base).reversed());
        return differences;
    }

    private static Map<String, Integer> top(Map<String, Integer> counts, int n) {
        Map<String, Integer> top = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
