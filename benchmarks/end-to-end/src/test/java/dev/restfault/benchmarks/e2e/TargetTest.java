package dev.restfault.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

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
    void aLimitMustBePositiveAndFinite() {
        assertThatThrownBy(() -> Target.withinOwn("a", "404", "200", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive and finite");
        assertThatThrownBy(() -> Target.withinOwn("a", "404", "200", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
