package dev.restfault.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.HashMap;
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
        assertThat(target.judge(values, bases).measure()).isCloseTo(80.0 / 78.0, offset(1e-9));
        // Only rounds that measured both cells count; none gives NaN.
        assertThat(target.judge(Map.of(1, 40.0, 4, 99.0), bases).measure()).isCloseTo(40.0 / 38.0, offset(1e-9));
        assertThat(target.judge(Map.of(7, 40.0), bases).measure()).isNaN();
        assertThat(target.judge(Map.of(1, 40.0, 2, 41.0), Map.of(1, 0.0, 2, 41.0)).measure()).isEqualTo(1.0);
        Target excess = Target.addsAtMost("in-memory", "no-limiter", "200", 2.0);
        assertThat(excess.judge(Map.of(1, 45.0, 2, 70.0), Map.of(1, 44.0, 2, 68.0)).measure())
                .isCloseTo(1.5, offset(1e-9));
    }

    @Test
    void theVerdictAsksTheWholeIntervalToBeOnOneSideOfTheLimit() {
        Target target = Target.withinOwn("restfault", "404", "200", 1.10);
        // Nine rounds: the interval runs from the 2nd smallest to the 2nd largest comparison (96 %).
        Map<Integer, Double> bases = new HashMap<>();
        Map<Integer, Double> clearlyMet = new HashMap<>();
        Map<Integer, Double> straddling = new HashMap<>();
        Map<Integer, Double> clearlyMissed = new HashMap<>();
        double[] ratios = {0.95, 0.99, 1.00, 1.01, 1.02, 1.03, 1.04, 1.06, 1.30};
        double[] spread = {0.90, 0.98, 1.02, 1.05, 1.07, 1.09, 1.12, 1.15, 1.40};
        for (int round = 1; round <= 9; round++) {
            bases.put(round, 40.0);
            clearlyMet.put(round, 40.0 * ratios[round - 1]);
            straddling.put(round, 40.0 * spread[round - 1]);
            clearlyMissed.put(round, 40.0 * (ratios[round - 1] + 0.2));
        }
        Target.Judgement met = target.judge(clearlyMet, bases);
        assertThat(met.decision()).isEqualTo(Target.Decision.MET);
        assertThat(met.measure()).isCloseTo(1.02, offset(1e-9));
        assertThat(met.low()).isCloseTo(0.99, offset(1e-9));
        assertThat(met.high()).isCloseTo(1.06, offset(1e-9)); // the 1.30 round is outside the interval
        assertThat(met.confidence()).isCloseTo(0.9609, offset(1e-4));
        assertThat(met.rounds()).isEqualTo(9);
        // A median of 1.07 meets the limit, but the interval (0.98–1.15) holds it: not decided.
        Target.Judgement straddles = target.judge(straddling, bases);
        assertThat(straddles.measure()).isCloseTo(1.07, offset(1e-9));
        assertThat(straddles.decision()).isEqualTo(Target.Decision.UNDECIDED);
        assertThat(target.judge(clearlyMissed, bases).decision()).isEqualTo(Target.Decision.NOT_MET);
        assertThat(target.judge(Map.of(1, 1.0), Map.of(2, 1.0)).decision()).isEqualTo(Target.Decision.UNKNOWN);
        // A target that asks for at least a ratio reads the interval the other way.
        Target peer = Target.cheaperThan("restfault", "spring-default", "404", 1.5);
        Map<Integer, Double> peerValues = new HashMap<>();
        bases.forEach((round, base) -> peerValues.put(round, base * (1.6 + round / 100.0)));
        assertThat(peer.judge(peerValues, bases).decision()).isEqualTo(Target.Decision.MET);
    }

    @Test
    void theMediansIntervalHasTheBinomialsCoverage() {
        // Too few rounds for 95 %: the whole range, with what coverage it has.
        assertThat(MedianInterval.lowerRank(1)).isEqualTo(1);
        assertThat(MedianInterval.lowerRank(5)).isEqualTo(1);
        assertThat(MedianInterval.confidence(5, 1)).isCloseTo(1 - 2.0 / 32, offset(1e-12));
        assertThat(MedianInterval.lowerRank(7)).isEqualTo(1);
        assertThat(MedianInterval.lowerRank(9)).isEqualTo(2);
        assertThat(MedianInterval.lowerRank(15)).isEqualTo(4);
        assertThat(MedianInterval.confidence(15, 4)).isCloseTo(1 - 2 * (1 + 15 + 105 + 455) / 32768.0, offset(1e-12));
        assertThat(MedianInterval.lowerRank(21)).isEqualTo(6);
        for (int n = 6; n <= 60; n++) {
            int k = MedianInterval.lowerRank(n);
            assertThat(MedianInterval.confidence(n, k)).as("n=%d", n).isGreaterThanOrEqualTo(MedianInterval.LEVEL);
            assertThat(MedianInterval.confidence(n, k + 1)).as("n=%d", n).isLessThan(MedianInterval.LEVEL);
        }
        assertThatThrownBy(() -> MedianInterval.lowerRank(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLimitMustBePositiveAndFinite() {
        assertThatThrownBy(() -> Target.withinOwn("a", "404", "200", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive and finite");
        assertThatThrownBy(() -> Target.withinOwn("a", "404", "200", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
