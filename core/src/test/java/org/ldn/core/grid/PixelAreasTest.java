package org.ldn.core.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PixelAreasTest {
    private static final CrsInfo LAEA = new CrsInfo("ETRS89 / LAEA Europe", "PROJCRS[...]", 3035, false, true);
    private static final CrsInfo UTM = new CrsInfo("WGS 84 / UTM zone 33N", "PROJCRS[...]", 32633, false, false);

    /** Closed form of the WGS84 ellipsoid's surface, km²: 2πa²(1 + (1 − e²)/e · atanh e). */
    private static double ellipsoidKm2() {
        double a = 6378137.0;
        double b = 6356752.3142;
        double e = Math.sqrt(1 - b * b / (a * a));
        double atanh = 0.5 * Math.log((1 + e) / (1 - e));
        return 2 * Math.PI * a * a * (1 + (1 - e * e) / e * atanh) / 1e6;
    }

    @Test
    void oneDegreeCellsMatchMethodChecks() {
        // METHOD.md §0: 12,308.46 km² at the equator, 6,123.14 km² between 60 and 61° N.
        Grid equator = new Grid(CrsInfo.WGS84, 0, 1, 1, -1, 1, 1);
        assertEquals(12308.46, PixelAreas.rowAreasKm2(equator)[0], 0.005);
        Grid north60 = new Grid(CrsInfo.WGS84, 10, 61, 1, -1, 1, 1);
        assertEquals(6123.14, PixelAreas.rowAreasKm2(north60)[0], 0.005);
        // The equatorial cell is the largest a 1° cell can be, wherever the grid lies.
        assertEquals(PixelAreas.rowAreasKm2(new Grid(CrsInfo.WGS84, 0, 0.5, 1, -1, 1, 1))[0],
                PixelAreas.maxPixelAreaKm2(north60), 1e-9);
    }

    @Test
    void ellipsoidTotalIsTheClosedForm() {
        double total = ellipsoidKm2();
        assertEquals(510_065_621.7, total, 0.1); // the published WGS84 surface, to the value's last digit
        Grid global = new Grid(CrsInfo.WGS84, -180, 90, 0.1, -0.1, 3600, 1800);
        double[] areas = PixelAreas.rowAreasKm2(global);
        double sum = 0;
        for (double rowArea : areas) {
            sum += rowArea * global.width();
        }
        assertEquals(total, sum, total * 1e-9);
    }

    @Test
    void southUpGridHasTheSameAreasReversed() {
        Grid northUp = new Grid(CrsInfo.WGS84, -180, 90, 1, -1, 360, 180);
        Grid southUp = new Grid(CrsInfo.WGS84, -180, -90, 1, 1, 360, 180);
        double[] n = PixelAreas.rowAreasKm2(northUp);
        double[] s = PixelAreas.rowAreasKm2(southUp);
        for (int r = 0; r < 180; r++) {
            assertEquals(n[r], s[179 - r], 1e-9);
        }
        assertEquals(n[0], n[179], 1e-9); // symmetric about the equator
        assertTrue(n[89] > n[0]);
    }

    @Test
    void rowsBeyondThePoleAreClamped() {
        // Rows of 1°, starting at 91.5° N: row 0 is off the globe, row 1 straddles the pole (90.5 .. 89.5).
        Grid g = new Grid(CrsInfo.WGS84, 0, 91.5, 1, -1, 1, 4);
        double[] a = PixelAreas.rowAreasKm2(g);
        assertEquals(0, a[0]);
        assertEquals(PixelAreas.stripKm2(89.5, 90, 1), a[1], 1e-12);
        assertTrue(a[1] > 0);
        assertEquals(PixelAreas.stripKm2(88.5, 89.5, 1), a[2], 1e-12);
        // The cap above 89.5° is the 89..90 strip minus the 89..89.5 strip (areas add up).
        assertEquals(PixelAreas.stripKm2(89, 90, 1) - PixelAreas.stripKm2(89, 89.5, 1), a[1], 1e-9);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void stripsAddUp(long seed) {
        // Property: splitting a strip at any latitude or longitude does not change its area.
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < 50; i++) {
            double lo = rnd.nextDouble(-90, 90);
            double hi = rnd.nextDouble(lo, 90);
            double mid = rnd.nextDouble(lo, hi);
            double w = rnd.nextDouble(0.001, 10);
            double whole = PixelAreas.stripKm2(lo, hi, w);
            double parts = PixelAreas.stripKm2(lo, mid, w) + PixelAreas.stripKm2(mid, hi, w);
            assertEquals(whole, parts, whole * 1e-12 + 1e-9);
            assertEquals(whole, PixelAreas.stripKm2(hi, lo, w / 3) * 3, whole * 1e-12 + 1e-9);
        }
    }

    @Test
    void projectedEqualAreaIsTheCellSizeWithoutWarning() {
        Grid g = new Grid(LAEA, 4_000_000, 3_000_000, 300, -300, 10, 5);
        double[] a = PixelAreas.rowAreasKm2(g);
        assertEquals(0.09, a[4], 1e-15);
        assertEquals(0.09, PixelAreas.maxPixelAreaKm2(g), 1e-15);
        assertTrue(PixelAreas.warning(g).isEmpty());
        assertTrue(PixelAreas.warning(new Grid(CrsInfo.WGS84, 0, 0, 1, -1, 1, 1)).isEmpty());
    }

    @Test
    void projectedNotEqualAreaWarns() {
        Grid g = new Grid(UTM, 500_000, 5_100_000, 30, -30, 10, 5);
        assertEquals(0.0009, PixelAreas.rowAreasKm2(g)[0], 1e-15);
        assertTrue(PixelAreas.warning(g).orElseThrow().contains("EPSG:32633"));
    }
}
