package org.ldn.geodata.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;
import org.ldn.geodata.crs.Crs;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;

/**
 * The lattice locator against the exact one (every centre transformed), pixel for pixel, over random pairs of CRSs
 * (geographic, UTM zones north and south, polar stereographic north and south, Lambert azimuthal and cylindrical
 * equal-area), random grids, and source grids placed so that chosen target centres fall within 1e-9 of a source
 * pixel's edge (or exactly on it).
 */
class LatticeLocatorTest {

    /** A CRS and the area (longitude and latitude ranges, degrees) where a test grid may be centred in it. */
    private record Area(int epsg, double lonMin, double lonMax, double latMin, double latMax) {
    }

    private static final Area[] AREAS = {
        new Area(4326, -170, 170, -75, 75),
        new Area(32633, 10, 20, 2, 70),
        new Area(32634, 16, 26, 2, 70),
        new Area(32735, 22, 32, -70, -2),
        new Area(3413, -180, 180, 62, 86), // NSIDC polar stereographic north
        new Area(3031, -180, 180, -86, -62), // Antarctic polar stereographic
        new Area(3035, -5, 35, 36, 68), // ETRS89 Lambert azimuthal equal-area
        new Area(6933, -170, 170, -75, 75), // EASE-Grid 2.0, cylindrical equal-area
    };

    static IntStream seeds() {
        return IntStream.range(0, 24);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void equalsTheExactTransformPixelForPixel(int seed) throws Exception {
        SplittableRandom rnd = new SplittableRandom(1000 + seed);
        Area a;
        Area b;
        double lon;
        double lat;
        while (true) {
            a = AREAS[rnd.nextInt(AREAS.length)];
            b = AREAS[rnd.nextInt(AREAS.length)];
            double lo0 = Math.max(a.lonMin, b.lonMin);
            double lo1 = Math.min(a.lonMax, b.lonMax);
            double la0 = Math.max(a.latMin, b.latMin);
            double la1 = Math.min(a.latMax, b.latMax);
            if (a != b && lo0 < lo1 && la0 < la1) {
                lon = lo0 + rnd.nextDouble() * (lo1 - lo0);
                lat = la0 + rnd.nextDouble() * (la1 - la0);
                break;
            }
        }
        CoordinateReferenceSystem targetCrs = Crs.fromEpsg(a.epsg);
        CoordinateReferenceSystem sourceCrs = Crs.fromEpsg(b.epsg);
        CoordinateReferenceSystem wgs84 = Crs.fromEpsg(4326);
        CrsInfo targetInfo = Crs.describe(targetCrs);
        CrsInfo sourceInfo = Crs.describe(sourceCrs);
        // target grid: 150..400 pixels a side around (lon, lat); cells of 0.001..0.02° or 50..2000 m
        double[] centre = {lon, lat};
        Crs.transform(wgs84, targetCrs).transform(centre, 0, centre, 0, 1);
        int width = 150 + rnd.nextInt(251);
        int height = 150 + rnd.nextInt(251);
        double cell = targetInfo.geographic() ? 0.001 + rnd.nextDouble() * 0.019 : 50 + rnd.nextDouble() * 1950;
        Grid target = new Grid(targetInfo, centre[0] - width / 2.0 * cell + rnd.nextDouble() * cell,
                centre[1] + height / 2.0 * cell, cell, -cell * (0.8 + 0.4 * rnd.nextDouble()), width, height);
        MathTransform t = Crs.transform(targetCrs, sourceCrs);

        // the target's extent in the source CRS, from points along its edges
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int k = 0; k <= 40; k++) {
            double f = k / 40.0;
            double[][] pts = {{f * width, 0}, {f * width, height}, {0, f * height}, {width, f * height}};
            for (double[] p : pts) {
                double[] xy = {target.x0() + p[0] * target.dx(), target.y0() + p[1] * target.dy()};
                t.transform(xy, 0, xy, 0, 1);
                minX = Math.min(minX, xy[0]);
                maxX = Math.max(maxX, xy[0]);
                minY = Math.min(minY, xy[1]);
                maxY = Math.max(maxY, xy[1]);
            }
        }
        // source cells 0.3..3 times the target's size there; the source covers the target with a margin, or (every
        // third seed) only part of it, so that some centres fall outside
        double sdx = (maxX - minX) / width * (0.3 + 2.7 * rnd.nextDouble());
        double sdy = -(maxY - minY) / height * (0.3 + 2.7 * rnd.nextDouble());
        double margin = seed % 3 == 0 ? -0.2 : 0.05;
        int sw = (int) Math.ceil((maxX - minX) * (1 + 2 * margin) / sdx) + 1;
        int sh = (int) Math.ceil((maxY - minY) * (1 + 2 * margin) / -sdy) + 1;
        double sx0 = minX - margin * (maxX - minX) - rnd.nextDouble() * sdx;
        double sy0 = maxY + margin * (maxY - minY) + rnd.nextDouble() * -sdy;

        int nearEdge = 0;
        for (int variant = 0; variant < 4; variant++) {
            // move the source origin so that one chosen centre lies within 1e-9 pixel of a column edge (exactly on
            // it in variant 0) and another within 1e-9 pixel of a row edge
            double[] p = exactSourceXy(t, target, rnd.nextInt(width), rnd.nextInt(height));
            double[] q = exactSourceXy(t, target, rnd.nextInt(width), rnd.nextInt(height));
            double du = variant == 0 ? 0 : (rnd.nextDouble() * 2 - 1) * 1e-9;
            double dv = variant == 0 ? 0 : (rnd.nextDouble() * 2 - 1) * 1e-9;
            double x0 = p[0] - (Math.floor((p[0] - sx0) / sdx) + du) * sdx;
            double y0 = q[1] - (Math.floor((q[1] - sy0) / sdy) + dv) * sdy;
            Grid source = new Grid(sourceInfo, x0, y0, sdx, sdy, sw, sh);
            double u = (p[0] - x0) / sdx;
            double v = (q[1] - y0) / sdy;
            if (Math.abs(u - Math.rint(u)) <= 1e-9 + 1e-12 * Math.abs(u)) {
                nearEdge++;
            }
            if (Math.abs(v - Math.rint(v)) <= 1e-9 + 1e-12 * Math.abs(v)) {
                nearEdge++;
            }
            compare(target, source, t, rnd, "seed " + seed + " EPSG:" + a.epsg + " -> EPSG:" + b.epsg + " variant "
                    + variant);
        }
        assertTrue(nearEdge >= 6, "centres placed near source edges: " + nearEdge + " of 8");
    }

    private static double[] exactSourceXy(MathTransform t, Grid target, int col, int row) throws Exception {
        double[] xy = {target.centreX(col), target.centreY(row)};
        t.transform(xy, 0, xy, 0, 1);
        return xy;
    }

    private static void compare(Grid target, Grid source, MathTransform t, SplittableRandom rnd, String what) {
        LatticeLocator lattice = new LatticeLocator(target, source, t);
        TransformLocator exact = new TransformLocator(target, source, t);
        Window all = target.extent();
        int n = all.length();
        int[] ec = new int[n];
        int[] er = new int[n];
        exact.locate(all, ec, er);
        int[] lc = new int[n];
        int[] lr = new int[n];
        lattice.locate(all, lc, lr);
        for (int i = 0; i < n; i++) {
            if (ec[i] != lc[i] || er[i] != lr[i]) {
                throw new AssertionError(what + ": pixel (" + i % target.width() + ", " + i / target.width()
                        + ") exact (" + ec[i] + ", " + er[i] + ") lattice (" + lc[i] + ", " + lr[i] + ")");
            }
        }
        // a window anywhere gives the same as the whole grid there
        int c0 = rnd.nextInt(target.width());
        int r0 = rnd.nextInt(target.height());
        Window w = new Window(c0, r0, 1 + rnd.nextInt(target.width() - c0), 1 + rnd.nextInt(target.height() - r0));
        int[] wc = new int[w.length()];
        int[] wr = new int[w.length()];
        lattice.locate(w, wc, wr);
        for (int i = 0; i < w.length(); i++) {
            int j = (w.row() + i / w.width()) * target.width() + w.col() + i % w.width();
            assertEquals(ec[j], wc[i], what + " window " + w);
            assertEquals(er[j], wr[i], what + " window " + w);
        }
    }

    @Test
    void utmToGeographicInterpolatesAlmostEverywhere() throws Exception {
        // a 30 m UTM 34N grid read from a geographic source: the interpolation error over a 32-pixel cell is far
        // below a pixel, so every cell has a finite bound
        CoordinateReferenceSystem utm = Crs.fromEpsg(32634);
        Grid target = new Grid(Crs.describe(utm), 500_000, 1_000_000, 30, -30, 512, 512);
        Grid source = new Grid(CrsInfo.WGS84, 20, 10, 0.00025, -0.00025, 8000, 8000);
        LatticeLocator l = new LatticeLocator(target, source, Crs.transform(utm, Crs.fromEpsg(4326)));
        for (int r = 0; r < 512; r += LatticeLocator.STEP) {
            for (int c = 0; c < 512; c += LatticeLocator.STEP) {
                double bound = l.boundAt(c, r);
                assertTrue(bound >= LatticeLocator.FLOOR && bound < 1e-3, "bound " + bound + " at " + c + ", " + r);
            }
        }
        int[] cols = new int[512 * 512];
        int[] rows = new int[512 * 512];
        l.locate(target.extent(), cols, rows);
        int[] ec = new int[512 * 512];
        int[] er = new int[512 * 512];
        new TransformLocator(target, source, Crs.transform(utm, Crs.fromEpsg(4326))).locate(target.extent(), ec, er);
        assertArrayEquals(ec, cols);
        assertArrayEquals(er, rows);
    }
}
