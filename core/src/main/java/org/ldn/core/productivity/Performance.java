package org.ldn.core.productivity;

import org.ldn.core.indicator.Classes;

/**
 * Kernels of the productivity performance (METHOD.md §3) over a tile stack (layout in {@link MannKendall}).
 * m is the pixel's mean over the period's valid years; per land unit, p90 is the 90th percentile of m rounded
 * half up to 0.0001 ({@link UnitHistograms}); performance is −1 when {@code m / p90 ≤ 0.5} with the unrounded m
 * (exactly 0.5 is degraded), else 0. Nodata rule: no valid year, no land unit, or {@code p90 ≤ 0} → nodata.
 *
 * <p>Means are kept as (sum, count) in stored units. When the sum is an integer (integer-coded values) the rounding
 * and the ratio rule are decided exactly ({@link ProductivityScale#roundedUnits}, {@link ProductivityScale#atMostHalf});
 * otherwise in double arithmetic.
 */
public final class Performance {
    /** Returned by {@link #means} when every mean could be rounded. */
    public static final int ALL_VALID = -1;
    /** A pixel without a mean, or a unit without a p90. */
    public static final long NONE = Long.MIN_VALUE;
    /** Rounded means must stay within ±2^53 units of 0.0001 (about 9·10^11 physical units). */
    static final double MAX_UNITS = 0x1p53;

    private Performance() {
    }

    /**
     * Kernel: per pixel the sum and count of the valid years and the mean rounded half up to 0.0001 physical units,
     * as an integer number of units ({@link #NONE} without a valid year). The stack is read year by year over
     * contiguous pixels; each pixel still adds its valid years in year order from 0, so the sums are those of a
     * per-pixel loop to the bit.
     *
     * @return {@link #ALL_VALID}, or the index of the first pixel whose mean is too large to round (a wrong scale
     *         or an undeclared nodata value; an error for the caller)
     */
    public static int means(double[] stack, int n, int from, int years, ProductivityScale scale, double[] sum,
            int[] count, long[] units) {
        java.util.Arrays.fill(sum, 0, n, 0.0);
        java.util.Arrays.fill(count, 0, n, 0);
        for (int y = 0; y < years; y++) {
            int o = (from + y) * n;
            for (int i = 0; i < n; i++) {
                double v = stack[o + i];
                if (v == v) {
                    sum[i] += v;
                    count[i]++;
                }
            }
        }
        return round(sum, count, n, scale, units);
    }

    /**
     * Kernel: the means {@code sum[i] / count[i]} of pixels {@code 0..n)} rounded half up to 0.0001 physical units,
     * as in {@link #means} (for sums already computed, e.g. by {@link Trajectory}).
     *
     * @return {@link #ALL_VALID}, or the index of the first pixel whose mean is too large to round
     */
    public static int round(double[] sum, int[] count, int n, ProductivityScale scale, long[] units) {
        double toUnits = scale.value() * 10000;
        for (int i = 0; i < n; i++) {
            int c = count[i];
            double s = sum[i];
            if (c == 0) {
                units[i] = NONE;
            } else if (exact(s)) {
                units[i] = scale.roundedUnits((long) s, c);
                if (Math.abs((double) units[i]) > MAX_UNITS) {
                    return i;
                }
            } else {
                double u = Math.floor(s / c * toUnits + 0.5);
                if (!(Math.abs(u) <= MAX_UNITS)) {
                    return i;
                }
                units[i] = (long) u;
            }
        }
        return ALL_VALID;
    }

    /**
     * Kernel: performance classes −1/0 (or {@link Classes#NODATA}) from the means of {@link #means} and the p90 of
     * each pixel's land unit in units of 0.0001 ({@link #NONE} when the pixel has no unit).
     */
    public static void classify(double[] sum, int[] count, long[] p90, ProductivityScale scale, short[] out, int n) {
        double toUnits = scale.value() * 10000;
        for (int i = 0; i < n; i++) {
            long p = p90[i];
            int c = count[i];
            if (c == 0 || p == NONE || p <= 0) {
                out[i] = Classes.NODATA;
                continue;
            }
            double s = sum[i];
            boolean low = exact(s) ? scale.atMostHalf((long) s, c, p) : 2 * (s / c) * toUnits <= p;
            out[i] = low ? Classes.DEGRADED : Classes.STABLE;
        }
    }

    /** True when a sum is an integer small enough for the exact rules. */
    private static boolean exact(double s) {
        return s == Math.rint(s) && Math.abs(s) < 0x1p40;
    }
}
