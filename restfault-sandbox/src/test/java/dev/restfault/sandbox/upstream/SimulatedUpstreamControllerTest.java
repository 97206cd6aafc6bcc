package dev.restfault.sandbox.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which remote addresses count as loopback for the built-in upstream. Over HTTP, tests can only
 * come from loopback; {@code GuardsEndToEndTest} shows a forwarded remote address refused.
 */
class SimulatedUpstreamControllerTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.10.20.30", "::1", "[::1]", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"})
    void loopbackAddresses(String address) {
        assertThat(SimulatedUpstreamController.isLoopback(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "192.0.2.7", "10.0.0.1", "0.0.0.0", "::", "2001:db8::1", "::ffff:192.0.2.7",
            "localhost", "127.0.0.1.example", "127.0.0.256", "999.0.0.1", "127.1", "1:2", "[::1", "::1%<script>"})
    void everythingElseIsNot(String address) {
        assertThat(SimulatedUpstreamController.isLoopback(address)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void nullIsNot() {
        assertThat(SimulatedUpstreamController.isLoopback(null)).isFalse();
    }
}
