package dev.restfault.testkit.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesAreWithinOnePercentAndTheMaximumIsExact() {
        long seed = Long.getLong("restfault.seed", 20260101L);
        Random random = new Random(seed);
        long[] values = new long[100_000];
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < values.length; i++) {
            // Log-uniform from 1 µs to about 10 s: every bucket range is used.
            values[i] = (long) Math.exp(random.nextDouble() * Math.log(10_000_000));
            h.record(values[i]);
        }
        java.util.Arrays.sort(values);
        for (double p : new double[] {0.5, 0.9, 0.99, 0.999}) {
            long exact = values[(int) Math.ceil(p * values.length) - 1];
            assertThat((double) h.percentile(p)).as("p%s, seed %d", p, seed).isCloseTo(exact, within(Math.max(1, exact * 0.01)));
        }
        assertThat(h.max()).isEqualTo(values[values.length - 1]);
        assertThat(h.count()).isEqualTo(values.length);
    }

    @Test
    void smallValuesAreExactAndMergingAddsUp() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        for (int i = 1; i <= 100; i++) {
            (i % 2 == 0 ? a : b).record(i);
        }
        a.add(b);
        assertThat(a.count()).isEqualTo(100);
        assertThat(a.percentile(0.5)).isEqualTo(50);
        assertThat(a.percentile(0.99)).isEqualTo(99);
        assertThat(a.max()).isEqualTo(100);
        assertThat(new LatencyHistogram().percentile(0.5)).isZero();
        LatencyHistogram extreme = new LatencyHistogram();
        extreme.record(-5);
        extreme.record(Long.MAX_VALUE);
        assertThat(extreme.count()).isEqualTo(2);
        assertThat(extreme.max()).isEqualTo(Long.MAX_VALUE);
        assertThat(extreme.percentile(1.0)).isPositive();
    }
}
