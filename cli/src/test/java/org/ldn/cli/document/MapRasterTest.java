package org.ldn.cli.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.grid.Grid;
import org.ldn.core.raster.ArrayRasterSource;
import org.ldn.core.raster.SampleType;

/** The downsampled map picture: the mode of each block, whatever the windows it is read through. */
class MapRasterTest {
    private static final double N = Double.NaN;

    @Test
    void modeOfEachBlockByHand() {
        // 5 x 4 map, blocks of 2: the last column and the last row are partial blocks
        double[] v = {
            -1, -1, 0, 1, 1,
            -1, 0, 0, 0, N,
            N, N, 1, 1, 7,
            N, 1, 1, -1, 7};
        MapRaster r = MapRaster.read(source(5, 4, v), 2);
        assertEquals(3, r.width());
        assertEquals(2, r.height());
        // block (0,0): -1 x3, 0 x1 -> -1; (1,0): 0 x3, 1 -> 0; (2,0): 1, nodata -> tie, first seen (1) wins
        // block (0,1): nodata x3, 1 -> nodata; (1,1): 1 x3, -1 -> 1; (2,1): 7 x2 -> 7
        assertArrayEquals(new short[] {-1, 0, 1, BlockMode.NODATA, 1, 7}, r.values());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void windowedReadEqualsWholeMapMode(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int w = 50 + rnd.nextInt(3000);
        int h = 20 + rnd.nextInt(60);
        int f = 1 + rnd.nextInt(9);
        double[] v = new double[w * h];
        for (int i = 0; i < v.length; i++) {
            int k = rnd.nextInt(5);
            v[i] = k == 4 ? N : k - 1;
        }
        MapRaster r = MapRaster.read(source(w, h, v), f);
        int pw = (w + f - 1) / f;
        int ph = (h + f - 1) / f;
        assertEquals(pw * ph, r.values().length);
        for (int by = 0; by < ph; by++) {
            for (int bx = 0; bx < pw; bx++) {
                assertEquals(naiveMode(v, w, h, bx * f, by * f, f), r.values()[by * pw + bx], "seed " + seed);
            }
        }
    }

    /** The mode of one block by counting each value over the whole block, ties to the first seen (rows first). */
    private static short naiveMode(double[] v, int w, int h, int c0, int r0, int f) {
        java.util.LinkedHashMap<Short, Integer> counts = new java.util.LinkedHashMap<>();
        for (int r = r0; r < Math.min(r0 + f, h); r++) {
            for (int c = c0; c < Math.min(c0 + f, w); c++) {
                double x = v[r * w + c];
                counts.merge(Double.isNaN(x) ? BlockMode.NODATA : (short) x, 1, Integer::sum);
            }
        }
        short best = 0;
        int n = -1;
        for (var e : counts.entrySet()) {
            if (e.getValue() > n) {
                best = e.getKey();
                n = e.getValue();
            }
        }
        return best;
    }

    private static ArrayRasterSource source(int w, int h, double[] v) {
        return new ArrayRasterSource("test", new Grid(CrsInfo.WGS84, 0, 0, 1, -1, w, h), SampleType.INT16, v);
    }
}
