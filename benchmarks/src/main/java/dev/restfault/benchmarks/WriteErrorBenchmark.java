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
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.core.util.ByteArrayBuilder;
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

    // Pre-encoded names, as restfault's writer and databind's serializers use them.
    private static final SerializedString CODE_NAME = new SerializedString("code");
    private static final SerializedString DESCRIPTION_NAME = new SerializedString("description");
    private static final SerializedString SOURCE_NAME = new SerializedString("source");
    private static final SerializedString DATA_NAME = new SerializedString("data");

    private ErrorWriter writer;
    private PartnerCenterError error;
    private JsonMapper mapper;
    private JsonMapper springMapper;
    private ErrorPojo pojo;
    private ProblemDetail problemDetail;
    private JsonFactory factory;

    @Setup
    public void setUp() {
        writer = ErrorWriter.standard();
        error = Fixtures.restfaultError();
        mapper = JsonMapper.builder().build();
        springMapper = JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
        pojo = Fixtures.pojo();
        problemDetail = Fixtures.springProblemDetail();
        factory = JsonFactory.builder().build();
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

    /**
     * The floor under all three: Jackson's generator alone writing the same members from
     * constants into a pooled buffer, with nothing checked or looked up: the least a writer of
     * this body does on Jackson's generator.
     */
    @Benchmark
    public byte[] jacksonGeneratorOnly() {
        BufferRecycler recycler = factory._getBufferRecycler();
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(recycler)) {
            try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), bytes, JsonEncoding.UTF8)) {
                g.writeStartObject();
                string(g, CODE_NAME, Fixtures.CODE);
                string(g, DESCRIPTION_NAME, Fixtures.DESCRIPTION);
                g.writeName(DATA_NAME);
                g.writeStartArray();
                g.writeStartObject();
                string(g, CODE_NAME, Fixtures.DATA_CODE_1);
                string(g, DESCRIPTION_NAME, Fixtures.DATA_DESCRIPTION_1);
                string(g, SOURCE_NAME, Fixtures.DATA_SOURCE_1);
                g.writeEndObject();
                g.writeStartObject();
                string(g, CODE_NAME, Fixtures.DATA_CODE_2);
                string(g, DESCRIPTION_NAME, Fixtures.DATA_DESCRIPTION_2);
                string(g, SOURCE_NAME, Fixtures.DATA_SOURCE_2);
                g.writeEndObject();
                g.writeEndArray();
                string(g, SOURCE_NAME, Fixtures.SOURCE);
                g.writeEndObject();
            }
            return bytes.getClearAndRelease();
        } finally {
            recycler.releaseToPool();
        }
    }

    private static void string(JsonGenerator g, SerializedString name, String value) {
        g.writeName(name);
        g.writeString(value);
    }
}
