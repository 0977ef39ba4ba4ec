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
}
