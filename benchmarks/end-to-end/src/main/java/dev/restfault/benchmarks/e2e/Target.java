package dev.restfault.benchmarks.e2e;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A goal the figures of one server are held to: the CPU per request of one cell compared with a
 * base cell on the same server, round by round. Each round measures both cells a few seconds
 * apart, so what disturbs the machine for a while (another tenant of the host, a collection
 * elsewhere) weighs on both windows of the pair. The figure is the median of the rounds'
 * comparisons; the verdict ({@link #judge}) asks the whole of a confidence
 * interval for that median to meet the limit, and says "undecided" when the interval holds the
 * limit, rather than let the machine's noise decide. The comparison of the two cells' medians is
 * reported too.
 *
 * @param label        what the report calls it
 * @param kind         how the two figures are compared
 * @param limit        the bound: a ratio, or microseconds for {@link Kind#EXCESS_AT_MOST}
 * @param setup        the setup of the cell under judgement
 * @param scenario     its scenario
 * @param baseSetup    the setup of the base cell
 * @param baseScenario its scenario
 */
public record Target(String label, Kind kind, double limit, String setup, String scenario, String baseSetup,
        String baseScenario) {

    /** How a target compares its cell ({@code value}) with its base ({@code base}). */
    public enum Kind {
        /** {@code value / base <= limit}: e.g. the error path within 10 % of the 200 path. */
        RATIO_AT_MOST,
        /** {@code value / base >= limit}: e.g. a peer costs at least twice as much. */
        RATIO_AT_LEAST,
        /** {@code value - base <= limit} microseconds: e.g. a limiter adds at most 2 µs. */
        EXCESS_AT_MOST
    }

    public Target {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(baseSetup, "baseSetup");
        Objects.requireNonNull(baseScenario, "baseScenario");
        if (!(limit > 0) || Double.isInfinite(limit)) {
            throw new IllegalArgumentException("target limit must be positive and finite: " + limit);
        }
    }

    /** {@code setup}'s {@code scenario} costs at most {@code factor} times its own {@code baseScenario}. */
    public static Target withinOwn(String setup, String scenario, String baseScenario, double factor) {
        return new Target(setup + " " + scenario + " ≤ " + factor + "× its " + baseScenario, Kind.RATIO_AT_MOST, factor,
                setup, scenario, setup, baseScenario);
    }

    /** {@code peer}'s {@code scenario} costs at least {@code factor} times {@code setup}'s. */
    public static Target cheaperThan(String setup, String peer, String scenario, double factor) {
        return new Target(peer + " " + scenario + " ≥ " + factor + "× " + setup, Kind.RATIO_AT_LEAST, factor,
                peer, scenario, setup, scenario);
    }

    /** {@code setup}'s {@code scenario} costs at most {@code micros} more than {@code base}'s. */
    public static Target addsAtMost(String setup, String base, String scenario, double micros) {
        return new Target(setup + " " + scenario + " ≤ " + base + " + " + micros + " µs", Kind.EXCESS_AT_MOST, micros,
                setup, scenario, base, scenario);
    }

    /** The figure compared with {@link #limit()}: a ratio, or a difference in microseconds. */
    public double measure(double value, double base) {
        return kind == Kind.EXCESS_AT_MOST ? value - base : value / base;
    }

    /**
     * The rounds' comparisons judged: over the rounds that measured both cells, the median of
     * {@link #measure} of each round's two figures ({@code NaN} when no round gives a finite
     * comparison), a distribution-free confidence interval for that median, and whether the whole
     * interval meets the limit, misses it, or straddles it.
     *
     * @param values the cell's CPU µs per request by round
     * @param bases  the base cell's, by round
     */
    public Judgement judge(Map<Integer, Double> values, Map<Integer, Double> bases) {
        List<Double> measures = new ArrayList<>();
        values.forEach((round, value) -> {
            Double base = bases.get(round);
            double measure = base == null ? Double.NaN : measure(value, base);
            if (Double.isFinite(measure)) { // a window without CPU (a smoke run's) compares with nothing
                measures.add(measure);
            }
        });
        if (measures.isEmpty()) {
            return new Judgement(Double.NaN, Double.NaN, Double.NaN, 0, 0, Decision.UNKNOWN);
        }
        Collections.sort(measures);
        int n = measures.size();
        int k = MedianInterval.lowerRank(n);
        double low = measures.get(k - 1);
        double high = measures.get(n - k);
        Decision decision = met(low) && met(high) ? Decision.MET
                : !met(low) && !met(high) ? Decision.NOT_MET
                : Decision.UNDECIDED;
        return new Judgement(Stats.of(measures).median(), low, high, MedianInterval.confidence(n, k), n, decision);
    }

    /** Whether {@code measure} meets the target. */
    public boolean met(double measure) {
        return switch (kind) {
            case RATIO_AT_MOST, EXCESS_AT_MOST -> measure <= limit;
            case RATIO_AT_LEAST -> measure >= limit;
        };
    }

    /** What the rounds say about a target. */
    public enum Decision {
        /** The whole confidence interval meets the limit. */
        MET,
        /** The whole confidence interval misses it. */
        NOT_MET,
        /** The interval holds the limit: the machine's noise is larger than the distance to it. */
        UNDECIDED,
        /** No round compared the two cells. */
        UNKNOWN
    }

    /**
     * @param measure    the median of the rounds' comparisons
     * @param low        the lower end of the confidence interval for that median
     * @param high       the upper end
     * @param confidence the interval's coverage: at least 0.95 from 6 rounds on, less with 5 or fewer (the whole range)
     * @param rounds     how many rounds compared the two cells
     * @param decision   the verdict
     */
    public record Judgement(double measure, double low, double high, double confidence, int rounds, Decision decision) {
    }
}
