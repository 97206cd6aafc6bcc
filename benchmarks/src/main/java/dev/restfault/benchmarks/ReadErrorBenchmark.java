package dev.restfault.benchmarks;

import dev.restfault.json.DecodedError;
import dev.restfault.json.ErrorReader;
import dev.restfault.json.ErrorWriter;
import dev.restfault.json.implementation.StripedRecyclerPool;
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
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
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
    private JsonFactory factory;
    private JsonFactory stripedFactory;

    @Setup
    public void setUp() {
        body = ErrorWriter.standard().writePartnerCenter(Fixtures.restfaultError());
        reader = ErrorReader.standard();
        mapper = JsonMapper.builder().build();
        factory = JsonFactory.builder().build();
        stripedFactory = JsonFactory.builder().recyclerPool(StripedRecyclerPool.INSTANCE).build();
    }

    @Benchmark
    public DecodedError restfault() {
        return reader.read(body);
    }

    @Benchmark
    public ApiFault databindApiFault() {
        return mapper.readValue(body, ApiFault.class);
    }

    /**
     * The floor under both: Jackson's streaming parser alone, creating a parser and taking every
     * token of the body and the text of every string value, building nothing: the least a reader
     * that returns the body's strings does on Jackson's streaming API.
     */
    @Benchmark
    public int jacksonTokensOnly(Blackhole bh) {
        return tokens(factory, bh);
    }

    /**
     * The same floor on the buffer pool restfault's reader uses instead of Jackson's default: the
     * floor of a reader that chooses its pool, so that the reader's ratio to the floor does not
     * count the pool as restfault's own gain.
     */
    @Benchmark
    public int jacksonTokensOnlyStripedPool(Blackhole bh) {
        return tokens(stripedFactory, bh);
    }

    private int tokens(JsonFactory f, Blackhole bh) {
        int tokens = 0;
        try (JsonParser p = f.createParser(ObjectReadContext.empty(), body)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                tokens++;
                if (t == JsonToken.VALUE_STRING) {
                    bh.consume(p.getString());
                }
            }
        }
        return tokens;
    }
}
