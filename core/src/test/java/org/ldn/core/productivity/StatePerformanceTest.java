package org.ldn.core.productivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldn.core.indicator.Classes;

class StatePerformanceTest {
    private static final short ND = Classes.NODATA;
    private static final double NA = Double.NaN;

    private static short[] state(ProductivityScale scale, double[]... series) {
        short[] out = new short[series.length];
        ProductivityState.classify(TrajectoryTest.stack(series), series.length, 0, series[0].length, scale, out);
        return out;
    }

    @Test
    void percentilesOfTheExtendedSeriesAreNumpys() {
        // baseline {100, 200, 300}: extended {90, 100, 200, 300, 310};
        // numpy.percentile([90,100,200,300,310], [10..90]) = [94, 98, 120, 160, 200, 240, 280, 302, 306]
        double[] e = {20 * 90, 20 * 100, 20 * 200, 20 * 300, 20 * 310};
        double[] p = new double[9];
        ProductivityState.percentilesTimes10(e, 5, p);
        double[] numpy = {94, 98, 120, 160, 200, 240, 280, 302, 306};
        for (int k = 0; k < 9; k++) {
            assertEquals(numpy[k] * 200, p[k], "p" + (k + 1) * 10);
        }
    }

    @Test
    void classDifferencesOfExactlyTwo() {
        // scale 0.001, baseline {100, 200, 300}: percentiles 94, 98, 120, 160, 200, 240, 280, 302, 306 (above).
        // Baseline mean 200 exceeds four of them: class 5.
        ProductivityScale s = ProductivityScale.of(0.001);
        short[] out = state(s,
                new double[] {100, 200, 300, 120, 120, 120}, // mean 120 exceeds 94, 98: class 3, 3 − 5 = −2 → −1
                new double[] {100, 200, 300, 121, 121, 121}, // exceeds 94, 98, 120: class 4, −1 → 0
                new double[] {100, 200, 300, 241, 241, 241}, // exceeds 94..240: class 7, +2 → +1
                new double[] {100, 200, 300, 240, 240, 240}, // equals p60: class 6, +1 → 0
                new double[] {100, 200, 300, 300, 300, 300}, // class 8, +3 → +1
                new double[] {100, 200, 300, NA, 120, NA}, // one valid comparison year is enough
                new double[] {100, 200, 300, NA, NA, NA}, // no comparison year: nodata
                new double[] {NA, NA, NA, 120, 120, 120}); // no baseline year: nodata
        assertArrayEquals(new short[] {-1, 0, 1, 0, 1, -1, ND, ND}, out);
    }

    @Test
    void meansWithinOneHundredthAreStable() {
        // scale 0.001, baseline {195, 200, 205}: numpy percentiles of {194.5,195,200,205,205.5} are
        // 194.7, 194.9, 196, 198, 200, 202, 204, 205.1, 205.3; baseline mean 200 → class 5, 210 → class 10.
        ProductivityScale s = ProductivityScale.of(0.001);
        short[] out = state(s,
                new double[] {195, 200, 205, 210, 210, 210}, // |200 − 210| · 0.001 = 0.01: forced stable
                new double[] {195, 200, 205, 210, 211, 212}, // 0.011: +1
                new double[] {195, 200, 205, 210, 210, 211}, // mean 210.33…: 0.01033 > 0.01 → +1
                new double[] {195, 200, 205, 190, 190, 190}, // 0.01: forced stable
                new double[] {195, 200, 205, 189, 190, 190}); // mean 189.67: class 1, −4 → −1
        assertArrayEquals(new short[] {0, 1, 1, 0, -1}, out);
    }

    @Test
    void roundingHalfUpToTenThousandths() {
        ProductivityScale ndvi = ProductivityScale.of(0.0001);
        // one stored unit is 0.0001 NDVI: a mean of 0.5 units rounds up to 1, −0.5 up to 0, 1.5 to 2
        assertEquals(1, ndvi.roundedUnits(1, 2));
        assertEquals(0, ndvi.roundedUnits(-1, 2));
        assertEquals(2, ndvi.roundedUnits(3, 2));
        assertEquals(-1, ndvi.roundedUnits(-3, 2));
        // scale 0.001: 1 stored unit is 10 units of 0.0001
        assertEquals(10, ProductivityScale.of(0.001).roundedUnits(1, 1));
        // 1/3 stored units at scale 0.001 = 3.33… → 3; 2/3 → 6.67 → 7
        assertEquals(3, ProductivityScale.of(0.001).roundedUnits(1, 3));
        assertEquals(7, ProductivityScale.of(0.001).roundedUnits(2, 3));
        // monthly: scale 0.0001 / 27720; a stored 27720 is 1 unit
        assertEquals(1, ndvi.divide(ProductivityScale.MONTHS_LCM).roundedUnits(27720, 1));
    }

    @Test
    void p90OfAUnitIsNumpysRoundedHalfUp() {
        // means 0.1, 0.2, …, 1.0 NDVI: numpy.percentile(arange(1, 11) * 0.1, 90) = 0.91 → 9100 units
        UnitHistograms h = new UnitHistograms();
        for (int k = 1; k <= 10; k++) {
            h.add(7, 1000L * k);
        }
        h.add(8, 0);
        h.add(8, 5); // {0, 5}: 0 + 0.9 · 5 = 4.5 → 5
        h.add(9, -5);
        h.add(9, 0); // {−5, 0}: −0.5 → 0 (half up, towards +∞)
        UnitHistograms.P90 p = h.p90();
        assertEquals(9100, p.of(7));
        assertEquals(5, p.of(8));
        assertEquals(0, p.of(9));
        assertEquals(Performance.NONE, p.of(10));
        assertEquals(10, h.pixels(7));
    }

    @Test
    void performanceRatioOfExactlyHalfIsDegraded() {
        ProductivityScale ndvi = ProductivityScale.of(0.0001);
        long p90 = 9100; // 0.91
        double[] sum = {4550, 4551, 9100, 9101, 100, 0, 4550, 4550};
        int[] count = {1, 1, 2, 2, 1, 0, 1, 1};
        long[] pixelP90 = {p90, p90, p90, p90, p90, p90, Performance.NONE, 0};
        short[] out = new short[8];
        Performance.classify(sum, count, pixelP90, ndvi, out, 8);
        // 0.455/0.91 = 0.5 → −1; 0.4551 → 0; mean 4550 → −1; mean 4550.5 → 0.45505 → 0; 0.01 → −1;
        // no valid year, no unit, p90 ≤ 0 → nodata
        assertArrayEquals(new short[] {-1, 0, -1, 0, -1, ND, ND, ND}, out);
    }

    @Test
    void meansKernelCountsValidYearsOnly() {
        double[] st = TrajectoryTest.stack(new double[] {10, NA, 20, 31}, new double[] {NA, NA, NA, NA},
                new double[] {1e300, 1e300, 1e300, 1e300});
        double[] sum = new double[3];
        int[] count = new int[3];
        long[] units = new long[3];
        assertEquals(2, Performance.means(st, 3, 0, 4, ProductivityScale.of(0.0001), sum, count, units),
                "a mean too large to round is reported");
        assertEquals(61, sum[0]);
        assertEquals(3, count[0]);
        assertEquals(20, units[0]); // 20.33 → 20
        assertEquals(Performance.NONE, units[1]);
        double[] two = TrajectoryTest.stack(new double[] {10, NA, 20, 31}, new double[] {NA, NA, NA, NA});
        assertEquals(Performance.ALL_VALID, Performance.means(two, 2, 1, 3, ProductivityScale.of(0.0001), sum, count,
                units)); // years 1..3 only
        assertEquals(51, sum[0]);
        assertEquals(26, units[0]); // 25.5 → 26
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void p90EqualsASortedArrayPercentile(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        UnitHistograms a = new UnitHistograms();
        UnitHistograms b = new UnitHistograms();
        long[][] values = new long[5][];
        for (int u = 0; u < 5; u++) {
            int size = 1 + rnd.nextInt(u == 0 ? 3 : 3000);
            values[u] = new long[size];
            for (int k = 0; k < size; k++) {
                long v = rnd.nextLong(-3000, 10001);
                values[u][k] = v;
                (rnd.nextBoolean() ? a : b).add(u * 1000L + 3, v);
            }
        }
        a.addAll(b);
        UnitHistograms.P90 p = a.p90();
        for (int u = 0; u < 5; u++) {
            long[] v = values[u].clone();
            Arrays.sort(v);
            BigDecimal h = BigDecimal.valueOf(v.length - 1).multiply(new BigDecimal("0.9"));
            int j = h.intValue();
            BigDecimal frac = h.subtract(BigDecimal.valueOf(j));
            BigDecimal pct = BigDecimal.valueOf(v[j]);
            if (j + 1 < v.length) {
                pct = pct.add(frac.multiply(BigDecimal.valueOf(v[j + 1] - v[j])));
            }
            long expected = pct.setScale(0, RoundingMode.HALF_UP).longValue();
            if (pct.signum() < 0 && pct.remainder(BigDecimal.ONE).abs().compareTo(new BigDecimal("0.5")) == 0) {
                expected++; // HALF_UP rounds −x.5 away from zero; the method rounds towards +∞
            }
            assertEquals(expected, p.of(u * 1000L + 3), "unit " + u);
        }
    }

    @Test
    void combinationTableRowByRow() {
        short[] t = new short[21];
        short[] s = new short[21];
        short[] p = new short[21];
        int k = 0;
        for (short tv = -1; tv <= 1; tv++) {
            for (short sv = -1; sv <= 1; sv++) {
                for (short pv = -1; pv <= 0; pv++) {
                    t[k] = tv;
                    s[k] = sv;
                    p[k] = pv;
                    k++;
                }
            }
        }
        t[18] = ND;
        s[19] = ND;
        p[20] = ND;
        short[] out = new short[21];
        LpdCombination.apply(t, s, p, out, 21);
        // METHOD.md §3 table, columns (S, P) = (−1,−1) (−1,0) (0,−1) (0,0) (+1,−1) (+1,0)
        short[] expected = {1, 1, 1, 1, 1, 1, /* T = 0 */ 1, 2, 3, 4, 4, 4, /* T = +1 */ 2, 5, 5, 5, 5, 5, ND, ND, ND};
        assertArrayEquals(expected, out);
    }

    @Test
    void monthlyMeansAreStoredTimes27720() {
        double[] months = new double[12 * 3];
        Arrays.fill(months, NA);
        months[0] = 1;
        months[3] = 2;
        months[6] = 3; // pixel 0: months 0, 1, 2 = 1, 2, 3 → mean 2
        for (int m = 0; m < 12; m++) {
            months[m * 3 + 1] = m; // pixel 1: 0..11 → mean 5.5
        }
        double[] out = new double[4];
        MonthlySeries.annual(months, 3, out, 1);
        assertEquals(2 * 27720, out[1]);
        assertEquals(5.5 * 27720, out[2]);
        assertEquals(Double.NaN, out[3]);
        assertEquals(0, out[0]);
    }
}
