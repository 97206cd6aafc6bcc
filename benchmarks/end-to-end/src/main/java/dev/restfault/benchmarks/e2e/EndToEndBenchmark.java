package dev.restfault.benchmarks.e2e;

import dev.restfault.throttling.testing.RedisServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The end-to-end benchmark: for every cell (suite, setup, server, scenario), the server's CPU
 * time per request, in microseconds, under a closed-loop load over loopback.
 *
 * <p>How: each setup runs on each server in a JVM of its own ({@link ServerMain}); this JVM is
 * the load generator. After a check that every setup answers as it claims and a warm-up of
 * every scenario, the cells are measured in rounds, each round visiting every cell once in a
 * shuffled order, so that a disturbance of the machine spreads over all setups instead of
 * falling on one. A cell's figure is the median of its rounds.
 */
@Command(name = "end-to-end-benchmark", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Server CPU per request (µs) of each setup, on each server, for each scenario.")
public final class EndToEndBenchmark implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--suites", split = ",", paramLabel = "ID", description = "Suites to run (default: all).")
    List<String> suites = List.of();

    @Option(names = "--setups", split = ",", paramLabel = "ID", description = "Setups to run (default: all of each suite).")
    List<String> setups = List.of();

    @Option(names = "--servers", split = ",", paramLabel = "ID", description = "Servers to run on (default: all of each suite).")
    List<String> servers = List.of();

    @Option(names = "--scenarios", split = ",", paramLabel = "ID", description = "Scenarios to run (default: all).")
    List<String> scenarios = List.of();

    @Option(names = "--rounds", description = "Measured rounds; each visits every cell once (default: ${DEFAULT-VALUE}).")
    int rounds = 3;

    @Option(names = "--forks", description = "Times every server process is started afresh, each measured for --rounds rounds: "
            + "the figures pool the rounds of all forks, so one start's JIT decisions do not decide them (default: ${DEFAULT-VALUE}).")
    int forks = 1;

    @Option(names = "--window", paramLabel = "SECONDS", description = "Length of one measured window (default: ${DEFAULT-VALUE}).")
    double window = 2;

    @Option(names = "--ramp", paramLabel = "SECONDS",
            description = "Load before each window starts, not measured: connections and server threads settle (default: ${DEFAULT-VALUE}).")
    double ramp = 0.5;

    @Option(names = "--warmup", paramLabel = "SECONDS",
            description = "Shortest warm-up load per scenario on every server process, before the rounds (default: ${DEFAULT-VALUE}).")
    double warmup = 2;

    @Option(names = "--warmup-max", paramLabel = "SECONDS",
            description = "Longest warm-up per scenario: past --warmup, the load goes on a second at a time while the "
                    + "server's JIT still compiles, up to this (default: ${DEFAULT-VALUE}).")
    double warmupMax = 6;

    @Option(names = "--requests", paramLabel = "N",
            description = "Bound every load (warm-up, ramp, window, recording) by N completed requests instead of by time: "
                    + "a smoke run that proves every setup starts and answers as it claims. Its figures mean nothing.")
    int requests;

    @Option(names = "--connections", description = "Concurrent keep-alive connections (default: ${DEFAULT-VALUE}).")
    int connections = 16;

    @Option(names = "--rate", paramLabel = "REQUESTS_PER_SECOND",
            description = "Pace every measured load (ramp, window, recording) at this many requests a second, spread evenly, "
                    + "so that the cells of a comparison get their requests at the same pace however fast each answers; "
                    + "a window in which the server answered fewer than " + (int) (MIN_RATE_SHARE * 100) + " %% of them fails. "
                    + "0 (the default): no pacing, each connection sends again as soon as its answer has arrived, as wrk. "
                    + "Warm-ups are never paced.")
    double rate;

    @Option(names = "--server-jvm-options", paramLabel = "OPTIONS",
            description = "JVM options of every server process, space-separated (default: ${DEFAULT-VALUE}).")
    String serverJvmOptions = "-Xms512m -Xmx512m";

    @Option(names = "--seed", description = "Seed of the order of the cells within each round (default: ${DEFAULT-VALUE}).")
    long seed = 11;

    @Option(names = "--profile", split = ",", paramLabel = "SETUP:SCENARIO",
            description = "After the rounds, take a flight recording of these cells on every server and summarize where "
                    + "the time goes; the first is the base that the others are compared with (e.g. restfault:200,restfault:404).")
    List<String> profile = List.of();

    @Option(names = "--profile-seconds", paramLabel = "SECONDS", description = "Length of each recording (default: ${DEFAULT-VALUE}).")
    double profileSeconds = 8;

    @Option(names = "--output", paramLabel = "DIR", description = "Where results, server logs and recordings go (default: ${DEFAULT-VALUE}).")
    Path output = Path.of("target", "e2e");

    @Option(names = "--list", description = "Print the cells and the estimated duration, and exit.")
    boolean list;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private final List<ServerProcess> running = Collections.synchronizedList(new ArrayList<>());
    /** The Redis of the setups that use one ({@value Setup#REDIS_PORT} in their properties), else null. */
    private RedisServer redis;

    public static void main(String[] args) {
        System.exit(new CommandLine(new EndToEndBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        validate();
        List<Suite> plan = plan();
        requireProfiledCellsMeasured(plan);
        List<Cell> cells = cells(plan);
        List<Instance> instances = instances(plan);
        out.printf(Locale.ROOT, "%d cells on %d server processes%s; %d rounds of %.1f s windows (+%.1f s ramp), "
                        + "%.1f s warm-up per scenario; about %d minutes. Load: %s.%n",
                cells.size(), instances.size(), forks > 1 ? ", each started " + forks + " times" : "", rounds * forks, window,
                ramp, warmup, estimatedMinutes(cells, instances), loadDescription());
        if (list) {
            cells.forEach(cell -> out.println("  " + cell.name()));
            return 0;
        }
        Path dir = output.resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
        Files.createDirectories(dir);
        Thread stopServers = new Thread(this::stopAll, "stop-servers");
        Runtime.getRuntime().addShutdownHook(stopServers);
        try {
            if (instances.stream().anyMatch(instance -> instance.setup().usesRedis())) {
                redis = RedisServer.start();
                out.println("Redis on port " + redis.port());
            }
            // Each fork starts every process afresh and adds its rounds; the last fork's processes
            // stay up for the profiles.
            Map<Cell, List<Measurement>> results = new LinkedHashMap<>();
            cells.forEach(cell -> results.put(cell, new ArrayList<>()));
            Map<String, ServerProcess> processes = Map.of();
            Random random = new Random(seed);
            for (int fork = 1; fork <= forks; fork++) {
                if (fork > 1) {
                    stopAll();
                    out.printf(Locale.ROOT, "Fork %d of %d: every server process starts afresh%n", fork, forks);
                }
                processes = startAll(instances, dir, forks == 1 ? "" : "-fork" + fork);
                measure(cells, processes, (fork - 1) * rounds, random, results);
            }
            Map<String, Object> environment = environment();
            environment.put("load", loadDescription());
            Report report = new Report(plan, results, environment, connections);
            String markdown = report.markdown();
            out.println();
            out.println(markdown);
            Files.writeString(dir.resolve("results.md"), markdown, StandardCharsets.UTF_8);
            report.writeJson(dir.resolve("results.json"), options());
            if (!profile.isEmpty()) {
                String profiles = new Profiles(this, processes, plan, results, dir).run();
                out.println(profiles);
                Files.writeString(dir.resolve("profile.md"), profiles, StandardCharsets.UTF_8);
            }
            out.println("Results, server logs" + (profile.isEmpty() ? "" : " and recordings") + " are in " + dir.toAbsolutePath());
            return 0;
        } finally {
            stopAll();
            Runtime.getRuntime().removeShutdownHook(stopServers);
            if (redis != null) {
                redis.close();
                redis = null;
            }
        }
    }

    private void validate() {
        if (rounds < 1 || forks < 1 || connections < 1 || !(window > 0) || ramp < 0 || warmup < 0 || warmupMax < warmup
                || !(profileSeconds > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--rounds, --forks and --connections must be at least 1, --window and --profile-seconds positive, "
                            + "--ramp and --warmup not negative, --warmup-max not below --warmup");
        }
        if (!(rate >= 0) || rate > MAX_RATE) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--rate must be 0 (no pacing) or a positive number of requests a second up to " + (long) MAX_RATE
                            + ", not " + rate);
        }
        if (requests != 0 && requests < MIN_REQUESTS) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--requests must be at least " + MIN_REQUESTS + " (or 0: loads bounded by time), not " + requests);
        }
        for (String cell : profile) {
            if (cell.split(":").length != 2) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--profile takes SETUP:SCENARIO pairs, not '" + cell + "'");
            }
        }
    }

    /** A {@code --profile} cell outside the plan would be silently skipped after the whole run: refused up front. */
    private void requireProfiledCellsMeasured(List<Suite> plan) {
        for (String cell : profile) {
            String[] parts = cell.split(":");
            boolean known = plan.stream().anyMatch(suite -> suite.setups().stream().anyMatch(s -> s.id().equals(parts[0]))
                    && suite.scenarios().stream().anyMatch(s -> s.id().equals(parts[1])));
            if (!known) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--profile " + cell + " names no setup and scenario that this run measures");
            }
        }
    }

    /** Refuses an id in {@code given} that is not in {@code known}, naming it and what exists. */
    private void refuseUnknown(String option, List<String> given, List<String> known, boolean ignoreCase) {
        for (String id : given) {
            boolean found = known.stream().anyMatch(k -> ignoreCase ? k.equalsIgnoreCase(id) : k.equals(id));
            if (!found) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "nothing to run as asked: " + option + " names '" + id + "', which no suite has; the suites are "
                                + listing());
            }
        }
    }

    /** The suites as selected by the options, each narrowed to the selected setups, servers and scenarios. */
    List<Suite> plan() {
        // An id that no suite has is a typo, not a wish to skip: running without it would report
        // a partial run as if it were the one asked for (targets whose cells are missing vanish).
        refuseUnknown("--suites", suites, Suites.all().stream().map(Suite::id).toList(), false);
        refuseUnknown("--setups", setups,
                Suites.all().stream().flatMap(s -> s.setups().stream()).map(Setup::id).distinct().toList(), false);
        refuseUnknown("--servers", servers,
                Suites.all().stream().flatMap(s -> s.servers().stream()).map(Server::id).distinct().toList(), true);
        refuseUnknown("--scenarios", scenarios,
                Suites.all().stream().flatMap(s -> s.scenarios().stream()).map(Scenario::id).distinct().toList(), false);
        List<Suite> selected = new ArrayList<>();
        for (Suite suite : Suites.all()) {
            if (!suites.isEmpty() && !suites.contains(suite.id())) {
                continue;
            }
            List<Setup> chosenSetups = suite.setups().stream().filter(s -> setups.isEmpty() || setups.contains(s.id())).toList();
            List<Server> chosenServers = suite.servers().stream()
                    .filter(s -> servers.isEmpty() || servers.stream().anyMatch(id -> id.equalsIgnoreCase(s.id()))).toList();
            List<Scenario> chosenScenarios = suite.scenarios().stream()
                    .filter(s -> scenarios.isEmpty() || scenarios.contains(s.id())).toList();
            if (chosenSetups.isEmpty() || chosenServers.isEmpty() || chosenScenarios.isEmpty()) {
                continue;
            }
            // Targets stay only where both of their cells are measured.
            List<Target> targets = suite.targets().stream()
                    .filter(t -> chosenSetups.stream().anyMatch(s -> s.id().equals(t.setup()))
                            && chosenSetups.stream().anyMatch(s -> s.id().equals(t.baseSetup()))
                            && chosenScenarios.stream().anyMatch(s -> s.id().equals(t.scenario()))
                            && chosenScenarios.stream().anyMatch(s -> s.id().equals(t.baseScenario())))
                    .toList();
            selected.add(new Suite(suite.id(), suite.title(), chosenSetups, chosenServers, chosenScenarios, targets,
                    suite.jarsLeftOut()));
        }
        if (selected.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "nothing to run with these options; the suites are "
                    + listing());
        }
        return selected;
    }

    private static List<String> listing() {
        return Suites.all().stream().map(s -> s.id() + " (setups " + s.setups().stream().map(Setup::id).toList()
                + ", servers " + s.servers().stream().map(Server::id).toList() + ", scenarios "
                + s.scenarios().stream().map(Scenario::id).toList() + ")").toList();
    }

    /** Fewer requests than this in a window: nothing sensible can be divided by them. */
    static final int MIN_REQUESTS = 10;
    /** A paced window in which the server answered less than this share of {@code --rate} fails. */
    static final double MIN_RATE_SHARE = 0.95;
    /** Far beyond what one loopback connection set can carry; keeps the pacing period at least 1 µs. */
    static final double MAX_RATE = 1_000_000;

    /** JIT compilation per second of load under which a server counts as warm. */
    static final long QUIET_JIT_MILLIS = 20;

    static List<Cell> cells(List<Suite> plan) {
        List<Cell> cells = new ArrayList<>();
        for (Suite suite : plan) {
            for (Server server : suite.servers()) {
                for (Setup setup : suite.setups()) {
                    for (Scenario scenario : suite.scenarios()) {
                        cells.add(new Cell(suite, setup, server, scenario));
                    }
                }
            }
        }
        return cells;
    }

    private static List<Instance> instances(List<Suite> plan) {
        List<Instance> instances = new ArrayList<>();
        for (Suite suite : plan) {
            for (Server server : suite.servers()) {
                for (Setup setup : suite.setups()) {
                    instances.add(new Instance(suite, setup, server));
                }
            }
        }
        return instances;
    }

    private long estimatedMinutes(List<Cell> cells, List<Instance> instances) {
        if (requests > 0) {
            // Bounded by requests: the starts dominate.
            return Math.round(Math.ceil(forks * instances.size() * 8 / 60.0));
        }
        // A start takes about 10 s on 2 cores, then each scenario's warm-up; as many at a time as processors.
        double starts = 0;
        for (Instance instance : instances) {
            starts += 10 + instance.suite().scenarios().size() * (warmup + warmupMax) / 2;
        }
        long profiled = cells.stream().filter(cell -> profile.contains(cell.setup().id() + ":" + cell.scenario().id())).count();
        double seconds = forks * (starts / starters(instances.size()) + (double) cells.size() * rounds * (window + ramp + 0.3))
                + profiled * (profileSeconds + ramp + 2);
        return Math.round(Math.ceil(seconds / 60));
    }

    /** One server process: a setup of a suite on a server. */
    record Instance(Suite suite, Setup setup, Server server) {

        String key() {
            return suite.id() + "/" + setup.id() + "/" + server.id();
        }
    }

    /**
     * Starts every server process, proves each is the setup it claims to be, and warms it up. As
     * many processes as there are processors go through this at a time: a JVM's start is mostly
     * single-threaded, nothing is measured yet, and the warm-up goes on while the JIT compiles,
     * however much CPU the others take.
     */
    private Map<String, ServerProcess> startAll(List<Instance> instances, Path dir, String logSuffix) throws Exception {
        ExecutorService starters = Executors.newFixedThreadPool(starters(instances.size()));
        try {
            Map<String, Future<ServerProcess>> started = new LinkedHashMap<>();
            for (Instance instance : instances) {
                started.put(instance.key(), starters.submit(() -> {
                    ServerProcess process = start(instance, dir, logSuffix);
                    warm(instance, process);
                    return process;
                }));
            }
            Map<String, ServerProcess> processes = new LinkedHashMap<>();
            for (Map.Entry<String, Future<ServerProcess>> each : started.entrySet()) {
                try {
                    processes.put(each.getKey(), each.getValue().get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception cause) {
                        throw cause;
                    }
                    throw e;
                }
            }
            return processes;
        } finally {
            starters.shutdownNow();
        }
    }

    private static int starters(int instances) {
        return Math.min(instances, Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    private ServerProcess start(Instance instance, Path dir, String logSuffix) throws Exception {
        List<String> properties = new ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1",
                "spring.main.banner-mode=off"));
        for (String property : instance.setup().properties()) {
            properties.add(redis == null ? property : property.replace(Setup.REDIS_PORT, Integer.toString(redis.port())));
        }
        List<String> jvm = new ArrayList<>(Arrays.asList(serverJvmOptions.trim().split("\\s+")));
        jvm.removeIf(String::isEmpty);
        if (!profile.isEmpty()) {
            // Exact frames in compiled code, and Spring's deep stacks whole.
            jvm.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints",
                    "-XX:FlightRecorderOptions:stackdepth=512"));
        }
        String name = instance.key();
        out.println("Starting " + name + " ...");
        ServerProcess process = ServerProcess.start(name, jvm, instance.server().classPath(System.getProperty("java.class.path"), instance.suite().jarsLeftOut()),
                instance.setup().applicationClass(), properties, dir.resolve("server-" + name.replace('/', '-') + logSuffix + ".log"),
                Duration.ofSeconds(120));
        running.add(process);
        if (!process.webServerClass().contains(instance.server().webServerName())) {
            throw new IllegalStateException(name + " runs on " + process.webServerClass() + ", not " + instance.server().webServerName());
        }
        boolean active = !process.restfaultBeans().isEmpty();
        if (active != instance.setup().restfaultActive()) {
            throw new IllegalStateException(name + ": restfault should be " + (instance.setup().restfaultActive() ? "on" : "off")
                    + " but the application has " + (active ? "its beans " + process.restfaultBeans() : "none of its beans"));
        }
        checkAnswers(instance, process);
        return process;
    }

    private void warm(Instance instance, ServerProcess process) throws Exception {
        for (Scenario scenario : instance.suite().scenarios()) {
            if (warmup > 0 || requests > 0) {
                warm(instance, process, scenario);
            }
        }
    }

    /**
     * Loads {@code scenario} for {@code --warmup} seconds, then a second at a time for as long as
     * the server's JIT still compiles (more than {@value #QUIET_JIT_MILLIS} ms in the last second),
     * up to {@code --warmup-max} seconds in all.
     */
    private void warm(Instance instance, ServerProcess process, Scenario scenario) throws Exception {
        String name = instance.key();
        long started = System.nanoTime();
        try (ClosedLoop loop = ClosedLoop.start(process.port(), scenario, instance.setup().check(), connections)) {
            load(loop, warmup);
            ServerProcess.JvmStats before = process.stats();
            double extra = 0;
            boolean quiet = false;
            while (requests == 0 && warmup + extra < warmupMax) {
                sleep(1);
                extra++;
                ServerProcess.JvmStats after = process.stats();
                if (after.compileMillis() - before.compileMillis() <= QUIET_JIT_MILLIS) {
                    quiet = true;
                    break;
                }
                before = after;
            }
            failIfFailed(name + "/" + scenario.id(), loop);
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(Locale.ROOT, "  warm-up %s %s: %.0f s, %,.0f requests/s%s%n", name, scenario.id(), seconds,
                    loop.completed() / seconds,
                    quiet || warmup >= warmupMax || requests > 0 ? "" : " (the JIT was still compiling)");
        }
    }

    /** Sends each scenario once and holds the answer to what the setup claims to answer. */
    private void checkAnswers(Instance instance, ServerProcess process) throws Exception {
        Probe probe = new Probe();
        for (Scenario scenario : instance.suite().scenarios()) {
            Exchange exchange = probe.exchange(process.port(), scenario);
            List<String> problems = new ArrayList<>();
            if (exchange.status() != scenario.expectedStatus()) {
                problems.add("status " + exchange.status() + ", expected " + scenario.expectedStatus());
            }
            problems.addAll(instance.setup().check().thoroughProblems(exchange));
            if (!problems.isEmpty()) {
                throw new IllegalStateException(instance.key() + " " + scenario.method() + " " + scenario.path()
                        + " is not answered as the setup claims: " + problems + "\n  headers: " + exchange.headers()
                        + "\n  body: " + exchange.body());
            }
        }
    }

    /** Measures {@code --rounds} rounds, numbered from {@code roundsBefore + 1}, into {@code results}. */
    private void measure(List<Cell> cells, Map<String, ServerProcess> processes, int roundsBefore, Random random,
            Map<Cell, List<Measurement>> results) throws Exception {
        for (int round = roundsBefore + 1; round <= roundsBefore + rounds; round++) {
            List<Cell> order = roundOrder(cells, random);
            out.printf(Locale.ROOT, "Round %d of %d%n", round, rounds * forks);
            // Whether each Redis setup's server sent Redis anything this round: one that never
            // does is not the setup it claims (a request a limit does not count sends nothing).
            Map<String, Boolean> redisUsed = new LinkedHashMap<>();
            for (Cell cell : order) {
                String key = new Instance(cell.suite(), cell.setup(), cell.server()).key();
                ServerProcess process = processes.get(key);
                Measurement m = window(cell, process, round, window);
                results.get(cell).add(m);
                if (cell.setup().usesRedis()) {
                    redisUsed.merge(key, !m.redisCommandsPerRequest().isEmpty(), Boolean::logicalOr);
                }
                out.printf(Locale.ROOT, "  %-46s %7.1f µs/request %7.0f requests/s  user %3s %%  %7.0f B/request  JIT %4d ms  GC %d%n",
                        cell.name(), m.cpuMicrosPerRequest(), m.requestsPerSecond(),
                        Double.isNaN(m.userShare()) ? "?" : Long.toString(Math.round(m.userShare() * 100)),
                        m.allocatedBytesPerRequest(), m.compileMillis(), m.collections());
            }
            for (Map.Entry<String, Boolean> used : redisUsed.entrySet()) {
                if (!used.getValue()) {
                    throw new IllegalStateException(used.getKey() + ": Redis ran no command in round " + round
                            + ": the setup does not use its Redis (or only requests its limits do not count were measured)");
                }
            }
        }
    }

    /**
     * The order of one round: the cells of each server of each suite together, the groups and the
     * cells within each in a random order. Every target compares two cells of one server, so its
     * two windows are at most one group apart rather than a whole round: what disturbs the
     * machine for a while then weighs on both.
     */
    static List<Cell> roundOrder(List<Cell> cells, Random random) {
        Map<String, List<Cell>> groups = new LinkedHashMap<>();
        for (Cell cell : cells) {
            groups.computeIfAbsent(cell.serverGroup(), key -> new ArrayList<>()).add(cell);
        }
        List<List<Cell>> shuffled = new ArrayList<>(groups.values());
        Collections.shuffle(shuffled, random);
        List<Cell> order = new ArrayList<>(cells.size());
        for (List<Cell> group : shuffled) {
            List<Cell> inGroup = new ArrayList<>(group);
            Collections.shuffle(inGroup, random);
            order.addAll(inGroup);
        }
        return order;
    }

    /** Loads {@code cell} for the ramp and then one window, and measures the window. */
    Measurement window(Cell cell, ServerProcess process, int round, double seconds) throws Exception {
        try (ClosedLoop loop = measuredLoad(cell, process)) {
            load(loop, ramp);
            return measureWindow(cell, process, loop, round, seconds);
        }
    }

    /** A load to measure {@code cell} with: paced at {@code --rate}, if given. */
    ClosedLoop measuredLoad(Cell cell, ServerProcess process) throws IOException {
        return ClosedLoop.start(process.port(), cell.scenario(), cell.setup().check(), connections, rate);
    }

    /** Measures {@code seconds} of the running {@code loop}. */
    Measurement measureWindow(Cell cell, ServerProcess process, ClosedLoop loop, int round, double seconds) throws Exception {
        ServerProcess.JvmStats jvm0 = process.stats();
        Map<String, Long> redis0 = cell.setup().usesRedis() ? redis.commandCalls() : Map.of();
        long requests0 = loop.completed();
        long bytes0 = loop.bodyBytes();
        ProcessCpu.Sample cpu0 = process.cpu();
        long t0 = System.nanoTime();
        load(loop, seconds);
        long requests1 = loop.completed();
        Map<String, Long> redis1 = cell.setup().usesRedis() ? redis.commandCalls() : Map.of();
        long bytes1 = loop.bodyBytes();
        ProcessCpu.Sample cpu1 = process.cpu();
        long t1 = System.nanoTime();
        ServerProcess.JvmStats jvm1 = process.stats();
        failIfFailed(cell.name(), loop);
        long requests = requests1 - requests0;
        if (requests < MIN_REQUESTS) {
            throw new IllegalStateException(cell.name() + ": only " + requests + " requests completed in the window; "
                    + "the server or the machine is stuck");
        }
        double achieved = requests / ((t1 - t0) / 1e9);
        if (rate > 0 && this.requests == 0 && achieved < MIN_RATE_SHARE * rate) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "%s: the server answered %.0f requests a second of the %.0f that --rate asks: it cannot keep up, and "
                            + "its figures would not be taken at the pace of the others; lower --rate", cell.name(), achieved, rate));
        }
        Map<String, Double> redisCommands = RedisCommands.perRequest(redis0, redis1, requests);
        double cpuMicros = (cpu1.totalNanos() - cpu0.totalNanos()) / 1_000.0;
        return new Measurement(round, cpuMicros / requests, cpu1.userShareSince(cpu0), requests, (t1 - t0) / 1e9,
                (double) (bytes1 - bytes0) / requests,
                jvm0.compileMillis() < 0 ? -1 : jvm1.compileMillis() - jvm0.compileMillis(),
                jvm1.collections() - jvm0.collections(),
                jvm0.allocatedBytes() < 0 ? Double.NaN : (double) (jvm1.allocatedBytes() - jvm0.allocatedBytes()) / requests,
                redisCommands);
    }

    private static void failIfFailed(String name, ClosedLoop loop) {
        if (loop.failed() > 0) {
            throw new IllegalStateException(name + ": " + loop.failed() + " requests failed or got another status, e.g. "
                    + loop.failureSamples());
        }
    }

    double ramp() {
        return ramp;
    }

    List<String> profileCellsOption() {
        return profile;
    }

    double profileSeconds() {
        return profileSeconds;
    }

    PrintStream out() {
        return out;
    }

    /** Longest a load bounded by {@code --requests} may take: beyond it, the server is stuck. */
    private static final long REQUESTS_TIMEOUT_NANOS = 60_000_000_000L;

    /**
     * Keeps {@code loop} loading for {@code seconds}; with {@code --requests N}, until it has
     * completed N more requests instead (failing if the load fails or stalls).
     */
    void load(ClosedLoop loop, double seconds) throws InterruptedException {
        if (requests == 0) {
            sleep(seconds);
            return;
        }
        long target = loop.completed() + requests;
        long deadline = System.nanoTime() + REQUESTS_TIMEOUT_NANOS;
        while (loop.completed() < target) {
            if (loop.failed() > 0) {
                return; // reported by the caller, with the failures
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + (requests - (target - loop.completed())) + " of " + requests
                        + " requests completed within 60 s; the server or the machine is stuck");
            }
            Thread.sleep(1);
        }
    }

    static void sleep(double seconds) throws InterruptedException {
        Thread.sleep(Math.round(seconds * 1000));
    }

    private Map<String, Object> options() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("rounds", rounds);
        options.put("forks", forks);
        options.put("windowSeconds", window);
        options.put("rampSeconds", ramp);
        options.put("warmupSecondsPerScenario", warmup);
        options.put("warmupMaxSecondsPerScenario", warmupMax);
        options.put("connections", connections);
        options.put("requestsPerSecond", rate == 0 ? null : rate);
        options.put("requestsPerLoad", requests == 0 ? null : requests);
        options.put("serverJvmOptions", serverJvmOptions);
        options.put("seed", seed);
        return options;
    }

    /** How the measured loads send their requests. */
    String loadDescription() {
        return rate == 0 ? connections + " connections, not paced (each sends again as soon as its answer has arrived)"
                : String.format(Locale.ROOT, "%d connections paced at %.0f requests a second", connections, rate);
    }

    private static Map<String, Object> environment() {
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        environment.put("processors", Runtime.getRuntime().availableProcessors());
        environment.put("date", Instant.now().toString());
        return environment;
    }

    private void stopAll() {
        List<ServerProcess> copy;
        synchronized (running) {
            copy = new ArrayList<>(running);
            running.clear();
        }
        for (ServerProcess process : copy) {
            try {
                process.close();
            } catch (IOException e) {
                out.println("could not write the log of a server: " + e);
            }
        }
    }
}
