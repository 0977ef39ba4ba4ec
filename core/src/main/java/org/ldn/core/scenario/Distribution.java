package org.ldn.core.scenario;

import java.util.Arrays;

/**
 * Summary of the values a quantity took over Monte Carlo draws: mean, the central 95 % interval (2.5th and 97.5th
 * percentiles, linear interpolation between closest ranks as METHOD.md §0 uses), and the share of draws ≥ 0.
 *
 * @param probabilityNonNegative share of draws with value ≥ 0 (for ΔLDN: P(ΔLDN ≥ 0))
 */
public record Distribution(double mean, double low95, double high95, double probabilityNonNegative, int draws) {

    public static Distribution of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no draw");
        }
        double[] v = values.clone();
        Arrays.sort(v);
        double sum = 0;
        int nonNegative = 0;
        for (double x : v) {
            sum += x;
            nonNegative += x >= 0 ? 1 : 0;
        }
        return new Distribution(sum / v.length, percentile(v, 2.5), percentile(v, 97.5),
                (double) nonNegative / v.length, v.length);
    }

    /** Percentile {@code q} (0..100) of sorted values, R type 7 / numpy's default. */
    static double percentile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q / 100;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
