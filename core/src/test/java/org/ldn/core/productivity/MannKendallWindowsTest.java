package org.ldn.core.productivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * S of several windows at once, sharing the comparisons of overlapping windows, against {@link MannKendall#statistic}
 * window by window, on random stacks: integers (small and beyond ±2^30), float32 and other doubles, gaps, and
 * overlapping, nested, disjoint and one-year windows. Seeds 30 and above are whole chunks of integers without a gap
 * (the path that takes every pixel of a chunk as ints, or as empty), some with pixels that have no value at all,
 * and now and then one chunk broken by a pixel of fractions.
 */
class MannKendallWindowsTest {

    static IntStream seeds() {
        return IntStream.range(0, 40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void equalsOneWindowAtATime(int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int total = seed < 5 ? 24 : 10 + rnd.nextInt(20);
        int n = 1 + rnd.nextInt(1200);
        double[] stack = new double[total * n];
        boolean clean = seed >= 30;
        int kind = clean ? (seed % 2 == 0 ? 0 : 3) : seed % 4;
        double gaps = clean || seed % 3 == 0 ? 0 : 0.02 + rnd.nextDouble() * 0.2;
        if (clean) {
            n = 256 * (1 + rnd.nextInt(5)) + rnd.nextInt(3) * rnd.nextInt(256);
            stack = new double[total * n];
        }
        for (int i = 0; i < n; i++) {
            boolean mixed = rnd.nextInt(clean ? 2000 : 40) == 0; // a pixel of another kind of values
            boolean outside = clean && seed % 3 != 0 && rnd.nextInt(8) == 0; // no value at all (outside the zones)
            for (int y = 0; y < total; y++) {
                double v = switch (mixed ? (kind + 1) % 4 : kind) {
                    case 0 -> rnd.nextInt(9000) - 1000; // NDVI x 10000
                    case 1 -> (float) (rnd.nextDouble() - 0.3); // float32 NDVI
                    case 2 -> rnd.nextDouble() * 3 - 1; // doubles
                    default -> (rnd.nextBoolean() ? 1 : -1) * (double) (rnd.nextInt() & 0x7fffffff); // large ints
                };
                if (rnd.nextInt(5) == 0 && y > 0) {
                    v = stack[(y - 1) * n + i]; // ties
                }
                stack[y * n + i] = outside || rnd.nextDouble() < gaps ? Double.NaN : v;
            }
        }
        int windows = 1 + rnd.nextInt(4);
        int[] from = new int[windows];
        int[] years = new int[windows];
        for (int w = 0; w < windows; w++) {
            from[w] = rnd.nextInt(total);
            years[w] = rnd.nextInt(6) == 0 ? rnd.nextInt(2) : 1 + rnd.nextInt(total - from[w]);
        }
        if (seed < 5) { // the three periods of the benchmark: 16 of 24 years, starting 4 years apart
            from = new int[] {0, 4, 8};
            years = new int[] {16, 16, 16};
            windows = 3;
        }
        int[][] s = new int[windows][n];
        int[][] count = new int[windows][n];
        MannKendall.statistics(stack, n, from, years, s, count);
        for (int w = 0; w < windows; w++) {
            int[] es = new int[n];
            int[] ec = new int[n];
            MannKendall.statistic(stack, n, from[w], years[w], es, ec);
            assertArrayEquals(ec, count[w], "counts of window " + from[w] + "+" + years[w]);
            assertArrayEquals(es, s[w], "S of window " + from[w] + "+" + years[w]);
        }
    }
}
