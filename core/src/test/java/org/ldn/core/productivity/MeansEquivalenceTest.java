package org.ldn.core.productivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Performance#means}, which reads the stack year by year over contiguous pixels, against a plain per-pixel
 * loop (the kernel as written before, kept below), and the trajectory kernel's sums of values and the Mann–Kendall
 * valid-year counts against the same loop (the engine takes the means' (sum, count) from them): the same sums to the
 * bit, counts, rounded means and returned index, on random stacks with gaps, integers, fractional values, values
 * that do not add exactly, and means too large to round.
 */
class MeansEquivalenceTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void equalThePlainLoop(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 1 + rnd.nextInt(2000);
        int total = 24;
        double[] stack = new double[total * n];
        int kind = (int) (seed % 4);
        for (int i = 0; i < n; i++) {
            double level = rnd.nextDouble() * 8000;
            for (int y = 0; y < total; y++) {
                double v = switch (kind) {
                    case 0 -> Math.rint(level + rnd.nextInt(-500, 501));
                    case 1 -> (level + rnd.nextDouble()) / 10000; // sums that round differently in another order
                    case 2 -> rnd.nextInt(40) == 0 ? 1e19 : rnd.nextDouble() * 1e6; // a few too large to round
                    default -> rnd.nextInt(3) == 0 ? 0.1 : rnd.nextInt(3) == 0 ? 1e17 : -1e17 + rnd.nextInt(9);
                };
                stack[y * n + i] = rnd.nextInt(6) == 0 ? Double.NaN : v;
            }
            if (rnd.nextInt(20) == 0) {
                for (int y = 0; y < total; y++) {
                    stack[y * n + i] = Double.NaN; // no valid year
                }
            }
        }
        if (kind == 2) {
            stack[10 * n + n - 1] = 1e19; // the last pixel's mean is too large to round in most windows
        }
        ProductivityScale scale = kind == 1 ? ProductivityScale.ONE : ProductivityScale.of(0.0001);
        boolean someInvalid = false;
        for (int[] w : new int[][] {{0, 16}, {4, 16}, {8, 16}, {0, 24}, {3, 4}, {23, 1}}) {
            double[] sum = new double[n];
            int[] count = new int[n];
            long[] units = new long[n];
            double[] refSum = new double[n];
            int[] refCount = new int[n];
            long[] refUnits = new long[n];
            int expected = previous(stack, n, w[0], w[1], scale, refSum, refCount, refUnits);
            int actual = Performance.means(stack, n, w[0], w[1], scale, sum, count, units);
            String what = "window " + w[0] + "+" + w[1];
            assertEquals(expected, actual, what);
            someInvalid |= expected != Performance.ALL_VALID;
            // the plain loop stops at the first pixel too large to round (an input error for the caller)
            int upTo = expected == Performance.ALL_VALID ? n : expected;
            for (int i = 0; i < Math.min(n, upTo + 1); i++) {
                assertEquals(Double.doubleToRawLongBits(refSum[i]), Double.doubleToRawLongBits(sum[i]),
                        what + " sum of pixel " + i);
                assertEquals(refCount[i], count[i], what + " count of pixel " + i);
            }
            for (int i = 0; i < upTo; i++) {
                assertEquals(refUnits[i], units[i], what + " pixel " + i);
            }
            if (expected != Performance.ALL_VALID) {
                previousSums(stack, n, w[0], w[1], refSum, refCount);
            }
            // the trajectory's sum of values and the Mann–Kendall counts are the same (sum, count)
            double[] sumX = new double[n];
            int[] s = new int[n];
            int[] mkCount = new int[n];
            MannKendall.statistic(stack, n, w[0], w[1], s, mkCount);
            Trajectory.classify(stack, n, w[0], w[1], CriticalValues.exact(Math.max(w[1], CriticalValues.MIN_N)),
                    scale, s, mkCount, new short[n], sumX);
            assertArrayEquals(refCount, mkCount, what + " Mann–Kendall counts");
            assertArrayEquals(bits(refSum), bits(sumX), what + " trajectory sums");
        }
        if (kind >= 2) {
            assertTrue(someInvalid, "the data must give means too large to round");
        }
    }

    private static long[] bits(double[] a) {
        long[] b = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = Double.doubleToRawLongBits(a[i]);
        }
        return b;
    }

    /** The plain loop's sums and counts of every pixel (past the first bad one too). */
    private static void previousSums(double[] stack, int n, int from, int years, double[] sum, int[] count) {
        for (int i = 0; i < n; i++) {
            int c = 0;
            double s = 0;
            for (int y = 0, o = from * n + i; y < years; y++, o += n) {
                double v = stack[o];
                if (v == v) {
                    c++;
                    s += v;
                }
            }
            sum[i] = s;
            count[i] = c;
        }
    }

    // ---- the kernel as it was written before ----

    private static int previous(double[] stack, int n, int from, int years, ProductivityScale scale, double[] sum,
            int[] count, long[] units) {
        double toUnits = scale.value() * 10000;
        int base = from * n;
        for (int i = 0; i < n; i++) {
            int c = 0;
            double s = 0;
            for (int y = 0, o = base + i; y < years; y++, o += n) {
                double v = stack[o];
                if (v == v) {
                    c++;
                    s += v;
                }
            }
            sum[i] = s;
            count[i] = c;
            if (c == 0) {
                units[i] = Performance.NONE;
            } else if (s == Math.rint(s) && Math.abs(s) < 0x1p40) {
                units[i] = scale.roundedUnits((long) s, c);
                if (Math.abs((double) units[i]) > Performance.MAX_UNITS) {
                    return i;
                }
            } else {
                double u = Math.floor(s / c * toUnits + 0.5);
                if (!(Math.abs(u) <= Performance.MAX_UNITS)) {
                    return i;
                }
                units[i] = (long) u;
            }
        }
        return Performance.ALL_VALID;
    }
}
