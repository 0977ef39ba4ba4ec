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

    /** validate() accepts 1..5 and the nodata codes and finds the first other value, as its branching rule. */
    @org.junit.jupiter.api.Test
    void validateAsTheBranchingRule() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        double[] values = {Double.NaN, 0, -0.0, 15, 1, 2, 3, 4, 5, 6, -1, 1.5, 4.999, 14, 16, 1e10, -1e10,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 255, -32768};
        for (int k = 0; k < 2000; k++) {
            int n = 1 + rnd.nextInt(60);
            double[] in = new double[n];
            for (int i = 0; i < n; i++) {
                in[i] = values[rnd.nextInt(rnd.nextBoolean() ? 9 : values.length)];
            }
            int expectedBad = LpdClasses.ALL_VALID;
            short[] expected = new short[n];
            for (int i = 0; i < n && expectedBad == LpdClasses.ALL_VALID; i++) {
                double v = in[i];
                if (Double.isNaN(v) || v == 0 || v == 15) {
                    expected[i] = Classes.NODATA;
                } else if (v == 1 || v == 2 || v == 3 || v == 4 || v == 5) {
                    expected[i] = (short) v;
                } else {
                    expectedBad = i;
                }
            }
            short[] out = new short[n];
            int bad = LpdClasses.validate(in, out, n);
            assertEquals(expectedBad, bad, "case " + k);
            int upTo = bad == LpdClasses.ALL_VALID ? n : bad;
            for (int i = 0; i < upTo; i++) {
                assertEquals(expected[i], out[i], "case " + k + " pixel " + i);
            }
        }
    }
}
