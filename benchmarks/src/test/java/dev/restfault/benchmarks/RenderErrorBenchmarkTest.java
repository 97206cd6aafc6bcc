package dev.restfault.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.server.RenderedError;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The benchmark compares like with like: the core and its pre-core baseline give the same answer. */
class RenderErrorBenchmarkTest {

    @ParameterizedTest
    @ValueSource(strings = {"client", "browser"})
    void theCoreAndThePreCoreRendererGiveTheSameAnswer(String caller) {
        RenderErrorBenchmark b = new RenderErrorBenchmark();
        b.caller = caller;
        b.setUp();
        RenderedError core = b.coreStatus404();
        PreCoreRenderer.ContainerError preCore = (PreCoreRenderer.ContainerError) b.preCoreStatus404();
        assertThat(core.status()).isEqualTo(preCore.status()).isEqualTo(404);
        assertThat(core.body()).isEqualTo(preCore.body());
        assertThat(core.headers()).containsExactlyElementsOf(preCore.headers().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue())).toList());
        assertThat(b.coreContractException().status()).isEqualTo(404);
    }
}
