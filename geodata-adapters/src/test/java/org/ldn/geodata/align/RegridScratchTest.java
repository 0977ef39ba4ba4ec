package org.ldn.geodata.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSource;
import org.ldn.geodata.crs.Crs;

/** Reads that reuse their thread's working arrays give what reads on new arrays give. */
class RegridScratchTest {
    @Test
    void anArrayIsHandedOutOnceUntilGivenBack() {
        int[] a = RegridScratch.ints(1000);
        int[] nested = RegridScratch.ints(10);
        assertNotSame(a, nested);
        RegridScratch.give(nested);
        RegridScratch.give(a);
        int[] again = RegridScratch.ints(1000);
        assertSame(a, again, "the array long enough is reused");
        RegridScratch.give(again);
        double[] big = RegridScratch.doubles(RegridScratch.MAX_KEPT + 1);
        RegridScratch.give(big);
        assertNotSame(big, RegridScratch.doubles(RegridScratch.MAX_KEPT + 1), "arrays above the limit are not kept");
    }

    /**
     * Sources on a coarser grid of the same CRS with a fractional offset (one box read), on a finer one (the general
     * gather), and in UTM (the lattice): windows of random size and place, read one after the other on one thread,
     * equal the same pixels of one read of the whole grid made on a thread of its own (new arrays throughout).
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void windowsReadInAnyOrderEqualOneFreshRead(int kind) throws Exception {
        Grid target = new Grid(CrsInfo.WGS84, 12, 47.8, 0.004, -0.003, 400, 300);
        FunctionRasterSource src = switch (kind) {
            case 0 -> new FunctionRasterSource("coarse", new Grid(CrsInfo.WGS84, 11.9931, 47.8043, 0.0093, -0.0071,
                    200, 150), 2, (b, c, r) -> b * 1e7 + r * 200.0 + c);
            case 1 -> new FunctionRasterSource("fine", new Grid(CrsInfo.WGS84, 11.99, 47.81, 0.0007, -0.0009, 3000,
                    1200), 2, (b, c, r) -> b * 1e7 + r * 3000.0 + c);
            default -> new FunctionRasterSource("utm", new Grid(Crs.describe(Crs.fromEpsg(32633)), 300_000,
                    5_300_000, 250, -250, 1600, 1200), 2, (b, c, r) -> b * 1e7 + r * 1600.0 + c);
        };
        RasterSource r = Regridded.onto(src, target);
        double[][] whole = new double[1][];
        Thread fresh = new Thread(() -> {
            whole[0] = new double[2 * target.extent().length()];
            r.readBands(0, 2, target.extent(), whole[0]);
        });
        fresh.start();
        fresh.join();
        SplittableRandom rnd = new SplittableRandom(kind);
        long valid = 0;
        for (int k = 0; k < 60; k++) {
            int w = 1 + rnd.nextInt(k % 2 == 0 ? 400 : 40);
            int h = 1 + rnd.nextInt(k % 2 == 0 ? 300 : 30);
            Window win = new Window(rnd.nextInt(400 - w + 1), rnd.nextInt(300 - h + 1), w, h);
            double[] out = new double[2 * win.length()];
            java.util.Arrays.fill(out, -1);
            r.readBands(0, 2, win, out);
            double[] expected = new double[out.length];
            for (int b = 0; b < 2; b++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        expected[b * win.length() + y * w + x] = whole[0][b * target.extent().length()
                                + (win.row() + y) * 400 + win.col() + x];
                    }
                }
            }
            assertArrayEquals(expected, out, "window " + win);
            for (double v : out) {
                valid += Double.isNaN(v) ? 0 : 1;
            }
        }
        assertTrue(valid > 10_000, valid + " valid samples");
        assertTrue(src.calls.get() > 0, "the source was read");
    }
}
