package dev.restfault.benchmarks.e2e;

import java.util.List;

/**
 * What a setup's answers must look like, checked once per scenario before the load starts: it
 * proves the setup is the one it claims to be (restfault really on, or really off), so the
 * figures compare what they say they compare.
 */
@FunctionalInterface
public interface ResponseCheck {

    /** Every way {@code exchange} differs from what the setup answers; empty when it is as expected. */
    List<String> problems(Exchange exchange);
}
