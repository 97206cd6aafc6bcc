package dev.restfault.benchmarks.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A goal the figures of one server are held to: the CPU per request of one cell compared with a
 * base cell on the same server, round by round. Each round measures both cells a few seconds
 * apart, so what disturbs the machine for a while (another tenant of the host, a collection
 * elsewhere) weighs on both windows of the pair; the verdict is the median of the rounds'
 * comparisons ({@link #pairedMeasure}). The comparison of the two cells' medians is reported too.
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
     * The median, over the rounds that measured both cells, of {@link #measure} of the round's two
     * figures; {@code NaN} when no round gives a finite comparison.
     *
     * @param values the cell's CPU µs per request by round
     * @param bases  the base cell's, by round
     */
    public double pairedMeasure(Map<Integer, Double> values, Map<Integer, Double> bases) {
        List<Double> measures = new ArrayList<>();
        values.forEach((round, value) -> {
            Double base = bases.get(round);
            double measure = base == null ? Double.NaN : measure(value, base);
            if (Double.isFinite(measure)) { // a window without CPU (a smoke run's) compares with nothing
                measures.add(measure);
            }
        });
        return measures.isEmpty() ? Double.NaN : Stats.of(measures).median();
    }

    /** Whether {@code measure} meets the target. */
    public boolean met(double measure) {
        return switch (kind) {
            case RATIO_AT_MOST, EXCESS_AT_MOST -> measure <= limit;
            case RATIO_AT_LEAST -> measure >= limit;
        };
    }
}
