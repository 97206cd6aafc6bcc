package dev.restfault.benchmarks.e2e.app;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The one application of the end-to-end benchmark: {@link ItemController} and nothing else of its
 * own. What differs between setups is configuration only (which error handling is on, which
 * server runs), plus the {@link Failures} bean chosen by {@value #FAILURES_PROPERTY}.
 */
@SpringBootApplication
public class BenchmarkApplication {

    /** {@code contract} ({@code ContractException}) or {@code response-status} ({@code ResponseStatusException}). */
    public static final String FAILURES_PROPERTY = "benchmark.failures";

    @Bean
    Failures failures(@Value("${" + FAILURES_PROPERTY + "}") String kind) {
        return switch (kind) {
            case "contract" -> new ContractFailures();
            case "response-status" -> new ResponseStatusFailures();
            default -> throw new IllegalArgumentException(
                    FAILURES_PROPERTY + " must be 'contract' or 'response-status', not '" + kind + "'");
        };
    }
}
