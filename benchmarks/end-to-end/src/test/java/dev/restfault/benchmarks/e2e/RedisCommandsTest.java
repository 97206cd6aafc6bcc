package dev.restfault.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisCommandsTest {

    @Test
    void commandsPerRequestAreTheCallsOfTheWindowDividedByItsRequests() {
        Map<String, Double> perRequest = RedisCommands.perRequest(Map.of("evalsha", 100L, "get", 100L, "hello", 1L),
                Map.of("evalsha", 300L, "get", 300L, "set", 200L, "hello", 1L), 200);
        assertThat(perRequest).containsExactlyInAnyOrderEntriesOf(Map.of("evalsha", 1.0, "get", 1.0, "set", 1.0));
        assertThat(RedisCommands.perRequest(Map.of(), Map.of(), 10)).isEmpty();
        assertThatThrownBy(() -> RedisCommands.perRequest(Map.of(), Map.of("get", 1L), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requests must be positive, not 0");
    }

    @Test
    void aScriptsOwnCommandsAreNoRoundTrips() {
        // One EVALSHA per request, whose script runs a GET and a SET inside Redis: one round trip.
        assertThat(RedisCommands.roundTrips(Map.of("evalsha", 1.0, "get", 1.0, "set", 1.0))).isEqualTo(1.0);
        // A stale view: the swap fails (its GET only) and is retried: two round trips.
        assertThat(RedisCommands.roundTrips(Map.of("evalsha", 2.0, "get", 2.0, "set", 1.0))).isEqualTo(2.0);
        // A refusal is one plain GET; anything else the client sends counts too.
        assertThat(RedisCommands.roundTrips(Map.of("get", 1.0))).isEqualTo(1.0);
        assertThat(RedisCommands.roundTrips(Map.of("evalsha", 1.0, "get", 1.5, "set", 1.0, "del", 0.25))).isEqualTo(1.75);
    }
}
