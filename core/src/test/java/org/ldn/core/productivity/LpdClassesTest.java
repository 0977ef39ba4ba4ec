package org.ldn.core.productivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.ldn.core.indicator.Classes;

class LpdClassesTest {
    private static final short ND = Classes.NODATA;

    @Test
    void zeroAndFifteenAreNodataOtherValuesOutsideOneToFiveAreErrors() {
        short[] out = new short[7];
        double[] in = {1, 2, 3, 4, 5, 0, 15};
        assertEquals(LpdClasses.ALL_VALID, LpdClasses.validate(in, out, 7));
        assertArrayEquals(new short[] {1, 2, 3, 4, 5, ND, ND}, out);
        assertEquals(2, LpdClasses.validate(new double[] {1, Double.NaN, 7}, out, 3));
        assertEquals(0, LpdClasses.validate(new double[] {2.5}, out, 1));
        assertEquals(0, LpdClasses.validate(new double[] {-1}, out, 1));
    }

    @Test
    void fiveClassesToThree() {
        short[] out = new short[6];
        LpdClasses.toThreeClasses(new short[] {1, 2, 3, 4, 5, ND}, out, 6);
        assertArrayEquals(new short[] {-1, -1, 0, 0, 1, ND}, out);
    }
}
