package org.ldn.core.productivity;

import org.ldn.core.indicator.Classes;

/**
 * Kernels of the productivity trajectory (METHOD.md §3) over a tile stack (layout in {@link MannKendall}): the
 * ordinary least-squares slope of value on year and the Mann–Kendall S over the pixel's valid years.
 * Class: −1 when the slope is negative and S significant, +1 when the slope is positive and S significant, else 0;
 * forced 0 when |slope| ≤ 0.001 physical units per year. Direction comes from the slope and significance from |S|,
 * as METHOD.md words it and Trends.Earth computes it (the two rarely disagree in sign). Nodata rule: fewer than
 * {@link CriticalValues#MIN_N} valid years → nodata.
 *
 * <p>Exactness: with t the year offset, the slope is N / D with {@code N = n·Σtx − Σt·Σx} and
 * {@code D = n·Σt² − (Σt)²}. When the sums are integers (integer-coded values below 2^31 and at most
 * {@link ProductivityScale#MAX_EXACT_YEARS} years: every sum is then exact in a double) the 0.001 rule is decided
 * exactly as {@code |N| · 1000 · scale ≤ D}; otherwise in double arithmetic.
 */
public final class Trajectory {
    /** The slope at or below which (in physical units per year) the trajectory is stable: 0.001 = 1/1000. */
    public static final long FLAT_NUM = 1;
    public static final long FLAT_DEN = 1000;
    private static final double EXACT_LIMIT = 0x1p52;

    private Trajectory() {
    }

    /**
     * Kernel: trajectory classes −1/0/+1 (or {@link Classes#NODATA}) of pixels {@code 0..n)} into {@code out}.
     * The table must cover {@code years} (the largest possible n).
     */
    public static void classify(double[] stack, int n, int from, int years, CriticalValues table,
            ProductivityScale scale, short[] out) {
        if (years > table.maxN() && years >= CriticalValues.MIN_N) {
            throw new IllegalArgumentException(years + " years exceed the critical-value table (n ≤ "
                    + table.maxN() + ")");
        }
        int[] s = new int[n];
        int[] count = new int[n];
        MannKendall.statistic(stack, n, from, years, s, count);
        classify(stack, n, from, years, table, scale, s, count, out);
    }

    /**
     * As {@link #classify(double[], int, int, int, CriticalValues, ProductivityScale, short[])}, with the
     * Mann–Kendall S and valid-year count of every pixel already computed ({@link MannKendall#statistics}).
     */
    public static void classify(double[] stack, int n, int from, int years, CriticalValues table,
            ProductivityScale scale, int[] s, int[] count, short[] out) {
        classify(stack, n, from, years, table, scale, s, count, out, new double[n]);
    }

    /**
     * As {@link #classify(double[], int, int, int, CriticalValues, ProductivityScale, int[], int[], short[])}, and
     * leaves in {@code sumX} each pixel's sum of its valid values (added in year order from 0: the sums of
     * {@link Performance#means} to the bit).
     */
    public static void classify(double[] stack, int n, int from, int years, CriticalValues table,
            ProductivityScale scale, int[] s, int[] count, short[] out, double[] sumX) {
        if (years > table.maxN() && years >= CriticalValues.MIN_N) {
            throw new IllegalArgumentException(years + " years exceed the critical-value table (n ≤ "
                    + table.maxN() + ")");
        }
        double flat = (double) FLAT_NUM / FLAT_DEN;
        double scaleValue = scale.value();
        // the regression sums of every pixel, year by year over contiguous pixels (each pixel adds its years in
        // order, as a per-pixel loop would, so the sums are the same to the bit). A pixel with every year valid has
        // Σt and Σt² of the whole window, and its Σx and Σtx come from a loop without a branch, which the compiler
        // vectorizes; a pixel with a gap (fewer valid years than the window: its counts) adds its valid years again
        // on its own, and a pixel without any has sums of 0.
        double[] sumTX = new double[n];
        java.util.Arrays.fill(sumX, 0, n, 0.0);
        for (int y = 0; y < years; y++) {
            int o = (from + y) * n;
            double ty = y;
            for (int i = 0; i < n; i++) {
                double v = stack[o + i];
                sumX[i] += v;
                sumTX[i] += ty * v;
            }
        }
        double fullT = 0;
        double fullTT = 0;
        for (int y = 0; y < years; y++) {
            fullT += y;
            fullTT += (double) y * y;
        }
        double[] sumT = new double[n];
        double[] sumTT = new double[n];
        for (int i = 0; i < n; i++) {
            if (count[i] == years) {
                sumT[i] = fullT;
                sumTT[i] = fullTT;
            } else if (count[i] == 0) { // outside the zones, or no data
                sumX[i] = 0;
                sumTX[i] = 0;
            } else {
                double st = 0;
                double stt = 0;
                double sx = 0;
                double stx = 0;
                for (int y = 0, o = from * n + i; y < years; y++, o += n) {
                    double v = stack[o];
                    if (v == v) {
                        st += y;
                        stt += (double) y * y;
                        sx += v;
                        stx += y * v;
                    }
                }
                sumT[i] = st;
                sumTT[i] = stt;
                sumX[i] = sx;
                sumTX[i] = stx;
            }
        }
        for (int i = 0; i < n; i++) {
            int c = count[i];
            if (c < CriticalValues.MIN_N) {
                out[i] = Classes.NODATA;
                continue;
            }
            if (!table.significant(s[i], c)) { // stable whatever the slope: the cheap test first
                out[i] = Classes.STABLE;
                continue;
            }
            double st = sumT[i];
            double stt = sumTT[i];
            double sx = sumX[i];
            double stx = sumTX[i];
            boolean stable;
            int sign;
            if (years <= ProductivityScale.MAX_EXACT_YEARS && sx == Math.rint(sx) && stx == Math.rint(stx)
                    && Math.abs(stx) < EXACT_LIMIT && Math.abs(sx) < EXACT_LIMIT / years) {
                long num = c * (long) stx - (long) st * (long) sx;
                long den = c * (long) stt - (long) st * (long) st;
                stable = scale.atMost(num, den, FLAT_NUM, FLAT_DEN);
                sign = Long.signum(num);
            } else {
                double num = c * stx - st * sx;
                double den = c * stt - st * st;
                stable = Math.abs(num / den) * scaleValue <= flat;
                sign = num > 0 ? 1 : num < 0 ? -1 : 0;
            }
            out[i] = stable ? Classes.STABLE : (short) sign;
        }
    }

    /**
     * Kernel: the least-squares slope in stored units per year of pixels {@code 0..n)} (NaN with fewer than two
     * valid years).
     */
    public static void slope(double[] stack, int n, int from, int years, double[] out) {
        int base = from * n;
        for (int i = 0; i < n; i++) {
            int c = 0;
            double st = 0;
            double stt = 0;
            double sx = 0;
            double stx = 0;
            for (int y = 0, o = base + i; y < years; y++, o += n) {
                double v = stack[o];
                if (v == v) {
                    c++;
                    st += y;
                    stt += (double) y * y;
                    sx += v;
                    stx += y * v;
                }
            }
            out[i] = c < 2 ? Double.NaN : (c * stx - st * sx) / (c * stt - st * st);
        }
    }
}
