package dev.restfault.benchmarks;

import dev.restfault.core.exception.ContractException;
import dev.restfault.core.http.AuthChallenge;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.server.ErrorRenderer;
import dev.restfault.server.HeaderLookup;
import dev.restfault.server.PathFormat;
import dev.restfault.server.RenderedError;
import dev.restfault.server.RequestFacts;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A server's hot error path, without a server: a 404 for an unknown path rendered by
 * restfault-server's {@link ErrorRenderer} (the facts built from the request as an adapter does,
 * negotiated, the body written, the headers decided) against {@link PreCoreRenderer}, the same steps
 * as the Spring starter took before the core existed. Both read the request's headers through a
 * lookup over a case-insensitive map, as a servlet request does, with the headers a typical API
 * client sends ({@code client}: {@code Accept: application/json}, valid ids) or a browser
 * ({@code browser}: a long {@code Accept} with qualities, {@code Accept-Language}).
 * {@code coreContractException} renders an application's {@code ContractException.notFound(...)};
 * {@code coreUnauthorized} a {@code ContractException.unauthorized()}, whose text comes from the catalog.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class RenderErrorBenchmark {

    @Param({"client", "browser"})
    public String caller;

    private final ErrorRenderer core = ErrorRenderer.builder("orders-service")
            .challenge(AuthChallenge.oauth("4ee9b3c8-0ea9-4b3b-a1f3-8a9ce1f3ad2c"))
            .pathFormat(new PathFormat("/v1/legacy", ErrorFormat.PARTNER_API))
            .logger(System.getLogger("benchmark"))
            .build();
    final PreCoreRenderer preCore = new PreCoreRenderer("orders-service", Map.of("/v1/legacy", ErrorFormat.PARTNER_API),
            AuthChallenge.oauth("4ee9b3c8-0ea9-4b3b-a1f3-8a9ce1f3ad2c"));
    private Map<String, List<String>> headers;

    @Setup
    public void setUp() {
        headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Host", List.of("api.example.com"));
        headers.put("MS-CorrelationId", List.of("0b2bd6a1-9f41-4a8e-9d0e-6a3a4c7e2f11"));
        headers.put("MS-RequestId", List.of("7c4e1e9b-2d1f-4c4b-8f7e-1b5d2a9c3e40"));
        if (caller.equals("browser")) {
            headers.put("Accept", List.of("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
            headers.put("Accept-Language", List.of("fr-CA,fr;q=0.9,en-US;q=0.8,en;q=0.7"));
        } else {
            headers.put("Accept", List.of("application/json"));
        }
    }

    String first(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    List<String> all(String name) {
        List<String> values = headers.get(name);
        return values == null ? List.of() : values;
    }

    private RequestFacts facts() {
        return RequestFacts.builder("GET", "/v1/customers/c0000000-0000-4000-8000-000000000009")
                .headers(HeaderLookup.of(this::first, this::all))
                .build();
    }

    @Benchmark
    public RenderedError coreStatus404() {
        return core.renderStatus(404, facts());
    }

    @Benchmark
    public RenderedError coreContractException() {
        return core.render(ContractException.notFound("Customer c0000000-0000-4000-8000-000000000009 does not exist."), facts());
    }

    /** A catalog error (a 401 with its challenge) whose description restfault looks up in the client's locale. */
    @Benchmark
    public RenderedError coreUnauthorized() {
        return core.render(ContractException.unauthorized(), facts());
    }

    @Benchmark
    public Object preCoreStatus404() {
        return preCore.render404("/v1/customers/c0000000-0000-4000-8000-000000000009", this::first, this::all);
    }
}
