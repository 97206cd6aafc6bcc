package dev.restfault.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole benchmark, run tiny so that it cannot rot: every setup of every suite on every server
 * starts, is proven to be what it claims, and answers each scenario as it claims under load (every
 * answer checked), a few requests per load, bounded by request counts; the report and the profile
 * summary are written. No figure is asserted: a run this short measures nothing.
 */
class TinyRunTest {

    private static final int REQUESTS = 10;

    @TempDir
    Path output;

    @Test
    void everySetupOnEveryServerAnswersEveryScenarioAsItClaimsAndTheReportsAreWritten() throws Exception {
        runTiny("--profile", "restfault:200,restfault:404");

        Path run;
        try (Stream<Path> runs = Files.list(output)) {
            run = runs.findFirst().orElseThrow();
        }
        List<Suite> suites = Suites.all();
        int processes = suites.stream().mapToInt(s -> s.setups().size() * s.servers().size()).sum();
        try (Stream<Path> logs = Files.list(run)) {
            assertThat(logs.filter(p -> p.getFileName().toString().startsWith("server-"))).hasSize(processes);
        }

        JsonNode results = JsonMapper.builder().build().readTree(run.resolve("results.json").toFile());
        assertThat(results.path("options").path("requestsPerLoad").asInt()).isEqualTo(REQUESTS);
        for (int i = 0; i < suites.size(); i++) {
            Suite suite = suites.get(i);
            JsonNode json = results.path("suites").get(i);
            assertThat(json.path("id").asString()).isEqualTo(suite.id());
            List<String> cells = new ArrayList<>();
            for (JsonNode cell : json.path("cells")) {
                cells.add(cell.path("setup").asString() + "/" + cell.path("server").asString() + "/" + cell.path("scenario").asString());
                assertThat(cell.path("rounds")).hasSize(1);
                assertThat(cell.path("rounds").get(0).path("requests").asLong()).isGreaterThanOrEqualTo(REQUESTS);
                // A Redis setup's counted requests went to the Redis the harness started: its scripts
                // ran there; the requests its limit does not count sent Redis nothing.
                JsonNode round = cell.path("rounds").get(0);
                boolean usesRedis = suite.setups().stream()
                        .anyMatch(setup -> setup.id().equals(cell.path("setup").asString()) && setup.usesRedis());
                assertThat(round.has("redisCommandsPerRequest")).as(cell.toString()).isEqualTo(usesRedis);
                if (usesRedis && cell.path("scenario").asString().equals(Suites.COUNTED)) {
                    assertThat(round.path("redisCommandsPerRequest").path("evalsha").asDouble()).as(cell.toString()).isPositive();
                    assertThat(round.path("redisRoundTripsPerRequest").asDouble()).as(cell.toString()).isPositive();
                } else if (usesRedis) {
                    assertThat(round.path("redisCommandsPerRequest").size()).as(cell.toString()).isZero();
                    assertThat(round.path("redisRoundTripsPerRequest").asDouble()).as(cell.toString()).isZero();
                }
            }
            List<String> expected = new ArrayList<>();
            for (Server server : suite.servers()) {
                for (Setup setup : suite.setups()) {
                    for (Scenario scenario : suite.scenarios()) {
                        expected.add(setup.id() + "/" + server.id() + "/" + scenario.id());
                    }
                }
            }
            assertThat(cells).containsExactlyElementsOf(expected);
            assertThat(json.path("targets")).hasSize(suite.targets().size() * suite.servers().size());
        }

        String markdown = Files.readString(run.resolve("results.md"));
        for (Suite suite : suites) {
            assertThat(markdown).contains("## " + suite.title());
            suite.setups().forEach(setup -> assertThat(markdown).contains("| " + setup.label() + " |"));
        }
        assertThat(markdown).contains("Redis per request (median of the rounds)");
        // restfault's 200 and 404 recorded on every server of every suite, the 404 compared with the 200.
        String profile = Files.readString(run.resolve("profile.md"));
        int recorded = 0;
        for (Suite suite : suites) {
            if (suite.setups().stream().noneMatch(setup -> setup.id().equals(Suites.RESTFAULT))) {
                continue;
            }
            for (Server server : suite.servers()) {
                String cell = suite.id() + "/" + Suites.RESTFAULT + "/" + server.id() + "/";
                assertThat(profile).contains("## " + cell + "200", "## " + cell + "404");
                recorded += 2;
            }
        }
        assertThat(profile).contains("### 404 against 200", "| owner (innermost non-JDK frame) |");
        try (Stream<Path> recordings = Files.list(run)) {
            assertThat(recordings.filter(p -> p.toString().endsWith(".jfr"))).hasSize(recorded);
        }
    }

    @Test
    void forksStartEveryServerProcessAfreshAndPoolTheirRounds() throws Exception {
        // Paced, as the limiter's figures are taken: the pacing runs through the whole harness.
        String console = runTiny("--suites", "limiters", "--setups", Suites.NO_LIMITER + "," + Suites.IN_MEMORY, "--forks", "2",
                "--rate", "2000");
        assertThat(console).contains("Fork 2 of 2", "Load: 2 connections paced at 2000 requests a second.");

        Path run;
        try (Stream<Path> runs = Files.list(output)) {
            run = runs.findFirst().orElseThrow();
        }
        // Two setups, each started twice: four processes, four logs.
        try (Stream<Path> logs = Files.list(run)) {
            assertThat(logs.map(p -> p.getFileName().toString()).filter(name -> name.startsWith("server-")))
                    .containsExactlyInAnyOrder("server-limiters-no-limiter-tomcat-fork1.log", "server-limiters-no-limiter-tomcat-fork2.log",
                            "server-limiters-in-memory-tomcat-fork1.log", "server-limiters-in-memory-tomcat-fork2.log");
        }
        JsonNode results = JsonMapper.builder().build().readTree(run.resolve("results.json").toFile());
        assertThat(results.path("options").path("forks").asInt()).isEqualTo(2);
        assertThat(results.path("options").path("requestsPerSecond").asDouble()).isEqualTo(2000);
        JsonNode suite = results.path("suites").get(0);
        assertThat(suite.path("cells")).hasSize(4); // two setups, each with the counted and the uncounted 200
        for (JsonNode cell : suite.path("cells")) {
            List<Integer> rounds = new ArrayList<>();
            cell.path("rounds").forEach(round -> rounds.add(round.path("round").asInt()));
            assertThat(rounds).as(cell.toString()).containsExactly(1, 2);
        }
        // The targets pair the rounds of both forks: across the two setups' processes, and within the limiter's.
        assertThat(suite.path("targets")).hasSize(2);
        assertThat(suite.path("targets").get(0).path("rounds").asInt()).isEqualTo(2);
        assertThat(suite.path("targets").get(1).path("rounds").asInt()).isEqualTo(2);
    }

    /**
     * Runs the benchmark tiny with {@code options} (10 requests per load, one round, 2 connections,
     * small servers), holds it to exit 0 and to leave no server running, and returns its console.
     */
    private String runTiny(String... options) {
        List<String> args = new ArrayList<>(List.of(options));
        args.addAll(List.of("--requests", Integer.toString(REQUESTS), "--rounds", "1", "--connections", "2",
                // Small, quickly started servers: nothing here is measured.
                "--server-jvm-options", "-Xmx192m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
                "--output", output.toString()));
        StringWriter err = new StringWriter();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = new CommandLine(new EndToEndBenchmark()).setErr(new PrintWriter(err)).execute(args.toArray(String[]::new));
        } finally {
            System.setOut(original);
        }
        String console = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("exit code; console:%n%s%nerrors:%n%s", console, err).isZero();
        // The servers are stopped when the run ends.
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
        return console;
    }
}
