package org.ldn.core.zone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldn.core.InputException;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Tiling;
import org.ldn.core.grid.Window;

class ZoneRasterTest {
    /** 8 × 6 cells of 1 × 1 with corner (0, 6): pixel (c, r) has its centre at (c + 0.5, 5.5 − r). */
    private static final Grid SMALL = new Grid(CrsInfo.WGS84, 0, 6, 1, -1, 8, 6);

    private static ZoneShape zone(String id, double[]... rings) {
        return new ZoneShape(id, "Zone " + id, List.of(rings));
    }

    private static int[] fillAll(ZoneRaster z) {
        int[] out = new int[(int) z.grid().pixelCount()];
        z.fill(z.grid().extent(), out);
        return out;
    }

    @Test
    void fillGivesEachPixelItsZone() {
        // A: columns 0-2, rows 0-5 (x < 3); B: a box with centres 4.5..6.5 across and 4.5..2.5 down.
        ZoneRaster z = ZoneRaster.build("test.gpkg", List.of(
                zone("A", ScanlineRasterizerTest.box(0, 0, 3, 6)),
                zone("B", ScanlineRasterizerTest.box(4.2, 2.2, 6.8, 4.8))), SMALL);
        int[] expected = {
            0, 0, 0, -1, -1, -1, -1, -1,
            0, 0, 0, -1, 1, 1, 1, -1,
            0, 0, 0, -1, 1, 1, 1, -1,
            0, 0, 0, -1, 1, 1, 1, -1,
            0, 0, 0, -1, -1, -1, -1, -1,
            0, 0, 0, -1, -1, -1, -1, -1};
        assertArrayEquals(expected, fillAll(z));
        assertEquals(18, z.pixelCount(0));
        assertEquals(9, z.pixelCount(1));
        assertEquals("B", z.id(1));
        assertEquals("Zone B", z.name(1));
        assertEquals(2, z.zoneCount());
        // A window in the middle: columns 2-5 of rows 1-2.
        int[] w = new int[8];
        z.fill(new Window(2, 1, 4, 2), w);
        assertArrayEquals(new int[] {0, -1, 1, 1, 0, -1, 1, 1}, w);
    }

    @Test
    void sharedEdgesThroughPixelCentresGoToOneZone() {
        // N and S share the edge y = 3.5, the centre line of row 2; W and E share x = 5.5, the centres of column 5.
        // gdal_rasterize burns row 2 for both N (its southern edge) and S (GDAL 3.6.2, RasterizeLayer of
        // POLYGON((1.2 1.2, 8.3 1.2, 8.3 4.5, 1.2 4.5, 1.2 1.2)) and of the polygon above it on a 1° grid): here
        // it goes to S only. Column 5 goes to W, as in GDAL.
        ZoneRaster z = ZoneRaster.build("t", List.of(
                zone("N", ScanlineRasterizerTest.box(0.2, 3.5, 3.8, 5.8)),
                zone("S", ScanlineRasterizerTest.box(0.2, 0.2, 3.8, 3.5)),
                zone("W", ScanlineRasterizerTest.box(4.2, 0.2, 5.5, 5.8)),
                zone("E", ScanlineRasterizerTest.box(5.5, 0.2, 7.8, 5.8))), SMALL);
        assertArrayEquals(new int[] {
            0, 0, 0, 0, 2, 2, 3, 3,
            0, 0, 0, 0, 2, 2, 3, 3,
            1, 1, 1, 1, 2, 2, 3, 3,
            1, 1, 1, 1, 2, 2, 3, 3,
            1, 1, 1, 1, 2, 2, 3, 3,
            1, 1, 1, 1, 2, 2, 3, 3}, fillAll(z));
        // Alone, N keeps its southern row, as gdal_rasterize has it.
        assertEquals(12, ZoneRaster.build("t", List.of(zone("N", ScanlineRasterizerTest.box(0.2, 3.5, 3.8, 5.8))),
                SMALL).pixelCount(0));
    }

    @Test
    void zonesWithoutPixelsAreReported() {
        ZoneRaster z = ZoneRaster.build("test.gpkg", List.of(
                zone("inside", ScanlineRasterizerTest.box(0.2, 0.2, 2.8, 2.8)),
                zone("outside", ScanlineRasterizerTest.box(20, 20, 30, 30)),
                zone("sliver", ScanlineRasterizerTest.box(3.6, 0.1, 4.4, 5.9)), // between the centres 3.5 and 4.5
                zone("empty")), SMALL);
        assertArrayEquals(new int[] {1, 2, 3}, z.zonesWithoutPixels());
        assertEquals(9, z.pixelCount(0));
    }

    @Test
    void overlappingZonesAreAnInputError() {
        // A covers centres x 0.5..3.5, y 4.5..1.5; B covers x 2.5..5.5, y 3.5..0.5: both hold x 2.5..3.5 (2 columns)
        // and y 3.5..1.5 (3 rows), the first in row-major order being column 2, row 2 (centre 2.5, 3.5).
        List<ZoneShape> zones = List.of(
                zone("A", ScanlineRasterizerTest.box(0.2, 1.2, 3.8, 4.8)),
                zone("B", ScanlineRasterizerTest.box(2.2, 0.2, 5.8, 3.8)));
        List<ZoneOverlap> o = ZoneRaster.overlaps("test.gpkg", zones, SMALL);
        assertEquals(List.of(new ZoneOverlap(0, 1, "A", "B", 6, 2, 2, 2.5, 3.5)), o);
        InputException e = assertThrows(InputException.class, () -> ZoneRaster.build("test.gpkg", zones, SMALL));
        assertEquals("test.gpkg: zones 'A' (Zone A) and 'B' (Zone B) overlap: 6 pixel centres of the grid lie in both,"
                + " the first at column 2, row 2 (x 2.500000, y 3.500000) (make the zones disjoint, e.g. clean the"
                + " shared borders, so that each pixel centre lies in one zone only)", e.getMessage());
    }

    @Test
    void everyOverlappingPairIsCounted() {
        // Three boxes: A and B share 4 pixels, A and C 2, B and C 1 (the pixel in all three counts for each pair).
        List<ZoneShape> zones = List.of(
                zone("A", ScanlineRasterizerTest.box(0.2, 0.2, 4.8, 2.8)),   // cols 0-4, rows 3-5
                zone("B", ScanlineRasterizerTest.box(3.2, 1.2, 7.8, 5.8)),   // cols 3-7, rows 0-4
                zone("C", ScanlineRasterizerTest.box(4.2, 0.2, 4.8, 1.8)));  // col 4, rows 4-5
        List<ZoneOverlap> o = ZoneRaster.overlaps("t", zones, SMALL);
        assertEquals(3, o.size());
        assertEquals(new ZoneOverlap(0, 1, "A", "B", 4, 3, 3, 3.5, 2.5), o.get(0));
        assertEquals(new ZoneOverlap(0, 2, "A", "C", 2, 4, 4, 4.5, 1.5), o.get(1));
        assertEquals(new ZoneOverlap(1, 2, "B", "C", 1, 4, 4, 4.5, 1.5), o.get(2));
        InputException e = assertThrows(InputException.class, () -> ZoneRaster.build("t", zones, SMALL));
        assertTrue(e.getMessage().contains("; 2 other pairs of zones overlap too"), e.getMessage());
    }

    @Test
    void holesAndSelfOverlapsWithinOneZoneAreNotOverlaps() {
        ZoneRaster z = ZoneRaster.build("t", List.of(
                zone("ring", ScanlineRasterizerTest.box(0.2, 0.2, 7.8, 5.8), ScanlineRasterizerTest.box(2.2, 1.2,
                        5.8, 4.8)),
                zone("island", ScanlineRasterizerTest.box(3.2, 2.2, 4.8, 3.8))), SMALL);
        assertEquals(48 - 16, z.pixelCount(0));
        assertEquals(4, z.pixelCount(1));
    }

    @Test
    void inputErrorsNameTheZone() {
        InputException dup = assertThrows(InputException.class, () -> ZoneRaster.build("b.shp", List.of(
                zone("X", ScanlineRasterizerTest.box(0, 0, 1, 1)), zone("X", ScanlineRasterizerTest.box(2, 2, 3, 3))),
                SMALL));
        assertTrue(dup.getMessage().startsWith("b.shp: zone id 'X' is used by more than one feature"));
        InputException nan = assertThrows(InputException.class, () -> ZoneRaster.build("b.shp", List.of(
                zone("Y", new double[] {0, 0, 1, Double.NaN, 2, 0})), SMALL));
        assertTrue(nan.getMessage().startsWith("b.shp: zone 'Y' has a malformed ring"), nan.getMessage());
    }

    @Test
    void fillChecksItsArguments() {
        ZoneRaster z = ZoneRaster.build("t", List.of(zone("A", ScanlineRasterizerTest.box(0, 0, 3, 6))), SMALL);
        assertThrows(IllegalArgumentException.class, () -> z.fill(new Window(5, 0, 4, 1), new int[4]));
        assertThrows(IllegalArgumentException.class, () -> z.fill(new Window(0, 0, 4, 2), new int[7]));
    }

    /**
     * A random partition: the box [x1, x2] × [y1, y2] is cut into rectangles at vertical lines snapped to half a cell
     * (so many lie exactly on pixel centres) and at horizontal lines through rows of pixel centres, each rectangle
     * into two triangles along a random diagonal. Zones share edges, many of them exactly through pixel centres.
     */
    private static List<ZoneShape> partition(SplittableRandom rnd, Grid g, double x1, double y1, double x2,
            double y2) {
        double[] xs = cuts(rnd, x1, x2, 2 + rnd.nextInt(5), g.dx() / 2, 0);
        double[] ys = cuts(rnd, y1, y2, 2 + rnd.nextInt(5), -g.dy(), g.centreY(0)); // on rows of centres
        List<ZoneShape> zones = new ArrayList<>();
        for (int i = 0; i + 1 < xs.length; i++) {
            for (int j = 0; j + 1 < ys.length; j++) {
                double a = xs[i];
                double b = xs[i + 1];
                double c = ys[j];
                double d = ys[j + 1];
                boolean slash = rnd.nextBoolean();
                double[] t1 = slash ? new double[] {a, c, b, c, b, d} : new double[] {a, c, b, c, a, d};
                double[] t2 = slash ? new double[] {a, c, b, d, a, d} : new double[] {b, c, b, d, a, d};
                zones.add(new ZoneShape("z" + zones.size(), "t", List.of(rnd.nextBoolean() ? t1
                        : ScanlineRasterizerTest.reversed(t1))));
                zones.add(new ZoneShape("z" + zones.size(), "t", List.of(t2)));
            }
        }
        return zones;
    }

    /** {@code n − 1} random cuts between lo and hi, each at {@code offset} plus a multiple of {@code snap}. */
    private static double[] cuts(SplittableRandom rnd, double lo, double hi, int n, double snap, double offset) {
        double[] c = new double[n + 1];
        c[0] = lo;
        c[n] = hi;
        for (int i = 1; i < n; i++) {
            c[i] = offset + Math.round((lo + (hi - lo) * (i + rnd.nextDouble(-0.4, 0.4)) / n - offset) / snap) * snap;
        }
        Arrays.sort(c);
        return c;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void zonesSharingEdgesSplitEveryPixelExactlyOnce(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Grid g = new Grid(CrsInfo.WGS84, 0, 9, 0.25, -0.25, 48, 36);
        List<ZoneShape> zones = partition(rnd, g, 0.625, 0.375, 11.125, 8.5);
        ZoneRaster z = ZoneRaster.build("t", zones, g); // throws if any two zones overlap
        int[] got = fillAll(z);
        // The union of the zones is the outer rectangle: every pixel inside it has exactly one zone.
        byte[] union = BruteForceZones.mask(List.of(ScanlineRasterizerTest.box(0.625, 0.375, 11.125, 8.5)), g);
        for (int p = 0; p < got.length; p++) {
            assertEquals(union[p] == 1, got[p] >= 0, "pixel " + p);
        }
        // Each pixel goes to the zone containing it by the crossing rule, else to the zone that has it on a
        // southern horizontal edge (gdal_rasterize would give such a pixel to both zones around the edge).
        byte[][] crossing = new byte[zones.size()][];
        byte[][] full = new byte[zones.size()][];
        for (int k = 0; k < zones.size(); k++) {
            crossing[k] = BruteForceZones.crossingMask(zones.get(k).rings(), g);
            full[k] = BruteForceZones.mask(zones.get(k).rings(), g);
        }
        long[] counts = new long[zones.size()];
        int sharedRows = 0;
        for (int p = 0; p < got.length; p++) {
            int owner = -1;
            int edgeOwners = 0;
            for (int k = 0; k < zones.size(); k++) {
                if (crossing[k][p] == 1) {
                    assertEquals(-1, owner, "two zones contain pixel " + p + " by the crossing rule");
                    owner = k;
                }
                edgeOwners += full[k][p];
            }
            for (int k = 0; owner < 0 && k < zones.size(); k++) {
                if (full[k][p] == 1) {
                    owner = k;
                }
            }
            sharedRows += edgeOwners > 1 ? 1 : 0;
            assertEquals(owner, got[p], "pixel " + p);
            if (owner >= 0) {
                counts[owner]++;
            }
        }
        for (int k = 0; k < zones.size(); k++) {
            assertEquals(counts[k], z.pixelCount(k));
        }
        assertTrue(sharedRows > 0, "seed " + seed + " has no pixel on a shared horizontal edge");
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
    void fillOverAnyTilingEqualsTheWholeGrid(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Grid g = new Grid(CrsInfo.WGS84, 12.3, 47.9, 0.1, -0.1, 61, 43);
        RandomPolygons gen = new RandomPolygons(seed, 12.3, 43.6, 18.4, 47.9, 0);
        List<ZoneShape> zones = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            zones.add(new ZoneShape("z" + i, "z" + i, gen.next()));
        }
        // Random shapes may overlap; keep the largest prefix of zones that does not.
        while (!ZoneRaster.overlaps("t", zones, g).isEmpty()) {
            zones.remove(zones.size() - 1);
        }
        ZoneRaster z = ZoneRaster.build("t", zones, g);
        int[] whole = fillAll(z);
        for (int k = 0; k < 10; k++) {
            Tiling t = new Tiling(g.width(), g.height(), 1 + rnd.nextInt(g.width()), 1 + rnd.nextInt(g.height()));
            int[] assembled = new int[whole.length];
            Arrays.fill(assembled, Integer.MIN_VALUE);
            // Tiles are filled in parallel: fill must be thread-safe.
            IntStream.range(0, t.tileCount()).parallel().forEach(i -> {
                Window w = t.tile(i);
                int[] out = new int[w.length() + 3]; // a longer buffer is allowed
                z.fill(w, out);
                for (int r = 0; r < w.height(); r++) {
                    System.arraycopy(out, r * w.width(), assembled, (w.row() + r) * g.width() + w.col(), w.width());
                }
            });
            assertArrayEquals(whole, assembled, "tiling " + t);
        }
    }
}
