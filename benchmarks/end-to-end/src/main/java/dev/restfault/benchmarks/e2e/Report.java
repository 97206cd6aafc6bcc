package dev.restfault.benchmarks.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of a run: per suite and server, a table of median CPU per request with the range
 * of the rounds, the throughput the load reached, and each target with its verdict; the same as
 * JSON, every round included.
 */
final class Report {

    private final List<Suite> plan;
    private final Map<Cell, List<Measurement>> results;
    private final Map<String, Object> environment;
    private final int connections;

    /**
     * @param connections the load's connections: at most that many requests are in flight at
     *     each end of a window, which bounds how far its Redis command count can stray from its requests'
     */
    Report(List<Suite> plan, Map<Cell, List<Measurement>> results, Map<String, Object> environment, int connections) {
        this.connections = connections;
        this.plan = plan;
        this.results = results;
        this.environment = environment;
    }

    private List<Measurement> measurements(Suite suite, String setup, Server server, String scenario) {
        for (Map.Entry<Cell, List<Measurement>> entry : results.entrySet()) {
            Cell cell = entry.getKey();
            if (cell.suite().id().equals(suite.id()) && cell.setup().id().equals(setup) && cell.server() == server
                    && cell.scenario().id().equals(scenario)) {
                return entry.getValue();
            }
        }
        return List.of();
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Server CPU per request, µs: median of the rounds [lowest–highest]. %s, %s processors, %s.%s%n",
                environment.get("java"), environment.get("processors"), environment.get("date"),
                environment.containsKey("load") ? " Load: " + environment.get("load") + "." : ""));
        for (Suite suite : plan) {
            md.append("\n## ").append(suite.title()).append('\n');
            for (Server server : suite.servers()) {
                md.append("\n### ").append(server.id()).append("\n\n");
                table(md, suite, server, Figure.CPU);
                md.append("\nRequests per second reached (median):\n\n");
                table(md, suite, server, Figure.THROUGHPUT);
                md.append("\nBytes the server allocated per request (median):\n\n");
                table(md, suite, server, Figure.ALLOCATION);
                if (suite.setups().stream().anyMatch(Setup::usesRedis)) {
                    redis(md, suite, server);
                }
                targets(md, suite, server);
            }
        }
        warmth(md);
        return md.toString();
    }

    /** Share of a window's server CPU above which its JIT activity is reported: the code was not warm yet. */
    static final double COMPILING_SHARE = 0.02;

    /** Names the windows during which the server still compiled much: their figures include JIT work. */
    private void warmth(StringBuilder md) {
        List<String> compiling = new ArrayList<>();
        int windows = 0;
        for (Map.Entry<Cell, List<Measurement>> entry : results.entrySet()) {
            for (Measurement m : entry.getValue()) {
                windows++;
                double cpuMillis = m.cpuMicrosPerRequest() * m.requests() / 1_000;
                if (m.compileMillis() > COMPILING_SHARE * cpuMillis) {
                    compiling.add(String.format(Locale.ROOT, "%s round %d (%d ms)", entry.getKey().name(), m.round(),
                            m.compileMillis()));
                }
            }
        }
        md.append(String.format(Locale.ROOT, "%nWindows in which the server's JIT compiled for more than %.0f %% of the window's CPU: "
                + "%d of %d%s%n", COMPILING_SHARE * 100, compiling.size(), windows,
                compiling.isEmpty() ? "." : ": " + String.join(", ", compiling) + "."));
    }

    private enum Figure { CPU, THROUGHPUT, ALLOCATION }

    private void table(StringBuilder md, Suite suite, Server server, Figure figure) {
        md.append("| setup |");
        suite.scenarios().forEach(s -> md.append(' ').append(s.id()).append(" |"));
        md.append("\n|---|");
        suite.scenarios().forEach(s -> md.append("---:|"));
        md.append('\n');
        for (Setup setup : suite.setups()) {
            md.append("| ").append(setup.label()).append(" |");
            for (Scenario scenario : suite.scenarios()) {
                List<Measurement> measured = measurements(suite, setup.id(), server, scenario.id());
                if (measured.isEmpty()) {
                    md.append(" – |");
                } else if (figure == Figure.CPU) {
                    Stats stats = Stats.of(measured.stream().map(Measurement::cpuMicrosPerRequest).toList());
                    md.append(String.format(Locale.ROOT, " %.1f [%.1f–%.1f] |", stats.median(), stats.min(), stats.max()));
                } else {
                    List<Double> values = measured.stream().map(figure == Figure.THROUGHPUT
                            ? Measurement::requestsPerSecond : Measurement::allocatedBytesPerRequest)
                            .filter(Double::isFinite).toList();
                    md.append(values.isEmpty() ? " ? |" : String.format(Locale.ROOT, " %,.0f |", Stats.of(values).median()));
                }
            }
            md.append('\n');
        }
    }

    /** Most Redis round trips a request may make (issue 15: one, no more). */
    static final double REDIS_ROUND_TRIPS_AT_MOST = 1.0;

    /** The Redis setups' round trips and commands per request, medians of the rounds. */
    private void redis(StringBuilder md, Suite suite, Server server) {
        md.append(String.format(Locale.ROOT, "%nRedis per request (median of the rounds): the round trips (target: at most %.0f) "
                + "and every command Redis ran, a script's own included:%n%n| setup | scenario | round trips | met | commands |%n"
                + "|---|---|---:|:---:|---|%n", REDIS_ROUND_TRIPS_AT_MOST));
        for (Setup setup : suite.setups()) {
            if (!setup.usesRedis()) {
                continue;
            }
            for (Scenario scenario : suite.scenarios()) {
                List<Measurement> measured = measurements(suite, setup.id(), server, scenario.id());
                if (measured.isEmpty()) {
                    continue;
                }
                double trips = Stats.of(measured.stream().map(m -> RedisCommands.roundTrips(m.redisCommandsPerRequest())).toList())
                        .median();
                // A window's commands and its answered requests differ by the requests in flight
                // at its two ends (Redis ran a command whose answer came after the window, or the
                // other way round): judged without that much, the count stays exact.
                double judged = Stats.of(measured.stream()
                        .map(m -> RedisCommands.roundTrips(m.redisCommandsPerRequest()) - (double) connections / m.requests()).toList())
                        .median();
                Set<String> names = new TreeSet<>();
                measured.forEach(m -> names.addAll(m.redisCommandsPerRequest().keySet()));
                List<String> commands = new ArrayList<>();
                for (String name : names) {
                    double median = Stats.of(measured.stream().map(m -> m.redisCommandsPerRequest().getOrDefault(name, 0.0)).toList())
                            .median();
                    commands.add(String.format(Locale.ROOT, "`%s` %.2f", name, median));
                }
                md.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %s | %s |%n", setup.label(), scenario.id(), trips,
                        judged <= REDIS_ROUND_TRIPS_AT_MOST ? "yes" : "**no**", commands.isEmpty() ? "none" : String.join(", ", commands)));
            }
        }
    }

    private void targets(StringBuilder md, Suite suite, Server server) {
        if (suite.targets().isEmpty()) {
            return;
        }
        md.append("\nTargets: \"measured\" is the median over the rounds of each round's comparison of the two cells;"
                + " \"interval\" a confidence interval for that median (distribution-free, from the rounds' order statistics);"
                + " the verdict is yes or no only when the whole interval is on one side of the limit, and \"undecided\""
                + " when the machine's noise is larger than the distance to the limit. \"of the medians\" compares the two"
                + " medians above.\n");
        md.append("\n| target | measured | interval | of the medians | limit | met |\n|---|---:|---:|---:|---:|:---:|\n");
        for (Target target : suite.targets()) {
            Verdict verdict = verdict(suite, server, target);
            Target.Judgement j = verdict.judgement();
            String unit = target.kind() == Target.Kind.EXCESS_AT_MOST ? " µs" : "×";
            md.append(String.format(Locale.ROOT, "| %s | %.2f%s | %.2f–%.2f (%.0f %%, %d rounds) | %.2f%s | %s%.2f%s | %s |%n",
                    target.label(), j.measure(), unit, j.low(), j.high(), j.confidence() * 100, j.rounds(), verdict.ofMedians(),
                    unit, target.kind() == Target.Kind.RATIO_AT_LEAST ? "≥ " : "≤ ", target.limit(), unit, word(j.decision())));
        }
    }

    private static String word(Target.Decision decision) {
        return switch (decision) {
            case MET -> "yes";
            case NOT_MET -> "**no**";
            case UNDECIDED -> "undecided";
            case UNKNOWN -> "?";
        };
    }

    private Verdict verdict(Suite suite, Server server, Target target) {
        Map<Integer, Double> values = byRound(suite, target.setup(), server, target.scenario());
        Map<Integer, Double> bases = byRound(suite, target.baseSetup(), server, target.baseScenario());
        return new Verdict(target.judge(values, bases), target.measure(median(values), median(bases)));
    }

    /** The median CPU µs per request of a cell's rounds, or {@code NaN} if it was not measured. */
    private static double median(Map<Integer, Double> byRound) {
        return byRound.isEmpty() ? Double.NaN : Stats.of(List.copyOf(byRound.values())).median();
    }

    private Map<Integer, Double> byRound(Suite suite, String setup, Server server, String scenario) {
        Map<Integer, Double> byRound = new LinkedHashMap<>();
        for (Measurement m : measurements(suite, setup, server, scenario)) {
            byRound.put(m.round(), m.cpuMicrosPerRequest());
        }
        return byRound;
    }

    /**
     * @param judgement the rounds' comparisons judged
     * @param ofMedians the comparison of the two cells' medians
     */
    private record Verdict(Target.Judgement judgement, double ofMedians) {
    }

    /** Writes every round of every cell, the statistics and the verdicts as JSON. */
    void writeJson(Path file, Map<String, Object> options) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("environment", environment);
        root.put("options", options);
        List<Object> suites = new ArrayList<>();
        for (Suite suite : plan) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", suite.id());
            json.put("title", suite.title());
            List<Object> cells = new ArrayList<>();
            List<Object> verdicts = new ArrayList<>();
            for (Server server : suite.servers()) {
                for (Setup setup : suite.setups()) {
                    for (Scenario scenario : suite.scenarios()) {
                        List<Measurement> measured = measurements(suite, setup.id(), server, scenario.id());
                        if (!measured.isEmpty()) {
                            cells.add(cellJson(setup, server, scenario, measured));
                        }
                    }
                }
                for (Target target : suite.targets()) {
                    Verdict verdict = verdict(suite, server, target);
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("server", server.id());
                    v.put("target", target.label());
                    Target.Judgement j = verdict.judgement();
                    v.put("measure", finite(j.measure()));
                    v.put("low", finite(j.low()));
                    v.put("high", finite(j.high()));
                    v.put("confidence", finite(j.confidence()));
                    v.put("rounds", j.rounds());
                    v.put("measureOfMedians", finite(verdict.ofMedians()));
                    v.put("limit", target.limit());
                    v.put("met", j.decision() == Target.Decision.MET);
                    v.put("decision", j.decision().name());
                    verdicts.add(v);
                }
            }
            json.put("cells", cells);
            json.put("targets", verdicts);
            suites.add(json);
        }
        root.put("suites", suites);
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(file, mapper.writeValueAsString(root));
    }

    private static Map<String, Object> cellJson(Setup setup, Server server, Scenario scenario, List<Measurement> measured) {
        Stats cpu = Stats.of(measured.stream().map(Measurement::cpuMicrosPerRequest).toList());
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("setup", setup.id());
        cell.put("server", server.id());
        cell.put("scenario", scenario.id());
        cell.put("request", scenario.method() + " " + scenario.path());
        cell.put("cpuMicrosPerRequestMedian", cpu.median());
        cell.put("cpuMicrosPerRequestMin", cpu.min());
        cell.put("cpuMicrosPerRequestMax", cpu.max());
        cell.put("requestsPerSecondMedian", Stats.of(measured.stream().map(Measurement::requestsPerSecond).toList()).median());
        List<Double> allocation = measured.stream().map(Measurement::allocatedBytesPerRequest).filter(Double::isFinite).toList();
        cell.put("allocatedBytesPerRequestMedian", allocation.isEmpty() ? null : Stats.of(allocation).median());
        List<Object> rounds = new ArrayList<>();
        for (Measurement m : measured) {
            Map<String, Object> round = new LinkedHashMap<>();
            round.put("round", m.round());
            round.put("cpuMicrosPerRequest", m.cpuMicrosPerRequest());
            round.put("userShare", finite(m.userShare()));
            round.put("requests", m.requests());
            round.put("seconds", m.seconds());
            round.put("bodyBytesPerRequest", m.bodyBytesPerRequest());
            round.put("compileMillis", m.compileMillis());
            round.put("collections", m.collections());
            round.put("allocatedBytesPerRequest", finite(m.allocatedBytesPerRequest()));
            if (setup.usesRedis()) {
                round.put("redisCommandsPerRequest", m.redisCommandsPerRequest());
                round.put("redisRoundTripsPerRequest", RedisCommands.roundTrips(m.redisCommandsPerRequest()));
            }
            rounds.add(round);
        }
        cell.put("rounds", rounds);
        return cell;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
