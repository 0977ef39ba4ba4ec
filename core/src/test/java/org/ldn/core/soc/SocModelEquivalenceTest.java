package org.ldn.core.soc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ldn.core.indicator.Classes;

/**
 * The Tier 1 kernel against the year-by-year walk it replaced (kept below as written before: every year looks up
 * its class, every output year is searched for each year), on random classes, gaps, climates and output years:
 * equal bit for bit.
 */
class SocModelEquivalenceTest {

    static IntStream seeds() {
        return IntStream.range(0, 40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void equalsTheYearByYearWalk(int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 1 + rnd.nextInt(500);
        int t0 = 2000 + rnd.nextInt(3);
        int maps = 1 + rnd.nextInt(5);
        int[] mapYears = new int[maps];
        mapYears[0] = t0 - rnd.nextInt(3);
        for (int m = 1; m < maps; m++) {
            mapYears[m] = mapYears[m - 1] + 1 + rnd.nextInt(12);
        }
        short[][] classes = new short[maps][n];
        for (int m = 0; m < maps; m++) {
            for (int i = 0; i < n; i++) {
                int r = rnd.nextInt(100);
                classes[m][i] = r < 3 ? Classes.NODATA
                        : m > 0 && r < 60 ? classes[m - 1][i] == Classes.NODATA ? 1 : classes[m - 1][i]
                        : (short) (1 + rnd.nextInt(7));
            }
        }
        double[] initial = new double[n];
        double[] climate = new double[n];
        for (int i = 0; i < n; i++) {
            initial[i] = rnd.nextInt(50) == 0 ? Double.NaN : rnd.nextDouble() * 200;
            climate[i] = rnd.nextInt(50) == 0 ? Double.NaN : 0.4 + rnd.nextDouble() * 0.6;
        }
        int outs = 1 + rnd.nextInt(6);
        int[] outYears = new int[outs];
        for (int k = 0; k < outs; k++) {
            outYears[k] = t0 + rnd.nextInt(45); // beyond 20 years of a conversion too; repeats allowed
        }
        boolean constant = rnd.nextBoolean();
        double[][] expected = new double[outs][n];
        double[][] actual = new double[outs][n];
        for (double[] a : actual) {
            java.util.Arrays.fill(a, -7.5); // the engine reuses its buffers from tile to tile: what they held must go
        }
        naive(initial, constant ? null : climate, 0.69, t0, mapYears, classes, outYears, expected, n);
        SocModel.run(initial, constant ? null : climate, 0.69, t0, mapYears, classes, outYears, actual, n);
        for (int k = 0; k < outs; k++) {
            for (int i = 0; i < n; i++) {
                assertEquals(Double.doubleToRawLongBits(expected[k][i]), Double.doubleToRawLongBits(actual[k][i]),
                        "year " + outYears[k] + " pixel " + i);
            }
        }
    }

    // ---- the kernel as it was written before ----

    static void naive(double[] initial, double[] climate, double constantClimate, int t0, int[] mapYears,
            short[][] classes, int[] outYears, double[][] out, int n) {
        int lastYear = t0;
        for (int y : outYears) {
            if (y < t0) {
                throw new IllegalArgumentException("year " + y + " is before the initial SOC year " + t0);
            }
            lastYear = Math.max(lastYear, y);
        }
        if (mapYears.length == 0 || mapYears[0] > t0) {
            throw new IllegalArgumentException("no land-cover map at or before the initial SOC year " + t0);
        }
        int span = lastYear - t0;
        int[] mapOfYear = new int[span + 1];
        for (int y = 0; y <= span; y++) {
            int m = 0;
            while (m + 1 < mapYears.length && mapYears[m + 1] <= t0 + y) {
                m++;
            }
            mapOfYear[y] = m;
        }
        int[] outIndex = new int[outYears.length];
        for (int k = 0; k < outYears.length; k++) {
            outIndex[k] = outYears[k] - t0;
        }
        for (int i = 0; i < n; i++) {
            for (double[] o : out) {
                o[i] = Double.NaN;
            }
            double f = climate == null ? constantClimate : climate[i];
            double soc = initial[i];
            int cls = classes[mapOfYear[0]][i];
            if (Double.isNaN(soc) || Double.isNaN(f) || cls == Classes.NODATA) {
                continue;
            }
            record(outIndex, 0, soc, out, i);
            double delta = 0;
            int age = 0;
            for (int y = 1; y <= span; y++) {
                int next = classes[mapOfYear[y]][i];
                if (next == Classes.NODATA) {
                    break; // this and later years stay NaN
                }
                if (next != cls) {
                    delta = soc * (1 - SocFactors.factor(cls, next, f)) / SocModel.CONVERSION_YEARS;
                    age = 1;
                    cls = next;
                } else if (++age > SocModel.CONVERSION_YEARS) {
                    delta = 0;
                }
                soc -= delta;
                record(outIndex, y, soc, out, i);
            }
        }
    }

    private static void record(int[] outIndex, int y, double soc, double[][] out, int i) {
        for (int k = 0; k < outIndex.length; k++) {
            if (outIndex[k] == y) {
                out[k][i] = soc;
            }
        }
    }
}
