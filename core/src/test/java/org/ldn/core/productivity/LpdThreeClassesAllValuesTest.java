package org.ldn.core.productivity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.ldn.core.indicator.Classes;

/** The branch-free 5-to-3 class kernel gives, for every short value, the class the method's table gives. */
class LpdThreeClassesAllValuesTest {
    @Test
    void everyShortValue() {
        short[] in = new short[1 << 16];
        for (int i = 0; i < in.length; i++) {
            in[i] = (short) (i + Short.MIN_VALUE);
        }
        short[] out = new short[in.length];
        LpdClasses.toThreeClasses(in, out, in.length);
        for (int i = 0; i < in.length; i++) {
            short expected = switch (in[i]) {
                case 1, 2 -> Classes.DEGRADED;
                case 3, 4 -> Classes.STABLE;
                case 5 -> Classes.IMPROVED;
                default -> Classes.NODATA;
            };
            assertEquals(expected, out[i], "LPD " + in[i]);
        }
    }
}
