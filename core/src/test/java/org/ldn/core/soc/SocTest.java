package org.ldn.core.soc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ldn.core.indicator.Classes;

class SocTest {
    private static final short ND = Classes.NODATA;

    @Test
    void degradationThresholdsAreDecidedExactly() {
        // start, end → class; ties at exactly −10 % and +10 % (METHOD.md §4)
        double[] start = {100, 100, 100, 100, 100, 30, 70, 0, Double.NaN, 100, 41};
        double[] end = {90, 90.0001, 110, 109.9999, 100, 27, 77, 5, 5, Double.NaN, 36.9};
        short[] out = new short[start.length];
        SocDegradation.apply(start, end, 10, out, start.length);
        assertArrayEquals(new short[] {-1, 0, 1, 0, 0, -1, 1, ND, ND, ND, -1}, out);
    }

    @Test
    void otherThresholdsCrossMultiplied() {
        short[] out = new short[3];
        SocDegradation.apply(new double[] {100, 100, 20}, new double[] {95, 95.5, 21}, 5, out, 3);
        assertArrayEquals(new short[] {-1, 0, 1}, out);
    }

    @Test
    void climateZonesMapToRegimeFactors() {
        double[] z = {0, 1, 2, 9, 10, 11, 12, Double.NaN, 13, 3.5};
        ClimateFactor.fromZones(z, z.length);
        assertEquals(0.69, z[1]);
        assertEquals(0.80, z[2]);
        assertEquals(0.64, z[3]);
        assertEquals(0.48, z[4]);
        assertEquals(0.48, z[5]);
        assertEquals(0.58, z[6]);
        for (int i : new int[] {0, 7, 8, 9}) {
            assertTrue(Double.isNaN(z[i]), "unknown zone at " + i);
        }
    }

    @Test
    void factorsFollowTheTable() {
        double f = 0.69;
        assertEquals(f, SocFactors.factor(1, 3, f));
        assertEquals(1 / f, SocFactors.factor(3, 2, f));
        assertEquals(1 / 0.71, SocFactors.factor(3, 4, f));
        assertEquals(0.71, SocFactors.factor(4, 3, f));
        assertEquals(0.1, SocFactors.factor(2, 5, f));
        assertEquals(2, SocFactors.factor(6, 4, f));
        assertEquals(1, SocFactors.factor(5, 6, f));
        assertEquals(1, SocFactors.factor(7, 3, f));
        assertEquals(1, SocFactors.factor(1, 7, f));
    }

    @Test
    void forestToCroplandLosesSocLinearlyOverTwentyYears() {
        // 100 t/ha forest in 2000, cropland from the 2005 map; f = 0.69 → Δ = 100·0.31/20 = 1.55 t/ha per year,
        // applied on the 20 steps 2004→2005 … 2023→2024, then nothing.
        double[] initial = {100};
        short[][] classes = {{1}, {3}};
        int[] outYears = {2000, 2004, 2005, 2015, 2024, 2030};
        double[][] out = new double[outYears.length][1];
        SocModel.run(initial, null, 0.69, 2000, new int[] {2000, 2005}, classes, outYears, out, 1);
        assertEquals(100, out[0][0]);
        assertEquals(100, out[1][0]);
        assertEquals(98.45, out[2][0], 1e-12);
        assertEquals(100 - 11 * 1.55, out[3][0], 1e-12);
        assertEquals(69, out[4][0], 1e-12);
        assertEquals(69, out[5][0], 1e-12);
    }

    @Test
    void aSecondConversionRestartsFromTheCurrentStock() {
        // grassland→cropland in 2001 (f 0.5: Δ = 2.5), cropland→settlement in 2003: Δ = SOC_2002·0.9/20
        double[] initial = {100};
        short[][] classes = {{2}, {3}, {5}};
        double[][] out = new double[2][1];
        SocModel.run(initial, null, 0.5, 2000, new int[] {2000, 2001, 2003}, classes, new int[] {2002, 2004}, out, 1);
        double soc2002 = 100 - 2 * 2.5;
        assertEquals(soc2002, out[0][0], 1e-12);
        double d = soc2002 * 0.9 / 20;
        assertEquals(soc2002 - 2 * d, out[1][0], 1e-12);
    }

    @Test
    void nodataInStockClimateOrClassesGivesNodata() {
        double[] initial = {Double.NaN, 50, 50, 50};
        double[] climate = {0.69, Double.NaN, 0.69, 0.69};
        short[][] classes = {{1, 1, ND, 1}, {1, 1, 1, ND}};
        double[][] out = new double[2][4];
        SocModel.run(initial, climate, 0, 2000, new int[] {2000, 2010}, classes, new int[] {2000, 2015}, out, 4);
        assertTrue(Double.isNaN(out[0][0]) && Double.isNaN(out[1][0]), "stock nodata");
        assertTrue(Double.isNaN(out[0][1]) && Double.isNaN(out[1][1]), "climate unknown");
        assertTrue(Double.isNaN(out[0][2]) && Double.isNaN(out[1][2]), "initial class nodata");
        assertEquals(50, out[0][3], "2000 stands: its classes are valid");
        assertTrue(Double.isNaN(out[1][3]), "2015 uses the nodata class of 2010");
    }
}
