package dev.restfault.benchmarks.e2e;

import java.util.Arrays;
import java.util.List;

/**
 * Median and spread of a cell's rounds. The median, because one round disturbed by something
 * else on the machine must not move the figure; the range, to show how much the rounds agree.
 *
 * @param count  how many values
 * @param median the middle value (the mean of the two middle ones for an even count)
 * @param min    the smallest value
 * @param max    the largest value
 */
record Stats(int count, double median, double min, double max) {

    /** The statistics of {@code values}; fails on an empty list or a value that is not finite. */
    static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        for (double value : sorted) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("value is not finite: " + value);
            }
        }
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Stats(n, median, sorted[0], sorted[n - 1]);
    }

    /** The range as a share of the median ({@code (max - min) / median}); 0 for one value. */
    double spread() {
        return median == 0 ? 0 : (max - min) / median;
    }
}
