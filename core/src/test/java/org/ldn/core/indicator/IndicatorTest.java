package org.ldn.core.indicator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IndicatorTest {
    private static final short ND = Classes.NODATA;
    private static final short W = Classes.WATER;

    @Test
    void oneOutAllOut() {
        short[] l = {0, 0, 1, -1, 1, ND, 0, W};
        short[] p = {0, 1, 1, 1, -1, 0, ND, 0};
        short[] c = {0, 0, 0, 1, 0, -1, -1, 0};
        short[] out = new short[8];
        OneOutAllOut.combine(new short[][] {l, p, c}, out, 8);
        assertArrayEquals(new short[] {0, 1, 1, -1, -1, ND, ND, W}, out);
    }

    @Test
    void waterComesFromTheFirstLandCoverYear() {
        short[] lcStart = {7, 3, ND};
        short[] cls = {1, -1, 0};
        OneOutAllOut.maskWater(lcStart, cls, 3);
        assertArrayEquals(new short[] {W, -1, 0}, cls);
    }

    @Test
    void statusTableOfTheMethod() {
        short[] b = {-1, -1, -1, 0, 0, 0, 1, 1, 1};
        short[] r = {-1, 0, 1, -1, 0, 1, -1, 0, 1};
        short[] out = new short[9];
        Status.apply(b, r, out, 9);
        assertArrayEquals(new short[] {1, 3, 6, 2, 4, 6, 2, 5, 7}, out);
    }

    @Test
    void statusWaterAndNodata() {
        short[] b = {W, 0, ND, 1, W};
        short[] r = {0, W, 1, ND, W};
        short[] out = new short[5];
        Status.apply(b, r, out, 5);
        assertArrayEquals(new short[] {ND, W, ND, ND, W}, out, "baseline water now land is nodata");
    }

    @Test
    void statusToThreeClasses() {
        short[] expected = {-1, -1, -1, 0, 1, 1, 1};
        for (short s = 1; s <= 7; s++) {
            assertEquals(expected[s - 1], Status.toThreeClasses(s));
        }
        assertEquals(ND, Status.toThreeClasses(ND));
    }
}
