package dev.restfault.benchmarks;

import dev.restfault.client.ClientContract;
import dev.restfault.client.ContractErrorException;
import dev.restfault.feign.FeignContract;
import dev.restfault.json.ErrorWriter;
import dev.restfault.spring.client.ContractErrorHandler;
import dev.restfault.spring.client.ContractExchangeFilter;
import feign.FeignException;
import feign.Request;
import feign.RequestTemplate;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
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
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;

/**
 * Decoding one error response (the typical Partner Center 400 of {@link Fixtures}, with its
 * headers) through each client integration, against that integration's default: what the caller
 * catches, and reads, when a call fails. No network: each response is built in memory, per
 * operation, on both sides alike.
 *
 * <ul>
 *   <li>RestClient / RestTemplate: {@link ContractErrorHandler} against Spring's
 *       {@code DefaultResponseErrorHandler} (what both use by default) with Jackson, the body then
 *       read with {@code getResponseBodyAs(ProblemDetail.class)};</li>
 *   <li>WebClient: {@link ContractExchangeFilter#statusHandler} (body read as data buffers, capped,
 *       timed) against {@code ClientResponse.createException()} and
 *       {@code getResponseBodyAs(ProblemDetail.class)};</li>
 *   <li>OpenFeign: {@link FeignContract#errorDecoder()} (decoding and the retry policy's decision)
 *       against Feign's {@code ErrorDecoder.Default} ({@code FeignException} with the body as
 *       bytes, nothing parsed).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ClientIntegrationsBenchmark {

    private static final URI URI_ = URI.create("https://api.example.com/v1/customers");

    private byte[] body;
    private HttpHeaders springHeaders;
    private Map<String, Collection<String>> feignHeaders;
    private ContractErrorHandler restfaultHandler;
    private DefaultResponseErrorHandler springHandler;
    private ContractExchangeFilter restfaultFilter;
    private ExchangeStrategies strategies;
    private ErrorDecoder restfaultFeign;
    private ErrorDecoder feignDefault;
    private Request feignRequest;

    @Setup
    public void setUp() {
        body = ErrorWriter.standard().writePartnerCenter(Fixtures.restfaultError());
        springHeaders = new HttpHeaders();
        springHeaders.add("Content-Type", "application/json; charset=utf-8");
        springHeaders.add("MS-RequestId", "4ee9b3c8-0ea9-4b3b-a1f3-8a9ce1f3ad2c");
        springHeaders.add("MS-CorrelationId", "0b6f6a1e-2f0a-4a0e-9a53-0c1d2b3a4f5e");
        springHeaders.add("Content-Language", "en-US");
        springHeaders = HttpHeaders.readOnlyHttpHeaders(springHeaders);
        feignHeaders = Map.of(
                "content-type", List.of("application/json; charset=utf-8"),
                "ms-requestid", List.of("4ee9b3c8-0ea9-4b3b-a1f3-8a9ce1f3ad2c"),
                "ms-correlationid", List.of("0b6f6a1e-2f0a-4a0e-9a53-0c1d2b3a4f5e"),
                "content-language", List.of("en-US"));

        ClientContract contract = ClientContract.defaults();
        restfaultHandler = new ContractErrorHandler(contract);
        springHandler = new DefaultResponseErrorHandler() {
            {
                setMessageConverters(List.of(new JacksonJsonHttpMessageConverter()));
            }
        };
        restfaultFilter = new ContractExchangeFilter(contract);
        strategies = ExchangeStrategies.withDefaults();
        restfaultFeign = FeignContract.of(contract).errorDecoder();
        feignDefault = new ErrorDecoder.Default();
        feignRequest = Request.create(Request.HttpMethod.POST, URI_.toString(), Map.of(), new byte[0],
                StandardCharsets.UTF_8, new RequestTemplate());
    }

    private ClientHttpResponse springResponse() {
        return new InMemoryResponse(springHeaders, body);
    }

    @Benchmark
    public ContractErrorException restClientRestfault() throws IOException {
        try {
            restfaultHandler.handleError(URI_, HttpMethod.POST, springResponse());
        } catch (ContractErrorException e) {
            return e;
        }
        throw new IllegalStateException("no exception");
    }

    @Benchmark
    public ProblemDetail restClientSpringDefault() throws IOException {
        try {
            springHandler.handleError(URI_, HttpMethod.POST, springResponse());
        } catch (HttpClientErrorException e) {
            return e.getResponseBodyAs(ProblemDetail.class);
        }
        throw new IllegalStateException("no exception");
    }

    private ClientResponse webResponse() {
        return ClientResponse.create(HttpStatus.BAD_REQUEST, strategies).headers(h -> h.addAll(springHeaders))
                .body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body))).build();
    }

    @Benchmark
    public ContractErrorException webClientRestfault() {
        return restfaultFilter.statusHandler(webResponse()).block();
    }

    @Benchmark
    public ProblemDetail webClientSpringDefault() {
        WebClientResponseException e = webResponse().createException().block();
        return e.getResponseBodyAs(ProblemDetail.class);
    }

    private Response feignResponse() {
        return Response.builder().status(400).reason("Bad Request").headers(feignHeaders).body(body).request(feignRequest).build();
    }

    @Benchmark
    public Exception feignRestfault() {
        return restfaultFeign.decode("Customers#create(Customer)", feignResponse());
    }

    @Benchmark
    public FeignException feignDefault() {
        return (FeignException) feignDefault.decode("Customers#create(Customer)", feignResponse());
    }

    /** A response already received: status, headers, body. */
    private static final class InMemoryResponse implements ClientHttpResponse {
        private final HttpHeaders headers;
        private final byte[] body;

        InMemoryResponse(HttpHeaders headers, byte[] body) {
            this.headers = headers;
            this.body = body;
        }

        @Override
        public HttpStatusCode getStatusCode() {
            return HttpStatus.BAD_REQUEST;
        }

        @Override
        public String getStatusText() {
            return "Bad Request";
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public void close() {
        }
    }
}
