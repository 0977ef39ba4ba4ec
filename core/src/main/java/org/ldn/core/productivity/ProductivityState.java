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
 * in doubles; the 0.01 rule is {@code |sumB·nC − sumC·nB| · 100 · scale ≤ nB·nC}, in integers when the sums are.
 */
public final class ProductivityState {
    public static final int COMPARISON_YEARS = 3;
    /** The difference of means at or below which (in physical units) the state is stable: 0.01 = 1/100. */
    public static final long SAME_NUM = 1;
    public static final long SAME_DEN = 100;
    private static final double EXACT_LIMIT = 0x1p52;
    private static final double INTEGER_LIMIT = 0x1p31;
    /** Beyond any |t| of {@link #classByCount} (values below 2^31, so |t| < 2^44): moves a value out of a minimum. */
    private static final long FAR = 1L << 50;

    private ProductivityState() {
    }

    /** Pixels per chunk: a chunk's years ({@code years × CHUNK} doubles) stay in the first-level caches. */
    static final int CHUNK = 256;

    /**
     * Kernel: state classes −1/0/+1 (or {@link Classes#NODATA}) of pixels {@code 0..n)} into {@code out}. Pixels are
     * taken in chunks whose years are first copied into a small buffer; the sums, counts and extremes of every pixel
     * of a chunk are then accumulated year by year over contiguous lanes (each pixel adds its years in year order, as
     * a per-pixel loop would, so every sum is the same to the bit), and the pixels that are not stable gather their
     * baseline values from the buffer.
     */
    public static void classify(double[] stack, int n, int from, int years, ProductivityScale scale, short[] out) {
        int baseYears = years - COMPARISON_YEARS;
        if (baseYears < 1) {
            java.util.Arrays.fill(out, 0, n, Classes.NODATA);
            return;
        }
        double[] e = new double[baseYears + 2];
        double[] pct = new double[9];
        double same = (double) SAME_NUM / SAME_DEN;
        double scaleValue = scale.value();
        double[] buf = new double[years * CHUNK];
        double[] sumB = new double[CHUNK];
        double[] sumC = new double[CHUNK];
        double[] lo = new double[CHUNK];
        double[] hi = new double[CHUNK];
        int[] nb = new int[CHUNK];
        int[] nc = new int[CHUNK];
        boolean[] integral = new boolean[CHUNK];
        for (int c0 = 0; c0 < n; c0 += CHUNK) {
            int len = Math.min(CHUNK, n - c0);
            for (int y = 0; y < years; y++) {
                System.arraycopy(stack, (from + y) * n + c0, buf, y * CHUNK, len);
            }
            java.util.Arrays.fill(sumB, 0, len, 0.0);
            java.util.Arrays.fill(sumC, 0, len, 0.0);
            java.util.Arrays.fill(lo, 0, len, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(hi, 0, len, Double.NEGATIVE_INFINITY);
            java.util.Arrays.fill(nb, 0, len, 0);
            java.util.Arrays.fill(nc, 0, len, 0);
            java.util.Arrays.fill(integral, 0, len, true);
            for (int y = 0; y < baseYears; y++) {
                int o = y * CHUNK;
                for (int l = 0; l < len; l++) {
                    double v = buf[o + l];
                    if (v == v) {
                        sumB[l] += v;
                        nb[l]++;
                        lo[l] = Math.min(lo[l], v);
                        hi[l] = Math.max(hi[l], v);
                        integral[l] &= v == Math.rint(v);
                    }
                }
            }
            for (int y = baseYears; y < years; y++) {
                int o = y * CHUNK;
                for (int l = 0; l < len; l++) {
                    double v = buf[o + l];
                    if (v == v) {
                        sumC[l] += v;
                        nc[l]++;
                    }
                }
            }
            for (int l = 0; l < len; l++) {
                out[c0 + l] = classOfPixel(buf, l, baseYears, e, pct, nb[l], sumB[l], lo[l], hi[l], integral[l],
                        nc[l], sumC[l], scale, same, scaleValue);
            }
        }
    }

    /**
     * The class of the pixel in lane l of the chunk {@code buf} ({@code buf[y · CHUNK + l]} is its year y) from its
     * sums, counts and extremes; {@code e} (baseline years + 2) and {@code pct} (9) are work arrays.
     */
    private static short classOfPixel(double[] buf, int l, int baseYears, double[] e, double[] pct, int nb,
            double sumB, double lo, double hi, boolean integral, int nc, double sumC, ProductivityScale scale,
            double same, double scaleValue) {
        if (nb == 0 || nc == 0) {
            return Classes.NODATA;
        }
        boolean stable;
        if (sumB == Math.rint(sumB) && sumC == Math.rint(sumC)
                && Math.abs(sumB) * nc + Math.abs(sumC) * nb < EXACT_LIMIT) {
            long diff = (long) sumB * nc - (long) sumC * nb;
            stable = scale.atMost(diff, (long) nb * nc, SAME_NUM, SAME_DEN);
        } else {
            stable = Math.abs(sumB / nb - sumC / nc) * scaleValue <= same;
        }
        if (stable) {
            return Classes.STABLE;
        }
        int k = 0;
        for (int y = 0, o = l; y < baseYears; y++, o += CHUNK) {
            double v = buf[o];
            if (v == v) {
                e[++k] = 20 * v; // unsorted: sorted below only where the exact count cannot be used
            }
        }
        e[0] = 21 * lo - hi;
        e[nb + 1] = 21 * hi - lo;
        int d;
        if (integral && sumC == Math.rint(sumC) && Math.max(-lo, hi) < INTEGER_LIMIT) {
            d = classDifferenceByCount(sumC, nc, sumB, nb, e, nb + 2);
        } else {
            insertionSort(e, 1, nb + 1);
            percentilesTimes10(e, nb + 2, pct);
            d = classOf(sumC, nc, pct) - classOf(sumB, nb, pct);
        }
        return d <= -2 ? Classes.DEGRADED : d >= 2 ? Classes.IMPROVED : Classes.STABLE;
    }

    /**
     * {@link #classOf} of the mean {@code sum / count} against the percentiles of the UNSORTED extended series
     * {@code e[0..m)}, without sorting it (for integer values below 2^31, where every product is exact): with r the
     * number of values below the mean, a percentile between ranks j and j + 1 is exceeded when j + 1 &lt; r, not
     * exceeded when j ≥ r, and for j = r − 1 it is interpolated between the largest value below the mean and the
     * smallest at or above it, exactly as from the sorted series.
     */
    static int classByCount(double sum, int count, double[] e, int m) {
        // in longs, without branches on the data (a pixel's values fall either side of its mean at random, which
        // defeats branch prediction): t = 20·sum − v·count > 0 exactly when v is below the mean
        long mean20 = (long) (20 * sum);
        int below = 0;
        long tBelow = FAR; // the smallest positive t: the largest value below the mean
        long tAbove = -FAR; // the largest t ≤ 0: the smallest value at or above it
        for (int i = 0; i < m; i++) {
            long t = mean20 - (long) e[i] * count;
            long notUnder = (t - 1) >> 63; // 0 when t ≥ 1, −1 when t ≤ 0
            below += 1 + (int) notUnder;
            long d = t + (notUnder & FAR) - tBelow; // branch-free minimum and maximum (|t| < 2^44, no overflow)
            tBelow += d & (d >> 63);
            d = t - (~notUnder & FAR) - tAbove;
            tAbove += d & ~(d >> 63);
        }
        return classFromCount(sum, count, m, mean20, below, tBelow, tAbove);
    }

    /**
     * {@code classByCount(sumC, nc, e, m) − classByCount(sumB, nb, e, m)} in one pass over {@code e} (the same
     * operations for each mean, interleaved).
     */
    static int classDifferenceByCount(double sumC, int nc, double sumB, int nb, double[] e, int m) {
        long meanC20 = (long) (20 * sumC);
        long meanB20 = (long) (20 * sumB);
        int belowC = 0;
        int belowB = 0;
        long tBelowC = FAR;
        long tAboveC = -FAR;
        long tBelowB = FAR;
        long tAboveB = -FAR;
        for (int i = 0; i < m; i++) {
            long v = (long) e[i];
            long t = meanC20 - v * nc;
            long notUnder = (t - 1) >> 63;
            belowC += 1 + (int) notUnder;
            long d = t + (notUnder & FAR) - tBelowC;
            tBelowC += d & (d >> 63);
            d = t - (~notUnder & FAR) - tAboveC;
            tAboveC += d & ~(d >> 63);
            long u = meanB20 - v * nb;
            long notUnderB = (u - 1) >> 63;
            belowB += 1 + (int) notUnderB;
            long g = u + (notUnderB & FAR) - tBelowB;
            tBelowB += g & (g >> 63);
            g = u - (~notUnderB & FAR) - tAboveB;
            tAboveB += g & ~(g >> 63);
        }
        return classFromCount(sumC, nc, m, meanC20, belowC, tBelowC, tAboveC)
                - classFromCount(sumB, nb, m, meanB20, belowB, tBelowB, tAboveB);
    }

    /** The class of {@link #classByCount} from the count of values below the mean and the nearest ones each side. */
    private static int classFromCount(double sum, int count, int m, long mean20, int below, long tBelow,
            long tAbove) {
        // percentile k lies between ranks j = ⌊(m − 1)·k / 10⌋ and j + 1: exceeded for every k with j + 1 < below
        int c = 1;
        double left = 200 * sum;
        for (int k = 1; k <= 9; k++) {
            int pos = (m - 1) * k;
            int j = pos / 10;
            if (j + 1 < below) {
                c++;
            } else if (j + 1 == below) {
                int f = pos - 10 * j;
                // the values back from t, divided exactly in doubles (integers below 2^53)
                double maxBelow = (double) (mean20 - tBelow) / count;
                double p = f == 0 ? 10 * maxBelow : (10 - f) * maxBelow + f * ((double) (mean20 - tAbove) / count);
                if (left > p * count) {
                    c++;
                }
            } else {
                break;
            }
        }
        return c;
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
