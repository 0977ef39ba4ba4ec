package org.ldn.core.productivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldn.core.indicator.Classes;

/**
 * The state kernel, which now classifies integer pixels by counting values below each mean instead of sorting the
 * extended series, against the sorting kernel it replaced (kept below as written before), on random stacks with
 * gaps, ties (values drawn from a few levels, so means fall on values and between equal neighbours), integers near
 * 2^31, 16-bit extremes (either side of the lanes' limit of 2^15), fractional values and windows of 4 to 24 years:
 * the same classes. Seeds above 12 have no gaps, or few, so most pixels take the lanes' path.
 */
class StateEquivalenceTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void equalsTheSortingKernel(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 1 + rnd.nextInt(3000);
        int total = 24;
        double[] stack = new double[total * n];
        int kind = (int) (seed % 5);
        int gapsInThousand = seed <= 12 ? 100 : seed % 2 == 0 ? 0 : 5;
        for (int i = 0; i < n; i++) {
            int levels = 2 + rnd.nextInt(6);
            double level = rnd.nextDouble() * 8000;
            double trend = (rnd.nextDouble() - 0.5) * 200;
            boolean outside = seed > 12 && rnd.nextInt(10) == 0; // no value in any year (outside the zones)
            for (int y = 0; y < total; y++) {
                double v = switch (kind) {
                    case 0 -> 100 * rnd.nextInt(levels) + (y >= 13 ? 100 * rnd.nextInt(3) : 0); // ties
                    case 1 -> Math.rint(level + trend * y + (rnd.nextDouble() - 0.5) * 600);
                    case 2 -> (double) ((1L << 31) - 1 - rnd.nextInt(1 << 20)) * (rnd.nextBoolean() ? 1 : -1);
                    case 3 -> (level + trend * y) / 10000;
                    default -> rnd.nextBoolean() ? 32767 - rnd.nextInt(levels * 40) : -32768 + rnd.nextInt(levels * 40);
                };
                stack[y * n + i] = outside || rnd.nextInt(1000) < gapsInThousand ? Double.NaN : v;
            }
        }
        // seed 16: a scale whose 0.01 rule does not fit the lanes' longs (num · 100 ≥ 2^38)
        ProductivityScale scale = kind == 3 ? ProductivityScale.ONE
                : seed == 16 ? new ProductivityScale(1L << 37, 1) : ProductivityScale.of(0.0001);
        int changed = 0;
        for (int[] w : new int[][] {{0, 16}, {4, 16}, {8, 16}, {0, 24}, {3, 4}, {5, 7}}) {
            short[] expected = new short[n];
            short[] actual = new short[n];
            previous(stack, n, w[0], w[1], scale, expected);
            ProductivityState.classify(stack, n, w[0], w[1], scale, actual);
            assertArrayEquals(expected, actual, "window " + w[0] + "+" + w[1]);
            int[] count = new int[n]; // with the valid years known, as the engine passes them
            MannKendall.statistic(stack, n, w[0], w[1], new int[n], count);
            short[] withCounts = new short[n];
            ProductivityState.classify(stack, n, w[0], w[1], scale, count, withCounts);
            assertArrayEquals(expected, withCounts, "window " + w[0] + "+" + w[1] + " with counts");
            for (short c : actual) {
                changed += c == Classes.DEGRADED || c == Classes.IMPROVED ? 1 : 0;
            }
        }
        assertTrue(changed > 0, "the data must give degraded or improved pixels, or the comparison proves little");
    }

    // ---- the kernel as it was written before ----

    static void previous(double[] stack, int n, int from, int years, ProductivityScale scale, short[] out) {
        int baseYears = years - ProductivityState.COMPARISON_YEARS;
        double[] e = new double[Math.max(0, baseYears) + 2];
        double[] pct = new double[9];
        double same = (double) ProductivityState.SAME_NUM / ProductivityState.SAME_DEN;
        double scaleValue = scale.value();
        for (int i = 0; i < n; i++) {
            if (baseYears < 1) {
                out[i] = Classes.NODATA;
                continue;
            }
            int nb = 0;
            double sumB = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int y = 0, o = from * n + i; y < baseYears; y++, o += n) {
                double v = stack[o];
                if (v == v) {
                    sumB += v;
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                    int k = ++nb;
                    while (k > 1 && e[k - 1] > 20 * v) {
                        e[k] = e[k - 1];
                        k--;
                    }
                    e[k] = 20 * v;
                }
            }
            int nc = 0;
            double sumC = 0;
            for (int y = baseYears, o = (from + baseYears) * n + i; y < years; y++, o += n) {
                double v = stack[o];
                if (v == v) {
                    sumC += v;
                    nc++;
                }
            }
            if (nb == 0 || nc == 0) {
                out[i] = Classes.NODATA;
                continue;
            }
            boolean stable;
            if (sumB == Math.rint(sumB) && sumC == Math.rint(sumC)
                    && Math.abs(sumB) * nc + Math.abs(sumC) * nb < 0x1p52) {
                long diff = (long) sumB * nc - (long) sumC * nb;
                stable = scale.atMost(diff, (long) nb * nc, ProductivityState.SAME_NUM, ProductivityState.SAME_DEN);
            } else {
                stable = Math.abs(sumB / nb - sumC / nc) * scaleValue <= same;
            }
            if (stable) {
                out[i] = Classes.STABLE;
                continue;
            }
            e[0] = 21 * lo - hi;
            e[nb + 1] = 21 * hi - lo;
            ProductivityState.percentilesTimes10(e, nb + 2, pct);
            int d = classOf(sumC, nc, pct) - classOf(sumB, nb, pct);
            out[i] = d <= -2 ? Classes.DEGRADED : d >= 2 ? Classes.IMPROVED : Classes.STABLE;
        }
    }

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
