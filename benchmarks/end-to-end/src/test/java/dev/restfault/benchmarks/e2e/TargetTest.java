package dev.restfault.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void withinOwnComparesTheErrorWithTheSameSetupsBase() {
        Target target = Target.withinOwn("restfault", "404", "200", 1.10);
        assertThat(target.setup()).isEqualTo("restfault");
        assertThat(target.baseSetup()).isEqualTo("restfault");
        assertThat(target.baseScenario()).isEqualTo("200");
        assertThat(target.measure(33, 30)).isCloseTo(1.10, offset(1e-9));
        assertThat(target.met(1.10)).isTrue();
        assertThat(target.met(1.11)).isFalse();
    }

    @Test
    void cheaperThanDividesThePeerByTheSetup() {
        Target target = Target.cheaperThan("restfault", "spring-default", "404", 2.0);
        assertThat(target.setup()).isEqualTo("spring-default");
        assertThat(target.baseSetup()).isEqualTo("restfault");
        assertThat(target.measure(70, 35)).isEqualTo(2.0);
        assertThat(target.met(2.0)).isTrue();
        assertThat(target.met(1.99)).isFalse();
    }

    @Test
    void addsAtMostIsADifferenceInMicroseconds() {
        Target target = Target.addsAtMost("in-memory", "no-limiter", "200", 2.0);
        assertThat(target.measure(32.5, 30.0)).isEqualTo(2.5);
        assertThat(target.met(2.5)).isFalse();
        assertThat(target.met(1.0)).isTrue();
    }

    @Test
    void thePairedMeasureComparesEachRoundsTwoWindowsAndTakesTheMedian() {
        Target target = Target.withinOwn("restfault", "404", "200", 1.10);
        // Round 2 of the base and round 3 of both ran while something else loaded the machine:
        // the medians (41 against 76) say 0.54, the rounds say 1.03.
        Map<Integer, Double> values = Map.of(1, 40.0, 2, 41.0, 3, 80.0);
        Map<Integer, Double> bases = Map.of(1, 38.0, 2, 76.0, 3, 78.0);
        assertThat(target.pairedMeasure(values, bases)).isCloseTo(80.0 / 78.0, offset(1e-9));
        // Only rounds that measured both cells count; none gives NaN.
        assertThat(target.pairedMeasure(Map.of(1, 40.0, 4, 99.0), bases)).isCloseTo(40.0 / 38.0, offset(1e-9));
        assertThat(target.pairedMeasure(Map.of(7, 40.0), bases)).isNaN();
        assertThat(target.pairedMeasure(Map.of(1, 40.0, 2, 41.0), Map.of(1, 0.0, 2, 41.0))).isEqualTo(1.0);
        Target excess = Target.addsAtMost("in-memory", "no-limiter", "200", 2.0);
        assertThat(excess.pairedMeasure(Map.of(1, 45.0, 2, 70.0), Map.of(1, 44.0, 2, 68.0)))
                .isCloseTo(1.5, offset(1e-9));
    }

    @Test
    void aLimitMustBePositiveAndFinite() {
        assertThatThrownBy(() -> Target.withinOwn("a", "404", "200", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive and finite");
        assertThatThrownBy(() -> Target.withinOwn("a", "404", "200", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
