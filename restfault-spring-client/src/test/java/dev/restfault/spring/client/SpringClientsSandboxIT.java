package dev.restfault.spring.client;

import dev.restfault.client.ClientContract;
import dev.restfault.client.testing.SandboxCases;
import dev.restfault.client.testing.SandboxCases.Case;
import dev.restfault.client.testing.SandboxProcess;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Every Spring client against the real sandbox (started with {@code java -jar}, see
 * {@link SandboxProcess}), through the shared {@link SandboxCases}.
 */
@Timeout(120)
class SpringClientsSandboxIT {

    /** The sandbox's first requests are slow while its JVM warms up: generous transport timeouts. */
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static SandboxProcess sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxProcess.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    enum Kind implements SandboxCases.Caller {
        REST_CLIENT {
            @Override
            public String call(ClientContract contract, String method, URI uri, Map<String, String> headers, String body) {
                RestClient.RequestBodySpec spec = Transports.restClient(Transports.Factory.JDK, contract, TIMEOUT)
                        .method(HttpMethod.valueOf(method)).uri(uri).headers(h -> headers.forEach(h::set));
                if (body != null) {
                    spec.body(body);
                }
                return spec.retrieve().body(String.class);
            }
        },
        REST_TEMPLATE {
            @Override
            public String call(ClientContract contract, String method, URI uri, Map<String, String> headers, String body) {
                HttpHeaders h = new HttpHeaders();
                headers.forEach(h::set);
                return Transports.restTemplate(Transports.Factory.JDK, contract, TIMEOUT)
                        .exchange(uri, HttpMethod.valueOf(method), new HttpEntity<>(body, h), String.class).getBody();
            }
        },
        WEB_CLIENT {
            @Override
            public String call(ClientContract contract, String method, URI uri, Map<String, String> headers, String body) {
                WebClient.RequestBodySpec spec = Transports.webClient(contract, TIMEOUT, Function.identity()).method(HttpMethod.valueOf(method)).uri(uri)
                        .headers(h -> headers.forEach(h::set));
                if (body != null) {
                    spec.bodyValue(body);
                }
                return spec.retrieve().bodyToMono(String.class).block(Duration.ofSeconds(30));
            }
        }
    }

    static Stream<Arguments> cases() {
        return SandboxCases.all().stream().flatMap(c -> Stream.of(Kind.values()).map(k -> Arguments.of(k, c)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void againstTheSandbox(Kind kind, Case scenario) {
        scenario.run(sandbox, kind);
    }
}
