package org.ldn.core.productivity;

import org.ldn.core.indicator.Classes;

/**
 * Kernel of the productivity state (METHOD.md §3) over a tile stack (layout in {@link MannKendall}). The period's
 * last {@link #COMPARISON_YEARS} years are the comparison, the years before them the baseline. From the pixel's
 * valid baseline values (min p0, max p100) the extended series adds {@code p0 − 0.05·(p100 − p0)} and
 * {@code p100 + 0.05·(p100 − p0)}; its percentiles p10..p90 are taken by linear interpolation between closest
 * ranks (numpy's default, R type 7). The class of a value v is 1 + the number of those nine percentiles that v
 * exceeds (strictly). With cB the class of the baseline mean and cC that of the comparison mean: −1 when
 * {@code cC − cB ≤ −2}, +1 when {@code cC − cB ≥ 2}, else 0; forced 0 when the two means differ by at most 0.01
 * physical units. Nodata rule: no valid baseline year or no valid comparison year → nodata.
 *
 * <p>Exactness: everything is computed in units of 1/20 (the extended series is {@code 21·p0 − p100},
 * {@code 20·x}, {@code 21·p100 − p0}) and each percentile times 10 is {@code (10 − f)·e_j + f·e_{j+1}} with
 * {@code (m − 1)·k = 10·j + f}, so for integer values below 2^31 every comparison is between integers held exactly
 * in doubles (and for integers below 2^15, the lanes' counts, between ints); the 0.01 rule is
 * {@code |sumB·nC − sumC·nB| · 100 · scale ≤ nB·nC}, in integers when the sums are.
 */
public final class ProductivityState {
    public static final int COMPARISON_YEARS = 3;
    /** The difference of means at or below which (in physical units) the state is stable: 0.01 = 1/100. */
    public static final long SAME_NUM = 1;
    public static final long SAME_DEN = 100;
    private static final double EXACT_LIMIT = 0x1p52;
    /**
     * The lanes' counting is in ints for integer values below this in magnitude (NDVI × 10,000 and every 16-bit
     * input) and at most {@link #MAX_LANE_YEARS} years: then |20 · sum| and |20 · v · count| stay below 2^27.
     */
    private static final double LANE_LIMIT = 0x1p15;
    private static final int MAX_LANE_YEARS = 64;
    /** Beyond any |t| of {@link LaneCounts} (below 2^27) and within int range with it: moves a t out of a minimum. */
    private static final int FAR = 1 << 28;

    private ProductivityState() {
    }

    /** Pixels per chunk: a chunk's rows of the extended series and its lanes' sums stay in the first-level caches. */
    static final int CHUNK = 256;

    /**
     * Kernel: state classes −1/0/+1 (or {@link Classes#NODATA}) of pixels {@code 0..n)} into {@code out}. Pixels are
     * taken in chunks: the sums, counts and extremes of every pixel of a chunk are accumulated year by year over
     * contiguous lanes (each pixel adds its years in year order, as a per-pixel loop would, so every sum is the same
     * to the bit; a lane with a gap, seen as a NaN in its sums, is summed again on its own), and the extended
     * series of every lane is laid out in rows of ints (the lower extension, the baseline years, the upper
     * extension). For a pixel with integer values below 2^15 and no year missing, each mean's class comes from the
     * number of extended values below it and the nearest value on each side ({@link LaneCounts#classes}), counted
     * row by row over all lanes at once in branch-free int arithmetic, which the compiler turns into vector
     * instructions, and the 0.01 rule and the state follow without a branch; the other pixels sort their baseline
     * values.
     */
    public static void classify(double[] stack, int n, int from, int years, ProductivityScale scale, short[] out) {
        classify(stack, n, from, years, scale, null, out);
    }

    /**
     * As {@link #classify(double[], int, int, int, ProductivityScale, short[])}, with each pixel's number of valid
     * years in the window when known ({@link MannKendall#statistics}; or {@code null}): pixels without one (outside
     * the zones) are nodata at once.
     */
    public static void classify(double[] stack, int n, int from, int years, ProductivityScale scale, int[] count,
            short[] out) {
        int baseYears = years - COMPARISON_YEARS;
        if (baseYears < 1) {
            java.util.Arrays.fill(out, 0, n, Classes.NODATA);
            return;
        }
        Chunks chunks = new Chunks(years, scale);
        for (int c0 = 0; c0 < n; c0 += CHUNK) {
            chunks.classify(stack, n, from, c0, Math.min(CHUNK, n - c0), count, out);
        }
    }

    /**
     * The work arrays of {@link #classify} and its step over one chunk: a method called once a chunk, which the JIT
     * compiles once, rather than loops that it would compile again for each loop entered while hot (OSR).
     */
    private static final class Chunks {
        private final int years;
        private final int baseYears;
        private final ProductivityScale scale;
        private final double[] e;
        private final double[] pct;
        private final double same;
        private final double scaleValue;
        private final int rows;
        private final boolean lanesCount;
        private final int[][] ext; // rows of their own: C2 vectorizes loads at an offset poorly
        private final double[][] value; // the chunk's years, copied, for the same reason
        private final double[] sumB;
        private final double[] sumC;
        private final double[] lo;
        private final double[] hi;
        private final double[] fraction;
        private final int[] nb;
        private final int[] nc;
        private final boolean[] integral;
        private final boolean[] lane;
        private final int[] classC;
        private final int[] classB;
        // the 0.01 rule of the lanes, |sumB·nC − sumC·nB| · num · 100 ≤ nB·nC · den, in longs when num · 100 < 2^38
        private final long sameFactor;
        private final long sameLimit;
        private final boolean smallScale;
        private final LaneCounts countC;
        private final LaneCounts countB;

        Chunks(int years, ProductivityScale scale) {
            this.years = years;
            this.baseYears = years - COMPARISON_YEARS;
            this.scale = scale;
            this.e = new double[baseYears + 2];
            this.pct = new double[9];
            this.same = (double) SAME_NUM / SAME_DEN;
            this.scaleValue = scale.value();
            this.rows = baseYears + 2;
            this.lanesCount = years <= MAX_LANE_YEARS;
            this.ext = new int[rows][CHUNK];
            this.value = new double[years][CHUNK];
            this.sumB = new double[CHUNK];
            this.sumC = new double[CHUNK];
            this.lo = new double[CHUNK];
            this.hi = new double[CHUNK];
            this.fraction = new double[CHUNK];
            this.nb = new int[CHUNK];
            this.nc = new int[CHUNK];
            this.integral = new boolean[CHUNK];
            this.lane = new boolean[CHUNK];
            this.classC = new int[CHUNK];
            this.classB = new int[CHUNK];
            this.sameFactor = scale.num() * SAME_DEN;
            this.sameLimit = scale.den() * SAME_NUM * baseYears * COMPARISON_YEARS;
            this.smallScale = scale.num() < (1L << 38) / SAME_DEN;
            this.countC = new LaneCounts();
            this.countB = new LaneCounts();
        }

        /**
         * States of pixels {@code c0..c0 + len)} into {@code out} ({@code count}: valid years, or null), in steps
         * that are methods of their own: the JIT compiles each small step once, where one method holding every loop
         * took the largest compile of a run, twice more on stack replacement.
         */
        void classify(double[] stack, int n, int from, int c0, int len, int[] count, short[] out) {
            sums(stack, n, from, c0, len);
            if (lanes(c0, len, count)) {
                laneClasses(len);
            }
            states(stack, n, from, c0, len, out);
        }

        /** The chunk's years copied, and every lane's sums, extremes and fractions as if it had no gap. */
        private void sums(double[] stack, int n, int from, int c0, int len) {
            for (int y = 0; y < years; y++) {
                System.arraycopy(stack, (from + y) * n + c0, value[y], 0, len);
            }
            // every lane as if it had no gap, in loops without branches (vectorized); a NaN in a lane's sums or
            // fractions marks a gap (or an infinity), and that lane is summed again on its own
            java.util.Arrays.fill(sumB, 0, len, 0.0);
            java.util.Arrays.fill(sumC, 0, len, 0.0);
            java.util.Arrays.fill(lo, 0, len, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(hi, 0, len, Double.NEGATIVE_INFINITY);
            java.util.Arrays.fill(fraction, 0, len, 0.0);
            for (int y = 0; y < baseYears; y++) {
                addWithExtremes(value[y], sumB, lo, hi, len);
                addFraction(value[y], fraction, len);
                if (lanesCount) { // the rows only the lanes' path reads
                    toUnitsOf20th(value[y], ext[y + 1], len);
                }
            }
            for (int y = baseYears; y < years; y++) {
                add(value[y], sumC, len);
            }
        }

        /** The lanes with gaps summed again, and which lanes take the lanes' path; whether any does. */
        private boolean lanes(int c0, int len, int[] count) {
            boolean anyLane = false;
            for (int l = 0; l < len; l++) {
                if (sumB[l] == sumB[l] && sumC[l] == sumC[l] && fraction[l] == fraction[l]) {
                    nb[l] = baseYears;
                    nc[l] = COMPARISON_YEARS;
                    integral[l] = fraction[l] == 0;
                } else if (count != null && count[c0 + l] == 0) {
                    nb[l] = 0; // nodata below
                    nc[l] = 0;
                    integral[l] = false;
                } else {
                    sumWithGaps(value, l, baseYears, years, sumB, sumC, lo, hi, nb, nc, integral);
                }
                // the lanes' path: integer values below 2^15 and no year missing (the same nb and nc for all)
                lane[l] = lanesCount && nb[l] == baseYears && nc[l] == COMPARISON_YEARS && integral[l]
                        && sumC[l] == Math.rint(sumC[l]) && Math.max(-lo[l], hi[l]) < LANE_LIMIT
                        && Math.abs(sumC[l]) < LANE_LIMIT * COMPARISON_YEARS;
                anyLane |= lane[l];
            }
            return anyLane;
        }

        /** The class of each mean of every lane, from the extended series counted lane by lane. */
        private void laneClasses(int len) {
            int[] lower = ext[0];
            int[] upper = ext[rows - 1];
            for (int l = 0; l < len; l++) {
                lower[l] = (int) (21 * lo[l] - hi[l]);
                upper[l] = (int) (21 * hi[l] - lo[l]);
            }
            countC.start(sumC, nc, len);
            countB.start(sumB, nb, len);
            for (int r = 0; r < rows; r++) {
                countC.add(ext[r], len);
                countB.add(ext[r], len);
            }
            countC.classes(rows, len, classC);
            countB.classes(rows, len, classB);
        }

        /** The states: branch-free for the lanes' path, else nodata, stable, from the lanes' classes or by sorting. */
        private void states(double[] stack, int n, int from, int c0, int len, short[] out) {
            for (int l = 0; l < len; l++) {
                int i = c0 + l;
                if (lane[l] && smallScale) {
                    // branch-free (the classes fall at random): the 0.01 rule with nb and nc of every lane, exact
                    // in longs (|diff| < 2^24), then the state of cC − cB, zeroed where stable
                    long diff = (long) sumB[l] * COMPARISON_YEARS - (long) sumC[l] * baseYears;
                    long unstable = (sameLimit - Math.abs(diff) * sameFactor) >> 63; // −1 when not stable
                    int d = classC[l] - classB[l];
                    int state = ((1 - d) >>> 31) - ((d + 1) >>> 31); // +1 when d ≥ 2, −1 when d ≤ −2
                    out[i] = (short) (state & (int) unstable);
                    continue;
                }
                int nbl = nb[l];
                double sumBl = sumB[l];
                double sumCl = sumC[l];
                short c;
                if (nbl == 0 || nc[l] == 0) {
                    c = Classes.NODATA;
                } else if (stable(sumBl, nbl, sumCl, nc[l], scale, same, scaleValue)) {
                    c = Classes.STABLE;
                } else if (lane[l]) {
                    c = change(classC[l] - classB[l]);
                } else {
                    c = bySorting(stack, n, from, i, baseYears, e, pct, nbl, sumBl, lo[l], hi[l], nc[l], sumCl);
                }
                out[i] = c;
            }
        }
    }

    /** {@code sum += v}, lane by lane. */
    private static void add(double[] v, double[] sum, int len) {
        for (int l = 0; l < len; l++) {
            sum[l] += v[l];
        }
    }

    /** {@code sum += v} and the extremes, lane by lane (NaN spreads to all three). */
    private static void addWithExtremes(double[] v, double[] sum, double[] lo, double[] hi, int len) {
        for (int l = 0; l < len; l++) {
            double x = v[l];
            sum[l] += x;
            lo[l] = Math.min(lo[l], x);
            hi[l] = Math.max(hi[l], x);
        }
    }

    /** Adds each lane's distance to the nearest integer: 0 for integers, NaN for NaN or an infinity. */
    private static void addFraction(double[] v, double[] fraction, int len) {
        for (int l = 0; l < len; l++) {
            fraction[l] += Math.abs(v[l] - Math.rint(v[l]));
        }
    }

    /** The lanes' values in units of 1/20, as ints (used only where they are integers below 2^15). */
    private static void toUnitsOf20th(double[] v, int[] row, int len) {
        for (int l = 0; l < len; l++) {
            row[l] = (int) (20 * v[l]);
        }
    }

    /** Lane l's sums, counts, extremes and integrality over its valid years only, each added in year order. */
    private static void sumWithGaps(double[][] value, int l, int baseYears, int years, double[] sumB, double[] sumC,
            double[] lo, double[] hi, int[] nb, int[] nc, boolean[] integral) {
        double sb = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int kb = 0;
        boolean whole = true;
        for (int y = 0; y < baseYears; y++) {
            double v = value[y][l];
            if (v == v) {
                sb += v;
                kb++;
                min = Math.min(min, v);
                max = Math.max(max, v);
                whole &= v == Math.rint(v);
            }
        }
        double sc = 0;
        int kc = 0;
        for (int y = baseYears; y < years; y++) {
            double v = value[y][l];
            if (v == v) {
                sc += v;
                kc++;
            }
        }
        sumB[l] = sb;
        lo[l] = min;
        hi[l] = max;
        nb[l] = kb;
        integral[l] = whole;
        sumC[l] = sc;
        nc[l] = kc;
    }

    /** The 0.01 rule: the baseline and comparison means differ by at most 0.01 physical units. */
    private static boolean stable(double sumB, int nb, double sumC, int nc, ProductivityScale scale, double same,
            double scaleValue) {
        if (sumB == Math.rint(sumB) && sumC == Math.rint(sumC)
                && Math.abs(sumB) * nc + Math.abs(sumC) * nb < EXACT_LIMIT) {
            long diff = (long) sumB * nc - (long) sumC * nb;
            return scale.atMost(diff, (long) nb * nc, SAME_NUM, SAME_DEN);
        }
        return Math.abs(sumB / nb - sumC / nc) * scaleValue <= same;
    }

    /** The state of a class difference cC − cB. */
    private static short change(int d) {
        return d <= -2 ? Classes.DEGRADED : d >= 2 ? Classes.IMPROVED : Classes.STABLE;
    }

    /**
     * The state of pixel i (not stable) from its sorted extended series: pixels with other than small integer
     * values, or with a baseline year missing; {@code e} (baseline years + 2) and {@code pct} (9) are work arrays.
     */
    private static short bySorting(double[] stack, int n, int from, int i, int baseYears, double[] e, double[] pct,
            int nb, double sumB, double lo, double hi, int nc, double sumC) {
        int k = 0;
        for (int y = 0, o = from * n + i; y < baseYears; y++, o += n) {
            double v = stack[o];
            if (v == v) {
                e[++k] = 20 * v;
            }
        }
        e[0] = 21 * lo - hi;
        e[nb + 1] = 21 * hi - lo;
        insertionSort(e, 1, nb + 1);
        percentilesTimes10(e, nb + 2, pct);
        return change(classOf(sumC, nc, pct) - classOf(sumB, nb, pct));
    }

    /**
     * For every lane of a chunk, against one mean (20 × its sum): how many of the extended values added so far are
     * below it, the smallest positive {@code t = mean20 − 20·v·count} (the largest value below the mean) and the
     * largest {@code t ≤ 0} (the smallest value at or above it). In ints, exact for the lanes of
     * {@link #LANE_LIMIT}; the minimum and maximum are branch-free ({@code Math.min} of ints in a loop that updates
     * an array is not vectorized), and the maximum has a loop of its own (with three arrays updated, the loop is not
     * vectorized either).
     */
    private static final class LaneCounts {
        final int[] mean20 = new int[CHUNK];
        final int[] count = new int[CHUNK];
        final int[] below = new int[CHUNK];
        final int[] nearestBelow = new int[CHUNK];
        final int[] nearestAbove = new int[CHUNK];

        void start(double[] sum, int[] counts, int len) {
            for (int l = 0; l < len; l++) {
                mean20[l] = (int) (20 * sum[l]);
            }
            System.arraycopy(counts, 0, count, 0, len);
            java.util.Arrays.fill(below, 0, len, 0);
            java.util.Arrays.fill(nearestBelow, 0, len, FAR);
            java.util.Arrays.fill(nearestAbove, 0, len, -FAR);
        }

        /** Adds the row {@code row[0..len)}: one extended value of every lane. */
        void add(int[] row, int len) {
            for (int l = 0; l < len; l++) {
                int t = mean20[l] - row[l] * count[l];
                int notUnder = (t - 1) >> 31; // 0 when t ≥ 1 (the value is below the mean), −1 when t ≤ 0
                below[l] += 1 + notUnder;
                int d = t + (notUnder & FAR) - nearestBelow[l];
                nearestBelow[l] += d & (d >> 31);
            }
            for (int l = 0; l < len; l++) {
                int t = mean20[l] - row[l] * count[l];
                int notUnder = (t - 1) >> 31;
                int d = t - (~notUnder & FAR) - nearestAbove[l];
                nearestAbove[l] += d & ~(d >> 31);
            }
        }

        /**
         * {@code cls[l]} = {@link #classOf} of every lane's mean, whose extended series has m values, without sorting
         * it: percentile k lies between ranks j = ⌊(m − 1)·k / 10⌋ and j + 1 of the sorted series (the same j and
         * weight f in every lane). It is exceeded when j + 1 &lt; below, not exceeded when j ≥ below, and for
         * j + 1 = below it is interpolated between the largest value below the mean (a = 20·v, with
         * a·count = 20·sum − nearestBelow) and the smallest at or above it (b, b·count = 20·sum − nearestAbove):
         * 10 × the percentile is (10 − f)·a + f·b, which the mean exceeds when 200·sum &gt; ((10 − f)·a + f·b)·count,
         * that is when {@code (10 − f)·nearestBelow + f·nearestAbove > 0} (always when f = 0). Branch-free over the
         * lanes; where a lane's nearest values are not set (FAR), its products may wrap, but they are then masked.
         */
        void classes(int m, int len, int[] cls) {
            java.util.Arrays.fill(cls, 0, len, 1);
            for (int k = 1; k <= 9; k++) {
                int pos = (m - 1) * k;
                int j1 = pos / 10 + 1;
                int f = pos - 10 * (j1 - 1);
                int g = 10 - f;
                for (int l = 0; l < len; l++) {
                    int d = j1 - below[l];
                    int exceeded = d >>> 31; // j + 1 < below
                    int at = ((d | -d) >>> 31) ^ 1; // j + 1 = below: interpolated (exact where it counts)
                    int above = -(g * nearestBelow[l] + f * nearestAbove[l]) >>> 31;
                    cls[l] += exceeded + (at & above);
                }
            }
        }
    }

    /** Sorts {@code e[from..to)} ascending: a few values, where an insertion sort beats {@code Arrays.sort}'s call. */
    private static void insertionSort(double[] e, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            double v = e[i];
            int k = i;
            while (k > from && e[k - 1] > v) {
                e[k] = e[k - 1];
                k--;
            }
            e[k] = v;
        }
    }

    /** {@code out[k−1]} = 10 × the type-7 percentile k/10 (k = 1..9) of the sorted {@code e[0..m)}. */
    static void percentilesTimes10(double[] e, int m, double[] out) {
        for (int k = 1; k <= 9; k++) {
            int pos = (m - 1) * k;
            int j = pos / 10;
            int f = pos % 10;
            out[k - 1] = f == 0 ? 10 * e[j] : (10 - f) * e[j] + f * e[j + 1];
        }
    }

    /**
     * 1 + the number of percentiles the mean {@code sum / count} exceeds; the percentiles are 10 × values in units
     * of 1/20, so the mean exceeds p when {@code 200 · sum > p · count}.
     */
    private static int classOf(double sum, int count, double[] pct) {
        int c = 1;
        double left = 200 * sum;
        for (double p : pct) {
            if (left > p * count) {
                c++;
            }
        }
        return c;
    }
}
