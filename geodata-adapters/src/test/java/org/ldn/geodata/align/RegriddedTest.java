package org.ldn.geodata.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Tiling;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSource;
import org.ldn.geodata.crs.Crs;

/** Regridding on synthetic grids whose answers follow from their construction. */
class RegriddedTest {
    private static final CrsInfo WGS84 = CrsInfo.WGS84;

    /** A 10 x 8 source of 1° cells from (0, 8) whose value is 100·row + col. */
    private static FunctionRasterSource tenByEight() {
        return new FunctionRasterSource("src", new Grid(WGS84, 0, 8, 1, -1, 10, 8), 1, (b, c, r) -> 100 * r + c);
    }

    private static double[] readAll(RasterSource s) {
        double[] out = new double[s.grid().extent().length()];
        s.read(0, s.grid().extent(), out);
        return out;
    }

    @Test
    void sameGridIsTheSourceItself() {
        FunctionRasterSource src = tenByEight();
        assertSame(src, Regridded.onto(src, new Grid(WGS84, 0, 8, 1, -1, 10, 8)));
    }

    @Test
    void equivalentCrsWithAnotherDescriptionReadsTheSamePixels() {
        FunctionRasterSource src = tenByEight();
        CrsInfo described = Crs.describe(Crs.fromWkt("GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","
                + "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],"
                + "UNIT[\"Degree\",0.0174532925199433]]", "esri"));
        RasterSource r = Regridded.onto(src, new Grid(described, 0, 8, 1, -1, 10, 8));
        double[] expected = new double[80];
        for (int i = 0; i < 80; i++) {
            expected[i] = 100 * (i / 10) + i % 10;
        }
        assertArrayEquals(expected, readAll(r));
    }

    @Test
    void finerShiftedTargetRepeatsSourcePixels() {
        // target cells of 0.5° from (1, 7): centres at x = 1.25, 1.75, 2.25, ... lie in source columns 1, 1, 2, 2, ...
        // and y = 6.75, 6.25, 5.75, ... in source rows 1, 1, 2, ...; the last two columns (x = 10.25, 10.75) and the
        // last two rows (y = -0.25, -0.75) fall outside the source
        RasterSource r = Regridded.onto(tenByEight(), new Grid(WGS84, 1, 7, 0.5, -0.5, 20, 16));
        double[] v = readAll(r);
        for (int row = 0; row < 16; row++) {
            for (int col = 0; col < 20; col++) {
                double expected = col < 18 && row < 14 ? 100 * (1 + row / 2) + 1 + col / 2 : Double.NaN;
                assertEquals(expected, v[row * 20 + col], 0, "col " + col + " row " + row);
            }
        }
    }

    /**
     * A reference grid cut from a finer raster (here the 0.00025° grids of a national run, offset by whole pixels):
     * every window, inside the source or crossing its edges, reads the source's pixels shifted, as one read of the
     * same window size when it lies inside.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void gridShiftedByWholePixelsReadsTheSourcePixels(int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double d = 0.00025;
        int w = 300 + rnd.nextInt(50);
        int h = 200 + rnd.nextInt(50);
        FunctionRasterSource src = new FunctionRasterSource("src", new Grid(WGS84, 10, 5, d, -d, w, h), 1,
                (b, c, r) -> 1000 * r + c);
        int dc = rnd.nextInt(61) - 20; // negative: the reference starts west of or north of the source
        int dr = rnd.nextInt(61) - 20;
        int tw = 150 + rnd.nextInt(250);
        int th = 100 + rnd.nextInt(200);
        RasterSource r = Regridded.onto(src, new Grid(WGS84, 10 + dc * d, 5 - dr * d, d, -d, tw, th));
        for (Window win : Tiling.of(r.grid(), 37 + rnd.nextInt(60)).windows()) {
            long callsBefore = src.calls.get();
            long readBefore = src.pixelsRead.get();
            double[] out = new double[win.length()];
            r.read(0, win, out);
            boolean inside = true;
            for (int i = 0; i < out.length; i++) {
                int c = win.col() + i % win.width() + dc;
                int row = win.row() + i / win.width() + dr;
                boolean in = c >= 0 && c < w && row >= 0 && row < h;
                inside &= in;
                assertEquals(in ? 1000.0 * row + c : Double.NaN, out[i], 0, win + " pixel " + i);
            }
            if (inside) {
                assertEquals(1, src.calls.get() - callsBefore, "one read for " + win);
                assertEquals(win.length(), src.pixelsRead.get() - readBefore, "pixels read for " + win);
            }
        }
    }

    @Test
    void coarserTargetTakesTheCentrePixel() {
        // cells of 3° from (-1, 9): centres at x = 0.5, 3.5, 6.5, 9.5 (source columns 0, 3, 6, 9) and
        // y = 7.5, 4.5, 1.5 (rows 0, 3, 6)
        RasterSource r = Regridded.onto(tenByEight(), new Grid(WGS84, -1, 9, 3, -3, 4, 3));
        assertArrayEquals(new double[] {0, 3, 6, 9, 300, 303, 306, 309, 600, 603, 606, 609}, readAll(r));
    }

    @Test
    void centresOnCellEdgesGoRightAndDown() {
        // centres exactly on source edges: x = 0, 1, ..., 10 and y = 8, 7, ..., 0; x = 10 and y = 0 are the far edges
        RasterSource r = Regridded.onto(tenByEight(), new Grid(WGS84, -0.5, 8.5, 1, -1, 11, 9));
        double[] v = readAll(r);
        for (int row = 0; row < 9; row++) {
            for (int col = 0; col < 11; col++) {
                double expected = col < 10 && row < 8 ? 100 * row + col : Double.NaN;
                assertEquals(expected, v[row * 11 + col], 0, "col " + col + " row " + row);
            }
        }
    }

    @Test
    void decimalEdgesSurviveRounding() {
        // source cells of 0.1 from x = 0.1; target centres 0.05 + (k + 0.5)·0.1 = 0.1·(k + 1) lie on the left edge
        // of source column k, but in binary floating point 10 of the 30 give (x - 0.1) / 0.1 just below k
        // (k = 2: x = 0.30000000000000004, (x - 0.1) / 0.1 = 1.9999999999999998); the centre 3.1 is the far edge
        Grid source = new Grid(WGS84, 0.1, 1, 0.1, -0.1, 30, 1);
        FunctionRasterSource src = new FunctionRasterSource("tenths", source, 1, (b, c, row) -> c);
        double[] v = readAll(Regridded.onto(src, new Grid(WGS84, 0.05, 1, 0.1, -0.1, 31, 1)));
        for (int k = 0; k < 30; k++) {
            assertEquals(k, v[k], 0, "centre " + (0.05 + (k + 0.5) * 0.1));
        }
        assertEquals(Double.NaN, v[30], 0);
    }

    @Test
    void multiBandReadsMatchSingleBandReads() {
        Grid g = new Grid(WGS84, 0, 8, 1, -1, 10, 8);
        FunctionRasterSource src = new FunctionRasterSource("bands", g, 3, (b, c, r) -> 1000 * b + 10 * r + c);
        RasterSource r = Regridded.onto(src, new Grid(WGS84, 0.3, 7.7, 0.7, -0.7, 13, 11));
        Window w = new Window(2, 3, 9, 7);
        double[] all = new double[2 * w.length()];
        r.readBands(1, 2, w, all);
        double[] one = new double[w.length()];
        for (int b = 1; b <= 2; b++) {
            r.read(b, w, one);
            for (int i = 0; i < one.length; i++) {
                assertEquals(one[i], all[(b - 1) * w.length() + i], 0);
                assertTrue(Double.isNaN(one[i]) || Math.floor(one[i] / 1000) == b, "band " + b + " value " + one[i]);
            }
        }
    }

    @Test
    void muchFinerSourceIsReadRowByRowNotAsABoundingBox() {
        // 20000 x 10000 source of 0.001° cells onto a 100 x 50 target of 0.2°: 200 source pixels per target pixel
        // each way. Needed: one source row per target row, each read as one run over the window's 20000 columns
        // (gaps of 199 pixels are below SourceGather.MAX_GAP), not the 200-million-pixel bounding box
        Grid fine = new Grid(WGS84, 0, 10, 0.001, -0.001, 20000, 10000);
        FunctionRasterSource src = new FunctionRasterSource("fine", fine, 1, (b, c, r) -> (double) r * 20000 + c);
        RasterSource r = Regridded.onto(src, new Grid(WGS84, 0, 10, 0.2, -0.2, 100, 50));
        double[] v = readAll(r);
        assertEquals(50, src.calls.get());
        assertEquals(50L * (99 * 200 + 1), src.pixelsRead.get());
        // target (col, row) centre at (0.2·col + 0.1, 10 - 0.2·row - 0.1): source column 200·col + 100, row likewise
        assertEquals((double) (200 * 7 + 100) * 20000 + 200 * 3 + 100, v[7 * 100 + 3], 0);
    }

    @Test
    void veryMuchFinerSourceIsReadPixelByPixel() {
        // 2000 source pixels per target pixel: the gaps exceed SourceGather.MAX_GAP, so each needed pixel is one read
        Grid fine = new Grid(WGS84, 0, 1, 0.0001, -0.0001, 40000, 10000);
        FunctionRasterSource src = new FunctionRasterSource("finer", fine, 1, (b, c, r) -> c);
        RasterSource r = Regridded.onto(src, new Grid(WGS84, 0, 1, 0.2, -0.2, 20, 5));
        double[] v = readAll(r);
        assertEquals(100, src.calls.get());
        assertEquals(100, src.pixelsRead.get());
        assertEquals(2000 * 13 + 1000, v[13], 0);
    }

    @Test
    void coarserSourceIsReadAsOneBoundingBox() {
        FunctionRasterSource src = tenByEight();
        RasterSource r = Regridded.onto(src, new Grid(WGS84, 2, 6, 0.1, -0.1, 40, 30));
        readAll(r);
        assertEquals(1, src.calls.get());
        assertEquals(4 * 3, src.pixelsRead.get(), "columns 2..5, rows 2..4");
    }

    @Test
    void parallelReadsEqualSequentialOnes() throws Exception {
        // tiles of different width and height read by four threads at once, across CRSs (UTM 33N onto lon/lat)
        Grid utm = new Grid(Crs.describe(Crs.fromEpsg(32633)), 300_000, 5_300_000, 250, -250, 1600, 1200);
        FunctionRasterSource src = new FunctionRasterSource("utm", utm, 2, (b, c, r) -> b * 1e7 + r * 1600.0 + c);
        RasterSource r = Regridded.onto(src, new Grid(WGS84, 12, 47.8, 0.004, -0.003, 700, 900));
        Tiling tiling = new Tiling(700, 900, 97, 61);
        double[][] sequential = new double[tiling.tileCount()][];
        for (int t = 0; t < tiling.tileCount(); t++) {
            Window w = tiling.tile(t);
            sequential[t] = new double[2 * w.length()];
            r.readBands(0, 2, w, sequential[t]);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<double[]>> parallel = new java.util.ArrayList<>();
            for (int t = 0; t < tiling.tileCount(); t++) {
                Window w = tiling.tile(t);
                parallel.add(pool.submit(() -> {
                    double[] out = new double[2 * w.length()];
                    r.readBands(0, 2, w, out);
                    return out;
                }));
            }
            long valid = 0;
            for (int t = 0; t < tiling.tileCount(); t++) {
                double[] p = parallel.get(t).get();
                assertArrayEquals(sequential[t], p);
                for (double v : p) {
                    valid += Double.isNaN(v) ? 0 : 1;
                }
            }
            assertTrue(valid > 100_000, valid + " valid samples");
        } finally {
            pool.shutdown();
        }
    }

    /** Random grids: any tiling of the target and any strategy of reading gives the same pixels. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void resultsDoNotDependOnTheWindows(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int k = 0; k < 20; k++) {
            int sw = 1 + rnd.nextInt(300);
            int sh = 1 + rnd.nextInt(300);
            Grid sg = new Grid(WGS84, rnd.nextDouble(-10, 10), rnd.nextDouble(-10, 10), rnd.nextDouble(0.01, 1),
                    -rnd.nextDouble(0.01, 1), sw, sh);
            FunctionRasterSource src = new FunctionRasterSource("s", sg, 1, (b, c, r) -> (double) r * sw + c);
            Grid tg = new Grid(WGS84, rnd.nextDouble(-12, 12), rnd.nextDouble(-12, 12), rnd.nextDouble(0.005, 2),
                    -rnd.nextDouble(0.005, 2), 1 + rnd.nextInt(200), 1 + rnd.nextInt(200));
            RasterSource r = Regridded.onto(src, tg);
            double[] whole = readAll(r);
            Tiling tiling = new Tiling(tg.width(), tg.height(), 1 + rnd.nextInt(40), 1 + rnd.nextInt(30));
            for (Window w : tiling.windows()) {
                double[] part = new double[w.length()];
                r.read(0, w, part);
                for (int i = 0; i < part.length; i++) {
                    int index = (w.row() + i / w.width()) * tg.width() + w.col() + i % w.width();
                    assertEquals(whole[index], part[i], 0);
                }
            }
            // and each value is the source pixel containing the centre, checked on the half-open cell bounds
            for (int i = 0; i < whole.length; i++) {
                double x = tg.centreX(i % tg.width());
                double y = tg.centreY(i / tg.width());
                if (Double.isNaN(whole[i])) {
                    boolean outside = x < sg.x0() || x >= sg.x0() + sw * sg.dx() || y > sg.y0()
                            || y <= sg.y0() + sh * sg.dy();
                    assertTrue(outside || nearEdge(x, y, sg), "NaN inside the source at " + x + ", " + y);
                } else {
                    int c = (int) (whole[i] % sw);
                    int rr = (int) (whole[i] / sw);
                    boolean inCell = x >= sg.x0() + c * sg.dx() && x < sg.x0() + (c + 1) * sg.dx()
                            && y <= sg.y0() + rr * sg.dy() && y > sg.y0() + (rr + 1) * sg.dy();
                    assertTrue(inCell || nearEdge(x, y, sg), "centre " + x + ", " + y + " not in cell " + c + ", " + rr);
                }
            }
        }
    }

    /** Within 1e-9 pixel of a cell edge, where the rounding of the check itself decides. */
    private static boolean nearEdge(double x, double y, Grid g) {
        double u = (x - g.x0()) / g.dx();
        double v = (y - g.y0()) / g.dy();
        return Math.abs(u - Math.rint(u)) < 1e-9 || Math.abs(v - Math.rint(v)) < 1e-9;
    }
}
