package org.ldn.core.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The branch-free water mask sets water exactly where the land cover is 7, for every pair of short values. */
class MaskWaterAllValuesTest {
    @Test
    void everyLandCoverValueAndClass() {
        short[] classes = {Classes.DEGRADED, Classes.STABLE, Classes.IMPROVED, Classes.NODATA, Classes.WATER,
            Short.MAX_VALUE};
        int n = 1 << 16;
        short[] lc = new short[n];
        for (int i = 0; i < n; i++) {
            lc[i] = (short) (i + Short.MIN_VALUE);
        }
        for (short c : classes) {
            short[] out = new short[n];
            java.util.Arrays.fill(out, c);
            OneOutAllOut.maskWater(lc, out, n);
            for (int i = 0; i < n; i++) {
                assertEquals(lc[i] == 7 ? Classes.WATER : c, out[i], "land cover " + lc[i] + ", class " + c);
            }
        }
    }

    /** The three-array mask equals three single masks, also when arrays repeat. */
    @Test
    void threeAtOnceAsOneByOne() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        int n = 5000;
        short[] lc = new short[n];
        short[][] x = new short[3][n];
        for (int i = 0; i < n; i++) {
            lc[i] = (short) rnd.nextInt(9);
            for (short[] a : x) {
                a[i] = (short) (rnd.nextInt(3) - 1);
            }
        }
        short[][] expected = {x[0].clone(), x[1].clone(), x[2].clone()};
        for (short[] e : expected) {
            OneOutAllOut.maskWater(lc, e, n);
        }
        short[][] y = {x[0].clone(), x[1].clone(), x[2].clone()};
        OneOutAllOut.maskWater(lc, y[0], y[1], y[2], n);
        short[] z = x[0].clone();
        OneOutAllOut.maskWater(lc, z, z, z, n);
        for (int k = 0; k < 3; k++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected[k], y[k]);
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected[0], z);
    }

    /** The mask the tile worker computes once a period: −1 exactly where the land cover is 7, 0 elsewhere. */
    @Test
    void maskIsAllOnesExactlyOnWater() {
        int n = 1 << 16;
        short[] lc = new short[n];
        for (int i = 0; i < n; i++) {
            lc[i] = (short) (i + Short.MIN_VALUE);
        }
        short[] mask = new short[n];
        java.util.Arrays.fill(mask, (short) 3); // a reused buffer: whatever it held is overwritten
        OneOutAllOut.waterMask(lc, mask, n);
        for (int i = 0; i < n; i++) {
            assertEquals(lc[i] == 7 ? -1 : 0, mask[i], "land cover " + lc[i]);
        }
    }
}
