package dev.restfault.benchmarks.e2e.app;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The one application of the end-to-end benchmark: {@link ItemController} and nothing else of its
 * own. What differs between setups is configuration only (which error handling is on, which
 * server runs), plus the {@link Failures} bean chosen by {@value #FAILURES_PROPERTY} and, for the
 * floor setups, their one error handler ({@link FloorServletHandling}, {@link FloorReactiveHandling}).
 */
@SpringBootApplication
public class BenchmarkApplication {

    /**
     * {@code contract} ({@code ContractException}), {@code response-status}
     * ({@code ResponseStatusException}) or {@code floor} (a bare status, answered by the floor's own
     * handler: {@link FloorAnswers}).
     */
    public static final String FAILURES_PROPERTY = "benchmark.failures";

    /**
     * With the floor's failures: whether its handler writes every header of the contract's answer
     * ({@code true}: the contract floor, run with restfault's starter on for its request ids) or
     * the floor's few ({@code false}, the default).
     */
    public static final String FLOOR_CONTRACT_PROPERTY = "benchmark.floor.contract";

    /** The source the contract floor's error bodies name, which tells its answers from restfault's. */
    public static final String CONTRACT_FLOOR_SOURCE = "floor";

    @Bean
    Failures failures(@Value("${" + FAILURES_PROPERTY + "}") String kind) {
        return switch (kind) {
            case "contract" -> new ContractFailures();
            case "response-status" -> new ResponseStatusFailures();
            case "floor" -> new FloorFailures();
            default -> throw new IllegalArgumentException(
                    FAILURES_PROPERTY + " must be 'contract', 'response-status' or 'floor', not '" + kind + "'");
        };
    }
}
