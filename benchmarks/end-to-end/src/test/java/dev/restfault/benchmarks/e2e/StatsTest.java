package dev.restfault.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValueWhateverTheOrder() {
        Stats stats = Stats.of(List.of(31.0, 29.0, 90.0, 30.0, 30.5));
        assertThat(stats.median()).isEqualTo(30.5);
        assertThat(stats.min()).isEqualTo(29.0);
        assertThat(stats.max()).isEqualTo(90.0);
        assertThat(stats.count()).isEqualTo(5);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertThat(Stats.of(List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.5);
    }

    @Test
    void spreadIsTheRangeOverTheMedian() {
        assertThat(Stats.of(List.of(9.0, 10.0, 12.0)).spread()).isEqualTo(0.3);
        assertThat(Stats.of(List.of(7.0)).spread()).isZero();
    }

    @Test
    void refusesNoValuesAndValuesThatAreNotFinite() {
        assertThatThrownBy(() -> Stats.of(List.of())).isInstanceOf(IllegalArgumentException.class).hasMessage("no values");
        assertThatThrownBy(() -> Stats.of(List.of(1.0, Double.NaN))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not finite");
        assertThatThrownBy(() -> Stats.of(List.of(Double.POSITIVE_INFINITY))).isInstanceOf(IllegalArgumentException.class);
    }
}
