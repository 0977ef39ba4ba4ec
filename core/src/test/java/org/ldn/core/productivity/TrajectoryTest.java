package org.ldn.core.productivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldn.core.indicator.Classes;

class TrajectoryTest {
    private static final short ND = Classes.NODATA;
    private static final ProductivityScale NDVI = ProductivityScale.of(0.0001);
    private static final double NA = Double.NaN;

    /** A stack of one pixel per row of {@code series}: {@code stack[y · n + i] = series[i][y]}. */
    static double[] stack(double[]... series) {
        int n = series.length;
        int years = series[0].length;
        double[] s = new double[years * n];
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < years; y++) {
                s[y * n + i] = series[i][y];
            }
        }
        return s;
    }

    private static short[] classify(CriticalValues cv, ProductivityScale scale, double[]... series) {
        short[] out = new short[series.length];
        Trajectory.classify(stack(series), series.length, 0, series[0].length, cv, scale, out);
        return out;
    }

    @Test
    void handCheckedClassesAndTheSlopeTie() {
        // n = 5, exact k95 = 10: only strictly monotonic series are significant.
        // slope of {0,10,20,30,40} is 10 stored units = 0.001 NDVI per year: on the threshold, stable.
        // slope of {0,10,20,30,41} is Σ(t−2)x / Σ(t−2)² = 102/10 = 10.2 → 0.00102 > 0.001, S = 10: improving.
        short[] out = classify(CriticalValues.exact(5), NDVI,
                new double[] {0, 10, 20, 30, 40}, new double[] {0, 10, 20, 30, 41},
                new double[] {40, 30, 20, 10, 0}, new double[] {41, 30, 20, 10, 0},
                new double[] {0, 100, 50, 150, 120}, // slope 27 but S = 8 − 2 = 6 < 10
                new double[] {0, NA, 20, NA, 41}, // 3 valid years: nodata
                new double[] {NA, NA, NA, NA, NA});
        assertArrayEquals(new short[] {0, 1, 0, -1, 0, ND, ND}, out);
    }

    @Test
    void missingYearsKeepTheirYearPositions() {
        // valid years t = 0, 2, 3, 4, 5; strictly increasing, S = 10 (n = 5)
        // slope = Σ(t − 2.8)(x − x̄) / Σ(t − 2.8)²; with x = 10·t the slope is exactly 10 → stable tie
        double[] tie = {0, NA, 20, 30, 40, 50};
        double[] up = {0, NA, 20, 30, 40, 51};
        assertArrayEquals(new short[] {0, 1}, classify(CriticalValues.exact(6), NDVI, tie, up));
        double[] slope = new double[2];
        Trajectory.slope(stack(tie, up), 2, 0, 6, slope);
        assertEquals(10, slope[0], 1e-12);
    }

    @Test
    void trendsEarthTableIsLooserForSmallN() {
        // n = 5: Trends.Earth k90 = k95 = 6, so |S| ≥ 7 (i.e. 8) is significant; the exact test needs 10.
        // {0,200,100,300,410}: S = 9 − 1 = 8, slope = (−2·0 − 200 + 0 + 300 + 2·410)/10 = 92 → 0.0092 NDVI/yr
        double[] x = {0, 200, 100, 300, 410};
        assertArrayEquals(new short[] {0}, classify(CriticalValues.exact(5), NDVI, x));
        assertArrayEquals(new short[] {1}, classify(CriticalValues.trendsEarth(), NDVI, x));
    }

    @Test
    void floatingPointValuesUseTheSameRules() {
        // LAI with scale 1: slope 0.5/yr, strictly increasing; 0.0005/yr is below 0.001.
        short[] out = classify(CriticalValues.exact(5), ProductivityScale.ONE,
                new double[] {1.0, 1.5, 2.0, 2.5, 3.25}, new double[] {1.0, 1.0005, 1.001, 1.0015, 1.002},
                new double[] {3.25, 2.5, 2.0, 1.5, 1.0});
        assertArrayEquals(new short[] {1, 0, -1}, out);
    }

    @Test
    void directionComesFromTheSlopeAndSignificanceFromAbsoluteS() {
        // 8 years, exact k95(8) = 18 (M = 28): a rising series with one huge dip at the end. S counts order only;
        // the least-squares slope is dominated by the last value.
        double[] x = {10, 11, 12, 13, 14, 15, 16, -1000};
        int[] s = new int[1];
        int[] c = new int[1];
        MannKendall.statistic(stack(x), 1, 0, 8, s, c);
        assertEquals(21 - 7, s[0]); // the first 7 rise (21 pairs +), the last is below all 7 (7 pairs −)
        assertEquals(18, MannKendallNull.upperCriticalValue(8, 1, 40));
        double[] slope = new double[1];
        Trajectory.slope(stack(x), 1, 0, 8, slope);
        assertEquals(true, slope[0] < 0);
        // S = 14 < 18: not significant, stable despite the negative slope
        assertArrayEquals(new short[] {0}, classify(CriticalValues.exact(8), NDVI, x));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void statisticEqualsTheDoubleLoopOnRandomStacks(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int years = 3 + rnd.nextInt(30);
        int n = 1 + rnd.nextInt(700);
        double[] st = new double[years * n];
        for (int i = 0; i < n; i++) {
            // 0 integers, 1 float32 in [−1, 1], 2 doubles, 3 integers with ties, 4 float32 up to 1000 and
            // 5 any int (keys beyond ±2^30: compared, not subtracted); even seeds keep every key within ±2^30
            int kind = rnd.nextInt(seed % 2 == 0 ? 4 : 6);
            double gap = rnd.nextInt(3) == 0 ? 0.2 : 0;
            for (int y = 0; y < years; y++) {
                double v = switch (kind) {
                    case 0 -> rnd.nextInt(-20000, 20000);
                    case 1 -> (float) (rnd.nextDouble() * 2 - 1);
                    case 2 -> rnd.nextDouble() * 1e6 - 5e5;
                    case 3 -> rnd.nextInt(4);
                    case 4 -> (float) (rnd.nextDouble() * 1000);
                    default -> rnd.nextInt();
                };
                st[y * n + i] = rnd.nextDouble() < gap ? Double.NaN : v;
            }
        }
        int[] s = new int[n];
        int[] count = new int[n];
        MannKendall.statistic(st, n, 0, years, s, count);
        for (int i = 0; i < n; i++) {
            int expected = 0;
            int valid = 0;
            for (int j = 0; j < years; j++) {
                double a = st[j * n + i];
                if (Double.isNaN(a)) {
                    continue;
                }
                valid++;
                for (int k = j + 1; k < years; k++) {
                    double b = st[k * n + i];
                    if (!Double.isNaN(b)) {
                        expected += Double.compare(b, a) > 0 ? 1 : b == a ? 0 : -1;
                    }
                }
            }
            assertEquals(expected, s[i], "pixel " + i);
            assertEquals(valid, count[i]);
        }
    }

    @Test
    void sortableKeysOrderFloatsLikeFloats() {
        float[] v = {-Float.MAX_VALUE, -3.5f, -1f, -Float.MIN_VALUE, -0.0f, 0.0f, Float.MIN_VALUE, 0.25f, 1f, 1e30f};
        for (int a = 0; a < v.length; a++) {
            for (int b = 0; b < v.length; b++) {
                int expected = v[a] < v[b] ? -1 : v[a] > v[b] ? 1 : 0;
                assertEquals(expected, Integer.signum(Integer.compare(MannKendall.sortableKey(v[a]),
                        MannKendall.sortableKey(v[b]))), v[a] + " vs " + v[b]);
            }
        }
    }
}
