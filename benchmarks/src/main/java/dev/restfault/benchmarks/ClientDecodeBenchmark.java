package dev.restfault.benchmarks;

import dev.restfault.client.ContractErrorException;
import dev.restfault.client.ErrorDecoder;
import dev.restfault.client.RequestContext;
import dev.restfault.json.ErrorWriter;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Decoding a typical Partner Center error response (status, headers, body) into what the caller
 * catches: restfault's {@link ContractErrorException}, with category, code, description, data,
 * Retry-After and ids, against what the official SDK does, Jackson databind into an
 * {@code ApiFault}-like POJO (no headers read at all). No network: the response is in memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ClientDecodeBenchmark {

    private byte[] body;
    private HttpHeaders headers;
    private RequestContext request;
    private ErrorDecoder decoder;
    private JsonMapper mapper;

    @Setup
    public void setUp() {
        body = ErrorWriter.standard().writePartnerCenter(Fixtures.restfaultError());
        headers = HttpHeaders.of(Map.of(
                "content-type", List.of("application/json; charset=utf-8"),
                "ms-requestid", List.of("4ee9b3c8-0ea9-4b3b-a1f3-8a9ce1f3ad2c"),
                "ms-correlationid", List.of("0b6f6a1e-2f0a-4a0e-9a53-0c1d2b3a4f5e"),
                "content-language", List.of("en-US")), (name, value) -> true);
        request = RequestContext.of("POST", URI.create("https://api.example.com/v1/customers"));
        decoder = ErrorDecoder.standard();
        mapper = JsonMapper.builder().build();
    }

    @Benchmark
    public ContractErrorException restfault() {
        return decoder.decode(400, headers, body, request);
    }

    /**
     * Decoding, then reading everything a handler might: the header-derived values are parsed on
     * first use, so this is the cost when all of them are wanted.
     */
    @Benchmark
    public void restfaultDecodeAndReadAll(Blackhole bh) {
        ContractErrorException e = decoder.decode(400, headers, body, request);
        bh.consume(e.code());
        bh.consume(e.description());
        bh.consume(e.category());
        bh.consume(e.data());
        bh.consume(e.retryAfter());
        bh.consume(e.requestId());
        bh.consume(e.correlationId());
        bh.consume(e.contentLanguage());
        bh.consume(e.challenge());
    }

    @Benchmark
    public ApiFault databindApiFault() {
        return mapper.readValue(body, ApiFault.class);
    }
}
