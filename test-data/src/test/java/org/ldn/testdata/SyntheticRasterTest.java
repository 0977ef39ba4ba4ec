package org.ldn.testdata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.ArrayRasterSource;
import org.ldn.core.raster.SampleType;
import org.ldn.testdata.SyntheticRaster.Patch;

class SyntheticRasterTest {
    private static final Grid G = SyntheticRaster.geographic(140, -2, 0.01, 7, 5);

    @Test
    void patchesPaintInOrder() {
        int[] map = SyntheticRaster.patches(G, 2,
                new Patch(new Window(1, 1, 3, 2), 3),
                new Patch(new Window(3, 2, 4, 3), 7));
        assertArrayEquals(new int[] {
            2, 2, 2, 2, 2, 2, 2,
            2, 3, 3, 3, 2, 2, 2,
            2, 3, 3, 7, 7, 7, 7,
            2, 2, 2, 7, 7, 7, 7,
            2, 2, 2, 7, 7, 7, 7}, map);
        assertThrows(IllegalArgumentException.class,
                () -> SyntheticRaster.patches(G, 0, new Patch(new Window(5, 0, 3, 1), 1)));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void randomClassesUseOnlyTheGivenValuesAndRepeatBySeed(long seed) {
        Grid g = SyntheticRaster.geographic(0, 0, 1, 200, 100);
        int[] map = SyntheticRaster.randomClasses(g, new int[] {1, 2, 5}, 0.1, 255, seed);
        assertArrayEquals(map, SyntheticRaster.randomClasses(g, new int[] {1, 2, 5}, 0.1, 255, seed));
        assertFalse(Arrays.equals(map, SyntheticRaster.randomClasses(g, new int[] {1, 2, 5}, 0.1, 255, seed + 10)));
        long noData = Arrays.stream(map).filter(v -> v == 255).count();
        assertTrue(Arrays.stream(map).allMatch(v -> v == 1 || v == 2 || v == 5 || v == 255));
        // 20,000 draws at p = 0.1: standard deviation 42; 6 of them is far beyond chance.
        assertEquals(2000, noData, 6 * 42.4);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void smoothFieldStaysInItsBoundsAndVariesSlowly(long seed) {
        Grid g = SyntheticRaster.geographic(0, 0, 1, 120, 90);
        double[] f = SyntheticRaster.smoothField(g, 5000, 2000, seed);
        double maxStep = 2000 * 2 * Math.PI / 8;
        for (int r = 0; r < g.height(); r++) {
            for (int c = 0; c < g.width(); c++) {
                double v = f[r * g.width() + c];
                assertTrue(v >= 3000 && v <= 7000);
                if (c > 0) {
                    assertTrue(Math.abs(v - f[r * g.width() + c - 1]) <= maxStep);
                }
                if (r > 0) {
                    assertTrue(Math.abs(v - f[(r - 1) * g.width() + c]) <= maxStep);
                }
            }
        }
        double min = Arrays.stream(f).min().orElseThrow();
        double max = Arrays.stream(f).max().orElseThrow();
        assertTrue(max - min > 1000, "the field should vary: " + min + " .. " + max);
    }

    @Test
    void trendStackHasTheGivenSlopes() {
        double[] intercept = {0.3, 0.5, Double.NaN, 0.7};
        double[] slope = {0.01, -0.02, 0.0, 0.0};
        double[][] exact = SyntheticRaster.trendStack(intercept, slope, 16, 0, 1);
        double[][] noisy = SyntheticRaster.trendStack(intercept, slope, 16, 0.001, 1);
        for (int i = 0; i < intercept.length; i++) {
            if (Double.isNaN(intercept[i])) {
                for (double[] band : exact) {
                    assertTrue(Double.isNaN(band[i]));
                }
                continue;
            }
            SimpleRegression ols = new SimpleRegression();
            SimpleRegression olsNoisy = new SimpleRegression();
            for (int t = 0; t < 16; t++) {
                ols.addData(2001 + t, exact[t][i]);
                olsNoisy.addData(2001 + t, noisy[t][i]);
            }
            assertEquals(slope[i], ols.getSlope(), 1e-12);
            assertEquals(slope[i], olsNoisy.getSlope(), 0.001); // slope error sd: 0.001 / sqrt(340) = 5e-5
        }
    }

    @Test
    void sourceReadsNoDataAsNaN() {
        ArrayRasterSource s = SyntheticRaster.source("lc", G, SampleType.UINT8, 255,
                SyntheticRaster.patches(G, 255, new Patch(new Window(0, 0, 2, 1), 4)));
        double[] out = new double[3];
        s.read(0, new Window(1, 0, 3, 1), out);
        assertEquals(4, out[0]);
        assertTrue(Double.isNaN(out[1]) && Double.isNaN(out[2]));
        assertEquals(SampleType.UINT8, s.sampleType());
    }
}
