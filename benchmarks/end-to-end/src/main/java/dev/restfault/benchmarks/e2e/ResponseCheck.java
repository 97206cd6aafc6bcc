package dev.restfault.benchmarks.e2e;

import java.util.List;

/**
 * What a setup's answers must look like: it proves the setup is the one it claims to be
 * (restfault really on, or really off, its answers what they should be), so the figures compare
 * what they say they compare.
 *
 * <p>Two depths: {@link #problems} is held against every answer of the load, so it stays cheap
 * (a few microseconds in the load generator, which shares the machine with the server);
 * {@link #thoroughProblems} may cost more and is held against the answer checked before the
 * load and a sample of the load's answers.
 */
@FunctionalInterface
public interface ResponseCheck {

    /** Every way {@code exchange} differs from what the setup answers; empty when it is as expected. */
    List<String> problems(Exchange exchange);

    /** {@link #problems} and whatever is too costly to check on every answer; by default, {@link #problems}. */
    default List<String> thoroughProblems(Exchange exchange) {
        return problems(exchange);
    }
}
