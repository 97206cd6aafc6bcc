package dev.restfault.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's verdicts from given measurements: no server involved. */
class ReportTest {

    private static final Suite LIMITERS = Suites.limiters();
    private static final int CONNECTIONS = 16;

    /** One round of the Redis setup's counted 200: {@code requests} answered, {@code evalsha} calls run meanwhile. */
    private static Measurement redisRound(int round, long requests, long evalsha) {
        Map<String, Long> before = Map.of();
        Map<String, Long> after = Map.of("evalsha", evalsha, "get", evalsha, "set", evalsha);
        return new Measurement(round, 100, 0.5, requests, 2, 50, 0, 0, 10_000, RedisCommands.perRequest(before, after, requests));
    }

    private static String redisRow(List<Measurement> rounds) {
        Setup redis = LIMITERS.setups().stream().filter(s -> s.id().equals(Suites.REDIS)).findFirst().orElseThrow();
        Scenario counted = LIMITERS.scenarios().stream().filter(s -> s.id().equals(Suites.COUNTED)).findFirst().orElseThrow();
        Map<Cell, List<Measurement>> results = new LinkedHashMap<>();
        results.put(new Cell(LIMITERS, redis, Server.TOMCAT, counted), rounds);
        String markdown = new Report(List.of(LIMITERS), results, Map.of("java", "test", "processors", 2, "date", "today"),
                CONNECTIONS).markdown();
        return markdown.lines().filter(line -> line.startsWith("| Redis | 200 |")).findFirst().orElseThrow();
    }

    @Test
    void oneRoundTripPerRequestIsMetThoughTheWindowsEdgesCountAFewCommandsMore() {
        // Requests in flight when a window closes ran their command in it but are answered after:
        // up to one per connection more commands than answers, never one more per request.
        List<Measurement> rounds = new ArrayList<>();
        for (int round = 1; round <= 5; round++) {
            rounds.add(redisRound(round, 12_000, 12_000 + CONNECTIONS));
        }
        assertThat(redisRow(rounds)).isEqualTo("| Redis | 200 | 1.00 | yes | `evalsha` 1.00, `get` 1.00, `set` 1.00 |");
    }

    @Test
    void anExtraRoundTripForOneRequestInAHundredIsNotMet() {
        List<Measurement> rounds = new ArrayList<>();
        for (int round = 1; round <= 5; round++) {
            rounds.add(redisRound(round, 12_000, 12_120));
        }
        assertThat(redisRow(rounds)).isEqualTo("| Redis | 200 | 1.01 | **no** | `evalsha` 1.01, `get` 1.01, `set` 1.01 |");
    }
}
