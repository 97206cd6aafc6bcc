package dev.restfault.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark measures what it says: the permitted cases permit, the refused one refuses with a 429. */
class ThrottleBenchmarkTest {

    @Test
    void eachBenchmarkDecidesAsItsNameSays() {
        ThrottleBenchmark b = new ThrottleBenchmark();
        b.setUp();
        for (int i = 0; i < 3_000; i++) {
            assertThat(b.permittedOnEveryPath().permitted()).isTrue();
            assertThat(b.permittedOnRoutes().permitted()).isTrue();
        }
        assertThat(b.refusedWith429().rejection().orElseThrow().status()).isEqualTo(429);
        assertThat(b.refusedWith429().rejection().orElseThrow().headers()).containsKeys("Retry-After", "RateLimit");
    }
}
