package dev.restfault.benchmarks;

import dev.restfault.core.exception.ContractException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Creating the exception a server throws for a 404: restfault's {@link ContractException}
 * (no stack trace) against a plain {@link RuntimeException}, whose cost grows with the depth of
 * the stack it captures. {@code stackDepth} adds frames below the benchmark method: 0 is JMH's
 * own shallow stack, 100 is closer to a controller under Spring MVC, filters and a servlet
 * container.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ExceptionCreationBenchmark {

    @Param({"0", "100"})
    public int stackDepth;

    @Benchmark
    public RuntimeException contractException() {
        return deep(stackDepth, true);
    }

    @Benchmark
    public RuntimeException runtimeException() {
        return deep(stackDepth, false);
    }

    private static RuntimeException deep(int depth, boolean contract) {
        if (depth > 0) {
            return deep(depth - 1, contract);
        }
        return contract
                ? ContractException.notFound("Customer 42 does not exist.")
                : new RuntimeException("Customer 42 does not exist.");
    }
}
