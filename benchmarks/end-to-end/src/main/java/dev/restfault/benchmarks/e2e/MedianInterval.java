package dev.restfault.benchmarks.e2e;

/**
 * The distribution-free confidence interval for a median: from {@code n} values sorted, the
 * {@code k}-th smallest and the {@code k}-th largest, where {@code k} is the largest rank whose
 * two-sided coverage, from the binomial distribution with p = 1/2, is still at least 95 %. It
 * assumes nothing about how the values spread, which matters here: a noisy machine gives long,
 * lopsided tails.
 */
final class MedianInterval {

    /** The coverage aimed at. */
    static final double LEVEL = 0.95;

    private MedianInterval() {
    }

    /**
     * The rank {@code k} (1-based) of the interval's lower end among {@code n} sorted values; 1
     * (the whole range) when too few values give {@value #LEVEL} coverage at all.
     *
     * @throws IllegalArgumentException if {@code n} is below 1
     */
    static int lowerRank(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("no values: " + n);
        }
        int k = 1;
        while (k + 1 <= (n + 1) / 2 && confidence(n, k + 1) >= LEVEL) {
            k++;
        }
        return k;
    }

    /** The coverage of the interval from the {@code k}-th smallest to the {@code k}-th largest of {@code n}: 1 - 2 P(B ≤ k-1), B ~ Bin(n, 1/2). */
    static double confidence(int n, int k) {
        double tail = 0;
        double term = Math.pow(0.5, n); // P(B = 0)
        for (int i = 0; i < k; i++) {
            tail += term;
            term = term * (n - i) / (i + 1);
        }
        return Math.max(0, 1 - 2 * tail);
    }
}
