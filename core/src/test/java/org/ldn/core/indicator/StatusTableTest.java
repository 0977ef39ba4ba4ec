package org.ldn.core.indicator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The table-driven status kernel gives what the rule written with branches gives, for any pair of values. */
class StatusTableTest {
    @Test
    void sameAsTheRule() {
        SplittableRandom rnd = new SplittableRandom(3);
        short[] common = {-1, 0, 1, Classes.NODATA, Classes.WATER, 2, -2, 7, Short.MAX_VALUE};
        int n = 1 << 20;
        short[] b = new short[n];
        short[] r = new short[n];
        for (int i = 0; i < n; i++) {
            b[i] = rnd.nextBoolean() ? common[rnd.nextInt(common.length)] : (short) rnd.nextInt(1 << 16);
            r[i] = rnd.nextBoolean() ? common[rnd.nextInt(common.length)] : (short) rnd.nextInt(1 << 16);
        }
        for (int x = 0; x < common.length * common.length; x++) { // every pair of the common values too
            b[x] = common[x / common.length];
            r[x] = common[x % common.length];
        }
        short[] expected = new short[n];
        short[] actual = new short[n];
        Status.applyRule(b, r, expected, n);
        Status.apply(b, r, actual, n);
        assertArrayEquals(expected, actual);
    }
}
