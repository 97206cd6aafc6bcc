package dev.restfault.benchmarks.e2e;

import java.util.HashMap;
import java.util.Map;

/**
 * What Redis did for the requests of one window, from its {@code INFO commandstats} counts read
 * before and after it: the commands per request and the round trips they come to.
 *
 * <p>Redis counts the commands a script runs as calls too: restfault's Redis store sends one
 * {@code EVALSHA} (or {@code EVAL}, when Redis does not know the script yet) per permitted request,
 * whose script runs one {@code GET} and at most one {@code SET} inside Redis. Those are no round
 * trips of their own; {@link #roundTrips(Map)} leaves them out.
 */
final class RedisCommands {

    private RedisCommands() {
    }

    /**
     * The calls of each command between {@code before} and {@code after} (calls by lower-case
     * command name) divided by {@code requests}; a command with no call in the window is left out.
     *
     * @throws IllegalArgumentException if {@code requests} is not positive
     */
    static Map<String, Double> perRequest(Map<String, Long> before, Map<String, Long> after, long requests) {
        if (requests <= 0) {
            throw new IllegalArgumentException("requests must be positive, not " + requests);
        }
        Map<String, Double> perRequest = new HashMap<>();
        after.forEach((name, calls) -> {
            long inWindow = calls - before.getOrDefault(name, 0L);
            if (inWindow > 0) {
                perRequest.put(name, (double) inWindow / requests);
            }
        });
        return perRequest;
    }

    /**
     * The round trips per request that {@code commandsPerRequest} (from {@link #perRequest}) come
     * to: each {@code EVALSHA} and {@code EVAL}; the {@code GET}s and {@code SET}s beyond the one
     * of each script (a plain {@code GET} is how the store reads a bucket before a refusal); every
     * other command.
     */
    static double roundTrips(Map<String, Double> commandsPerRequest) {
        double scripts = commandsPerRequest.getOrDefault("evalsha", 0.0) + commandsPerRequest.getOrDefault("eval", 0.0);
        double trips = scripts;
        for (Map.Entry<String, Double> command : commandsPerRequest.entrySet()) {
            switch (command.getKey()) {
                case "evalsha", "eval" -> {
                }
                case "get", "set" -> trips += Math.max(0.0, command.getValue() - scripts);
                default -> trips += command.getValue();
            }
        }
        return trips;
    }
}
