package org.ldn.core.zone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.grid.Grid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScanlineRasterizerTest {
    /** 8 × 6 cells of 1 × 1 with corner (0, 6): pixel (c, r) has its centre at (c + 0.5, 5.5 − r). */
    private static final Grid SMALL = new Grid(CrsInfo.WGS84, 0, 6, 1, -1, 8, 6);
    /** 10 × 10 cells of 1 × 1 with corner (0, 10), the grid of the GDAL runs quoted below. */
    private static final Grid TEN = new Grid(CrsInfo.WGS84, 0, 10, 1, -1, 10, 10);

    static double[] ring(double... xy) {
        return xy;
    }

    static double[] box(double x1, double y1, double x2, double y2) {
        return new double[] {x1, y1, x2, y1, x2, y2, x1, y2, x1, y1};
    }

    static double[] reversed(double[] ring) {
        double[] r = new double[ring.length];
        for (int i = 0; i < ring.length / 2; i++) {
            r[2 * i] = ring[ring.length - 2 - 2 * i];
            r[2 * i + 1] = ring[ring.length - 1 - 2 * i];
        }
        return r;
    }

    /** The zone as text: '#' inside, '.' outside, one line per row from the top. */
    static String render(List<double[]> rings, Grid grid) {
        char[][] rows = new char[grid.height()][grid.width()];
        for (char[] row : rows) {
            Arrays.fill(row, '.');
        }
        ScanlineRasterizer.rasterize(rings, grid, (r, a, b) -> {
            for (int c = a; c < b; c++) {
                rows[r][c] = '#';
            }
        });
        StringBuilder sb = new StringBuilder();
        for (char[] row : rows) {
            sb.append(row).append('\n');
        }
        return sb.toString();
    }

    static String lines(String... rows) {
        return String.join("\n", rows) + "\n";
    }

    @Test
    void rectangleTakesTheCellsWhoseCentreIsInside() {
        // x in [1.2, 4.7]: centres 1.5 .. 4.5 (cols 1-4); y in [1.3, 4.1]: centres 3.5, 2.5, 1.5 (rows 2-4)
        assertEquals(lines(
                "........",
                "........",
                ".####...",
                ".####...",
                ".####...",
                "........"), render(List.of(box(1.2, 1.3, 4.7, 4.1)), SMALL));
    }

    @Test
    void triangleFollowsItsHypotenuse() {
        // Hypotenuse x = 8(1 − y/6): at the row centres y = 5.5 .. 0.5 it is at x = 0.67, 2, 3.33, 4.67, 6, 7.33;
        // a cell is in when its centre x ≤ that value.
        assertEquals(lines(
                "#.......",
                "##......",
                "###.....",
                "#####...",
                "######..",
                "#######."), render(List.of(ring(0, 0, 8, 0, 0, 6)), SMALL));
    }

    @Test
    void holeIsCutOutWhateverTheWindings() {
        String expected = lines(
                "########",
                "##....##",
                "##....##",
                "##....##",
                "##....##",
                "########");
        double[] shell = box(0.2, 0.2, 7.8, 5.8);
        double[] hole = box(2.2, 1.2, 5.8, 4.8); // centres 2.5..5.5 across, 4.5..1.5 down
        assertEquals(expected, render(List.of(shell, hole), SMALL));
        assertEquals(expected, render(List.of(reversed(shell), hole), SMALL));
        assertEquals(expected, render(List.of(shell, reversed(hole)), SMALL));
    }

    @Test
    void islandInAHoleAndSeparatePartsFollowEvenOdd() {
        assertEquals(lines(
                "########",
                "#......#",
                "#..##..#",
                "#..##..#",
                "#......#",
                "########"), render(List.of(box(0.2, 0.2, 7.8, 5.8), box(1.2, 1.2, 6.8, 4.8),
                box(3.2, 2.2, 4.8, 3.8)), SMALL));
        // Two parts that overlap: the overlap is outside (even-odd), as gdal_rasterize does for a multipolygon.
        assertEquals(lines(
                "........",
                ".###....",
                ".#..##..",
                ".#..##..",
                "..####..",
                "........"), render(List.of(box(1.2, 1.8, 3.7, 4.9), box(2.1, 1.1, 5.9, 3.9)), SMALL));
    }

    @Test
    void ringsMayBeOpenOrClosedAndDegenerateRingsAreIgnored() {
        double[] open = {1.2, 1.3, 4.7, 1.3, 4.7, 4.1, 1.2, 4.1};
        assertEquals(render(List.of(box(1.2, 1.3, 4.7, 4.1)), SMALL), render(List.of(open), SMALL));
        assertEquals(render(List.of(), SMALL), render(List.of(ring(1, 1, 5, 5), ring(1, 1, 2, 2, 1, 1)), SMALL));
    }

    @Test
    void centresOnVerticalEdgesGoToTheWestPolygon() {
        // /usr/bin/python3 + GDAL 3.6.2, gdal.RasterizeLayer(burn_values=[1]) on TEN, both windings of
        // POLYGON((2.5 2.5, 5.5 2.5, 5.5 6.5, 2.5 6.5, 2.5 2.5)): columns 3-5 and rows 3-7.
        String gdal = lines(
                "..........",
                "..........",
                "..........",
                "...###....",
                "...###....",
                "...###....",
                "...###....",
                "...###....",
                "..........",
                "..........");
        double[] sq = box(2.5, 2.5, 5.5, 6.5);
        assertEquals(gdal, render(List.of(sq), TEN));
        assertEquals(gdal, render(List.of(reversed(sq)), TEN));
    }

    @Test
    void centresOnHorizontalEdgesFollowGdal() {
        // GDAL 3.6.2 as above. A triangle's southern edge on the centre line y = 2.5 is burnt (both windings):
        // POLYGON((1.5 2.5, 8.5 2.5, 5 8, 1.5 2.5)).
        String triangle = lines(
                "..........",
                "..........",
                "..........",
                "....##....",
                "...####...",
                "...####...",
                "..######..",
                "..#######.",
                "..........",
                "..........");
        double[] tri = ring(1.5, 2.5, 8.5, 2.5, 5, 8, 1.5, 2.5);
        assertEquals(triangle, render(List.of(tri), TEN));
        assertEquals(triangle, render(List.of(reversed(tri)), TEN));
        // A notch whose bottom edge y = 3.5 is a southern edge of the shell: burnt.
        // POLYGON((1.5 1.2, 4.3 1.2, 4.3 3.5, 6.7 3.5, 6.7 1.2, 8.5 1.2, 8.5 8.3, 1.5 8.3, 1.5 1.2)), both windings.
        String notch = lines(
                "..........",
                "..........",
                "..#######.",
                "..#######.",
                "..#######.",
                "..#######.",
                "..#######.",
                "..##...##.",
                "..##...##.",
                "..........");
        double[] n = ring(1.5, 1.2, 4.3, 1.2, 4.3, 3.5, 6.7, 3.5, 6.7, 1.2, 8.5, 1.2, 8.5, 8.3, 1.5, 8.3, 1.5, 1.2);
        assertEquals(notch, render(List.of(n), TEN));
        assertEquals(notch, render(List.of(reversed(n)), TEN));
        // A hole's northern edge y = 6.5 is not burnt, its southern edge y = 2.5 is inside (outer shell), all four
        // winding combinations: POLYGON((0.2 0.2, 9.8 0.2, 9.8 9.8, 0.2 9.8, 0.2 0.2),(2.5 2.5, 6.5 2.5, ...)).
        String holed = lines(
                "##########",
                "##########",
                "##########",
                "###....###",
                "###....###",
                "###....###",
                "###....###",
                "##########",
                "##########",
                "##########");
        double[] shell = box(0.2, 0.2, 9.8, 9.8);
        double[] hole = box(2.5, 2.5, 6.5, 6.5);
        for (double[] s : List.of(shell, reversed(shell))) {
            for (double[] h : List.of(hole, reversed(hole))) {
                assertEquals(holed, render(List.of(s, h), TEN));
            }
        }
        // A hole with a notch whose bottom edge y = 4.5 has the hole south of it: not burnt.
        String holeNotch = lines(
                "##########",
                "##########",
                "##..##..##",
                "##..##..##",
                "##..##..##",
                "##......##",
                "##......##",
                "##......##",
                "##########",
                "##########");
        double[] u = ring(2.3, 2.2, 7.7, 2.2, 7.7, 7.7, 5.5, 7.7, 5.5, 4.5, 3.5, 4.5, 3.5, 7.7, 2.3, 7.7, 2.3, 2.2);
        assertEquals(holeNotch, render(List.of(shell, u), TEN));
        assertEquals(holeNotch, render(List.of(shell, reversed(u)), TEN));
    }

    @Test
    void spansAreClippedToTheGrid() {
        // A polygon far larger than the grid covers it all; one entirely outside covers nothing.
        assertEquals(lines("########", "########", "########", "########", "########", "########"),
                render(List.of(box(-100, -100, 100, 100)), SMALL));
        assertEquals(render(List.of(), SMALL), render(List.of(box(20, 20, 30, 30)), SMALL));
        // Left crossing at x = 7.3, in the last column but before its centre 7.5: that column is inside.
        assertEquals(lines("........", ".......#", ".......#", ".......#", ".......#", "........"),
                render(List.of(box(7.3, 1.2, 12, 4.8)), SMALL));
    }

    @Test
    void nonFiniteCoordinatesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> render(List.of(ring(0, 0, Double.NaN, 1, 1, 1)), SMALL));
        assertThrows(IllegalArgumentException.class, () -> render(List.of(ring(0, 0, 1, 1, 1)), SMALL));
    }

    private static void assertSameAsBruteForce(List<double[]> rings, Grid grid, String what) {
        byte[] expected = BruteForceZones.mask(rings, grid);
        byte[] actual = new byte[expected.length];
        int[] lastRow = {-1};
        int[] lastEnd = {-1};
        ScanlineRasterizer.rasterize(rings, grid, (r, a, b) -> {
            assertTrue(r >= lastRow[0] && a < b && (r > lastRow[0] || a > lastEnd[0]),
                    "spans must come in row order, sorted, disjoint and not adjacent");
            lastRow[0] = r;
            lastEnd[0] = b;
            for (int c = a; c < b; c++) {
                actual[r * grid.width() + c] = 1;
            }
        });
        int diff = 0;
        for (int i = 0; i < expected.length; i++) {
            diff += expected[i] != actual[i] ? 1 : 0;
        }
        assertEquals(0, diff, what + ": pixels differing from the brute-force point-in-polygon test");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomShapesMatchPointInPolygon(long seed) {
        // Non-dyadic cell size and origin, so that pixel coordinates carry rounding.
        Grid grid = new Grid(CrsInfo.WGS84, 12.3, 47.9, 0.1, -0.1, 61, 43);
        RandomPolygons gen = new RandomPolygons(seed, 12.3, 43.6, 18.4, 47.9, 0);
        for (int i = 0; i < 50; i++) {
            assertSameAsBruteForce(gen.next(), grid, "seed " + seed + " shape " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
    void latticeShapesWithCentresOnEdgesMatchPointInPolygon(long seed) {
        // Cell 0.25 and coordinates snapped to 0.125: vertices and edges fall exactly on centres and cell edges,
        // and every computation is exact, so the boundary convention itself is compared.
        Grid grid = new Grid(CrsInfo.WGS84, -3, 5, 0.25, -0.25, 40, 36);
        RandomPolygons gen = new RandomPolygons(seed, -3, -4, 7, 5, 0.125);
        for (int i = 0; i < 50; i++) {
            assertSameAsBruteForce(gen.next(), grid, "seed " + seed + " shape " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24})
    void southUpGridsMatchPointInPolygon(long seed) {
        Grid grid = new Grid(CrsInfo.WGS84, -3, -4, 0.25, 0.25, 40, 36);
        RandomPolygons gen = new RandomPolygons(seed, -3, -4, 7, 5, seed % 2 == 0 ? 0.125 : 0);
        for (int i = 0; i < 50; i++) {
            assertSameAsBruteForce(gen.next(), grid, "seed " + seed + " shape " + i);
        }
    }

    @Test
    void southUpGridIsTheNorthUpRasterFlipped() {
        Grid northUp = new Grid(CrsInfo.WGS84, 0, 6, 1, -1, 8, 6);
        Grid southUp = new Grid(CrsInfo.WGS84, 0, 0, 1, 1, 8, 6);
        List<double[]> tri = List.of(ring(0, 0.2, 8, 0.2, 0.3, 5.9));
        List<String> down = List.of(render(tri, northUp).split("\n"));
        List<String> up = new ArrayList<>(List.of(render(tri, southUp).split("\n")));
        Collections.reverse(up);
        assertEquals(down, up);
    }
}
