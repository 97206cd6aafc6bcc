package dev.restfault.benchmarks;

import dev.restfault.core.model.PartnerCenterError;
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
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writing the typical error body to bytes: restfault's streaming writer against Jackson databind
 * writing an equivalent POJO, and Jackson writing Spring's {@code ProblemDetail} the way Spring's
 * Jackson 3 message converter does (with its mixin).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class WriteErrorBenchmark {

    private ErrorWriter writer;
    private PartnerCenterError error;
    private JsonMapper mapper;
    private JsonMapper springMapper;
    private ErrorPojo pojo;
    private ProblemDetail problemDetail;

    @Setup
    public void setUp() {
        writer = ErrorWriter.standard();
        error = Fixtures.restfaultError();
        mapper = JsonMapper.builder().build();
        springMapper = JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
        pojo = Fixtures.pojo();
        problemDetail = Fixtures.springProblemDetail();
    }

    @Benchmark
    public byte[] restfault() {
        return writer.writePartnerCenter(error);
    }

    /** Building the validated model (description check included) and writing it: a server's real path. */
    @Benchmark
    public byte[] restfaultBuildAndWrite() {
        return writer.writePartnerCenter(Fixtures.restfaultError());
    }

    @Benchmark
    public byte[] databindPojo() {
        return mapper.writeValueAsBytes(pojo);
    }

    @Benchmark
    public byte[] databindSpringProblemDetail() {
        return springMapper.writeValueAsBytes(problemDetail);
    }
}
