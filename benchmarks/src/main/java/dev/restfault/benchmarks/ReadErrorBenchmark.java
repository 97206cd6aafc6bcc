package dev.restfault.benchmarks;

import dev.restfault.json.DecodedError;
import dev.restfault.json.ErrorReader;
import dev.restfault.json.ErrorWriter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading the typical error body back: restfault's tolerant streaming reader (validated model
 * included) against Jackson databind into an {@code ApiFault}-like POJO with
 * {@code ignoreUnknown}, what the Partner Center SDK does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ReadErrorBenchmark {

    private byte[] body;
    private ErrorReader reader;
    private JsonMapper mapper;

    @Setup
    public void setUp() {
        body = ErrorWriter.standard().writePartnerCenter(Fixtures.restfaultError());
        reader = ErrorReader.standard();
        mapper = JsonMapper.builder().build();
    }

    @Benchmark
    public DecodedError restfault() {
        return reader.read(body);
    }

    @Benchmark
    public ApiFault databindApiFault() {
        return mapper.readValue(body, ApiFault.class);
    }
}
