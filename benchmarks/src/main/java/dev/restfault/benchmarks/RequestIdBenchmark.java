package dev.restfault.benchmarks;

import dev.restfault.core.http.RequestIds;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A new request id, as a server assigns two to every request that brings none
 * ({@code MS-CorrelationId}, {@code MS-RequestId}) and a client to every call:
 * {@link RequestIds#generate()} against {@code UUID.randomUUID().toString()}, the JDK's way, both
 * cryptographically strong. On one thread, and on 8 at once (a server's request threads, more of
 * them than cores), where the JDK's generator serializes every id on one lock.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class RequestIdBenchmark {

    @Benchmark
    public String restfault() {
        return RequestIds.generate();
    }

    @Benchmark
    public String jdkRandomUuid() {
        return UUID.randomUUID().toString();
    }

    @Benchmark
    @Threads(8)
    public String restfault8Threads() {
        return RequestIds.generate();
    }

    @Benchmark
    @Threads(8)
    public String jdkRandomUuid8Threads() {
        return UUID.randomUUID().toString();
    }
}
