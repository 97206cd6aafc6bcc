package dev.restfault.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EndToEndBenchmarkTest {

    private static EndToEndBenchmark parse(String... args) {
        EndToEndBenchmark benchmark = new EndToEndBenchmark();
        new CommandLine(benchmark).parseArgs(args);
        return benchmark;
    }

    @Test
    void byDefaultEverySuiteRunsWhole() {
        List<Suite> plan = parse().plan();
        assertThat(plan).extracting(Suite::id).isEqualTo(Suites.all().stream().map(Suite::id).toList());
        assertThat(plan.get(0)).isEqualTo(Suites.all().get(0));
    }

    @Test
    void optionsNarrowTheSuiteAndKeepOnlyTheTargetsWhoseCellsAreMeasured() {
        Suite suite = parse("--setups", "restfault,spring-default", "--servers", "JETTY", "--scenarios", "200,404").plan().get(0);
        assertThat(suite.setups()).extracting(Setup::id).containsExactly("restfault", "spring-default");
        assertThat(suite.servers()).containsExactly(Server.JETTY);
        assertThat(suite.scenarios()).extracting(Scenario::id).containsExactly("200", "404");
        assertThat(suite.targets()).extracting(Target::label)
                .containsExactly("restfault 404 ≤ 1.1× its 200", "spring-default 404 ≥ 2.0× restfault");
    }

    @Test
    void aRoundVisitsTheCellsOfOneServerTogetherInARandomOrder() {
        List<Cell> cells = EndToEndBenchmark.cells(parse("--suites", "mvc-errors,webflux-errors").plan());
        Random random = new Random(7);
        List<Cell> first = EndToEndBenchmark.roundOrder(cells, random);
        List<Cell> second = EndToEndBenchmark.roundOrder(cells, random);
        for (List<Cell> order : List.of(first, second)) {
            assertThat(order).containsExactlyInAnyOrderElementsOf(cells);
            // Each suite/server group is one contiguous run: the group changes exactly (groups - 1) times.
            long groups = cells.stream().map(Cell::serverGroup).distinct().count();
            int changes = 0;
            for (int i = 1; i < order.size(); i++) {
                if (!order.get(i - 1).serverGroup().equals(order.get(i).serverGroup())) {
                    changes++;
                }
            }
            assertThat(changes).isEqualTo(groups - 1);
        }
        assertThat(first).as("shuffled, not the plan's order").isNotEqualTo(cells);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void optionsThatSelectNothingAreRefusedWithWhatExists() {
        assertThatThrownBy(() -> parse("--setups", "undertow").plan())
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("nothing to run").hasMessageContaining("mvc-errors").hasMessageContaining("spring-default");
    }

    @Test
    void anIdNoSuiteHasIsRefusedEvenBesideIdsThatExist() {
        // "default" for "spring-default" used to run restfault alone and drop every target against Spring.
        assertThatThrownBy(() -> parse("--suites", "webflux-errors", "--setups", "restfault,default").plan())
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--setups names 'default', which no suite has").hasMessageContaining("spring-default");
        assertThatThrownBy(() -> parse("--suites", "mvc-errors,webflux").plan())
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--suites names 'webflux'");
        assertThatThrownBy(() -> parse("--scenarios", "200,418").plan())
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--scenarios names '418'");
        assertThatThrownBy(() -> parse("--servers", "tomcat,undertow").plan())
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--servers names 'undertow'");
        // Server ids are matched without regard to case, as they always were.
        assertThat(parse("--servers", "TOMCAT").plan()).isNotEmpty();
    }

    @Test
    void badNumbersAndProfileCellsAreRefusedBeforeAnythingStarts() {
        StringWriter err = new StringWriter();
        CommandLine rounds = new CommandLine(new EndToEndBenchmark()).setErr(new PrintWriter(err));
        assertThat(rounds.execute("--rounds", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--rounds, --forks and --connections must be at least 1");
        err.getBuffer().setLength(0);
        CommandLine forks = new CommandLine(new EndToEndBenchmark()).setErr(new PrintWriter(err));
        assertThat(forks.execute("--forks", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--rounds, --forks and --connections must be at least 1");
        err.getBuffer().setLength(0);
        CommandLine rate = new CommandLine(new EndToEndBenchmark()).setErr(new PrintWriter(err));
        assertThat(rate.execute("--rate", "-5")).isEqualTo(2);
        assertThat(err.toString()).contains("--rate must be 0 (no pacing) or a positive number of requests a second up to 1000000");
        err.getBuffer().setLength(0);
        CommandLine profile = new CommandLine(new EndToEndBenchmark()).setErr(new PrintWriter(err));
        assertThat(profile.execute("--profile", "restfault")).isEqualTo(2);
        assertThat(err.toString()).contains("--profile takes SETUP:SCENARIO pairs, not 'restfault'");
        err.getBuffer().setLength(0);
        CommandLine unmeasured = new CommandLine(new EndToEndBenchmark()).setErr(new PrintWriter(err));
        assertThat(unmeasured.execute("--scenarios", "200", "--profile", "restfault:404", "--list")).isEqualTo(2);
        assertThat(err.toString()).contains("--profile restfault:404 names no setup and scenario that this run measures");
    }

    @Test
    void listingNamesTheCellsWithoutStartingAServer() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(new CommandLine(new EndToEndBenchmark())
                    .execute("--list", "--suites", "mvc-errors", "--scenarios", "404")).isZero();
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("10 cells on 10 server processes")
                .contains("mvc-errors/restfault/tomcat/404", "mvc-errors/spring-problem-details/jetty/404", "mvc-errors/floor/jetty/404",
                        "mvc-errors/contract-floor/tomcat/404");
    }

    @Test
    void jvmStatsAreParsedFromTheServersReply() {
        assertThat(ServerProcess.JvmStats.parse("compile-ms=1234 gc-count=7 gc-ms=56 alloc-bytes=-1"))
                .isEqualTo(new ServerProcess.JvmStats(1234, 7, 56, -1));
        assertThatThrownBy(() -> ServerProcess.JvmStats.parse("compile-ms=1 gc-count=2 gc-ms=3"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed stats line");
        assertThatThrownBy(() -> ServerProcess.JvmStats.parse("compile-ms=1 gc-count=2 gc-ms=x alloc-bytes=4"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed stats line");
    }
}
