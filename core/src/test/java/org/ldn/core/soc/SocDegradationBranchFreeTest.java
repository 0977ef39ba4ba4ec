package org.ldn.core.soc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldn.core.indicator.Classes;

/** The branch-free SOC degradation kernel classes every pixel as the rule written with branches does. */
class SocDegradationBranchFreeTest {
    @ParameterizedTest
    @ValueSource(doubles = {10, 0, 5.5, 25})
    void sameClassesAsTheBranchingRule(double threshold) {
        SplittableRandom rnd = new SplittableRandom(Double.doubleToLongBits(threshold));
        int n = 100_000;
        double[] start = new double[n];
        double[] end = new double[n];
        double[] special = {Double.NaN, 0, -0.0, -1, Double.POSITIVE_INFINITY, Double.MIN_VALUE, 50, 45, 55};
        for (int i = 0; i < n; i++) {
            start[i] = rnd.nextInt(5) == 0 ? special[rnd.nextInt(special.length)] : rnd.nextDouble() * 200;
            end[i] = switch (rnd.nextInt(5)) {
                case 0 -> special[rnd.nextInt(special.length)];
                case 1 -> start[i] * (100 - threshold) / 100; // on a threshold
                case 2 -> start[i] * (100 + threshold) / 100;
                default -> rnd.nextDouble() * 200;
            };
        }
        short[] out = new short[n];
        SocDegradation.apply(start, end, threshold, out, n);
        double lower = 100 - threshold;
        double upper = 100 + threshold;
        for (int i = 0; i < n; i++) {
            double s = start[i];
            double e = end[i];
            short expected = Double.isNaN(s) || Double.isNaN(e) || !(s > 0) ? Classes.NODATA
                    : 100 * e <= lower * s ? Classes.DEGRADED
                    : 100 * e >= upper * s ? Classes.IMPROVED : Classes.STABLE;
            assertEquals(expected, out[i], "start " + s + " end " + e);
        }
    }
}
