package dev.restfault.benchmarks.e2e;

import java.util.Map;

/**
 * One measured window of one cell: the server's CPU time over the requests it completed.
 *
 * @param round               the round it belongs to (1-based)
 * @param cpuMicrosPerRequest server CPU time (user + system, all threads) per completed request, µs
 * @param userShare           the part of that CPU that was user time (0..1), or {@code NaN} where unknown
 * @param requests            requests completed in the window
 * @param seconds             the window's length, s
 * @param bodyBytesPerRequest response body bytes per request
 * @param compileMillis       time the server's JIT compilers spent in the window, ms (-1 where unknown): a
 *                            window that still compiles much was measured before the code was warm
 * @param collections         garbage collections in the window
 * @param allocatedBytesPerRequest bytes the server allocated per request ({@code NaN} where unknown)
 * @param redisCommandsPerRequest the commands Redis ran per request, by name (empty for a setup without Redis)
 */
record Measurement(int round, double cpuMicrosPerRequest, double userShare, long requests, double seconds,
        double bodyBytesPerRequest, long compileMillis, long collections, double allocatedBytesPerRequest,
        Map<String, Double> redisCommandsPerRequest) {

    Measurement {
        redisCommandsPerRequest = Map.copyOf(redisCommandsPerRequest);
    }

    /** Requests completed per second in the window. */
    double requestsPerSecond() {
        return requests / seconds;
    }
}
