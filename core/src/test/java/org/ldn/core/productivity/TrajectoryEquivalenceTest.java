package org.ldn.core.productivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldn.core.indicator.Classes;

/**
 * The trajectory kernel, whose regression sums are now accumulated year by year over contiguous pixels, against the
 * per-pixel loop it replaced (kept below as written before), on random stacks with gaps, integer and fractional
 * values, several windows and both scales: the same classes.
 */
class TrajectoryEquivalenceTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void equalsThePerPixelLoop(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 1 + rnd.nextInt(2000);
        int total = 24;
        double[] stack = new double[total * n];
        boolean integers = seed % 2 == 0;
        for (int i = 0; i < n; i++) {
            double level = rnd.nextDouble() * 8000;
            double trend = (rnd.nextDouble() - 0.5) * (rnd.nextInt(4) == 0 ? 0.02 : 80);
            for (int y = 0; y < total; y++) {
                double v = level + trend * y + (rnd.nextDouble() - 0.5) * 600;
                stack[y * n + i] = rnd.nextInt(12) == 0 ? Double.NaN : integers ? Math.rint(v) : v / 10000;
            }
        }
        ProductivityScale scale = integers ? ProductivityScale.of(0.0001) : ProductivityScale.ONE;
        CriticalValues table = CriticalValues.exact(total);
        for (int[] w : new int[][] {{0, 16}, {4, 16}, {8, 16}, {0, 24}, {3, 5}}) {
            short[] expected = new short[n];
            short[] actual = new short[n];
            previous(stack, n, w[0], w[1], table, scale, expected);
            Trajectory.classify(stack, n, w[0], w[1], table, scale, actual);
            assertArrayEquals(expected, actual, "window " + w[0] + "+" + w[1]);
        }
    }

    // ---- the kernel as it was written before ----

    static void previous(double[] stack, int n, int from, int years, CriticalValues table,
            ProductivityScale scale, short[] out) {
        if (years > table.maxN() && years >= CriticalValues.MIN_N) {
            throw new IllegalArgumentException(years + " years exceed the critical-value table (n ≤ "
                    + table.maxN() + ")");
        }
        int[] s = new int[n];
        int[] count = new int[n];
        MannKendall.statistic(stack, n, from, years, s, count);
        double flat = (double) Trajectory.FLAT_NUM / Trajectory.FLAT_DEN;
        double scaleValue = scale.value();
        int base = from * n;
        for (int i = 0; i < n; i++) {
            int c = count[i];
            if (c < CriticalValues.MIN_N) {
                out[i] = Classes.NODATA;
                continue;
            }
            double st = 0;
            double stt = 0;
            double sx = 0;
            double stx = 0;
            for (int y = 0, o = base + i; y < years; y++, o += n) {
                double v = stack[o];
                if (v == v) {
                    st += y;
                    stt += (double) y * y;
                    sx += v;
                    stx += y * v;
                }
            }
            boolean stable;
            int sign;
            if (years <= ProductivityScale.MAX_EXACT_YEARS && sx == Math.rint(sx) && stx == Math.rint(stx)
                    && Math.abs(stx) < 0x1p52 && Math.abs(sx) < 0x1p52 / years) {
                long num = c * (long) stx - (long) st * (long) sx;
                long den = c * (long) stt - (long) st * (long) st;
                stable = scale.atMost(num, den, Trajectory.FLAT_NUM, Trajectory.FLAT_DEN);
                sign = Long.signum(num);
            } else {
                double num = c * stx - st * sx;
                double den = c * stt - st * st;
                stable = Math.abs(num / den) * scaleValue <= flat;
                sign = num > 0 ? 1 : num < 0 ? -1 : 0;
            }
            out[i] = stable || !table.significant(s[i], c) ? Classes.STABLE : (short) sign;
        }
    }
}
