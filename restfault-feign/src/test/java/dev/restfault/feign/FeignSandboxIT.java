package dev.restfault.feign;

import dev.restfault.client.testing.SandboxCases;
import dev.restfault.client.testing.SandboxCases.Case;
import dev.restfault.client.testing.SandboxProcess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** OpenFeign with restfault against the real sandbox, through the shared {@link SandboxCases}. */
@Timeout(120)
class FeignSandboxIT {

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

    static List<Case> cases() {
        return SandboxCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void againstTheSandbox(Case scenario) {
        scenario.run(sandbox, (contract, method, uri, headers, body) -> Feigns.call(
                Feigns.client(Feigns.Raw.class, sandbox.base(), contract, Duration.ofSeconds(15)), method, uri, headers, body));
    }
}
