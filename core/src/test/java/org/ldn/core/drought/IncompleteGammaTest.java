package org.ldn.core.drought;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

/** {@link IncompleteGamma} against Commons Math's {@code Gamma.regularizedGammaP} and hand values. */
class IncompleteGammaTest {
    @Test
    void agreesWithCommonsMathToOneTrillionthRelativeOverAGridOfShapesAndArguments() {
        double worst = 0;
        String at = "";
        int count = 0;
        // α over Thom's range for SPI sums (0.05..200), x = α·s from far left tail to far right tail
        for (double la = Math.log(0.05); la <= Math.log(200); la += 0.05) {
            double a = Math.exp(la), lg = Gamma.logGamma(a);
            for (double ls = Math.log(1e-4); ls <= Math.log(20); ls += 0.02) {
                double x = a * Math.exp(ls);
                double ref = Gamma.regularizedGammaP(a, x, 1e-16, Integer.MAX_VALUE);
                double ours = IncompleteGamma.p(a, x, lg);
                if (ref < 1e-300) {
                    continue;
                }
                double rel = Math.abs(ours - ref) / ref;
                if (rel > worst) {
                    worst = rel;
                    at = "a=" + a + " x=" + x + ": ours " + ours + ", Commons " + ref;
                }
                count++;
            }
        }
        assertTrue(count > 50_000, "grid " + count);
        assertTrue(worst <= 1e-12, "worst relative difference " + worst + " at " + at);
    }

    @Test
    void handValues() {
        // P(1, x) = 1 − e^−x; P(2, x) = 1 − (1 + x)e^−x; P(a, 0) = 0
        assertEquals(1 - Math.exp(-0.5), IncompleteGamma.p(1, 0.5, 0), 1e-15);
        assertEquals(1 - Math.exp(-3), IncompleteGamma.p(1, 3, 0), 1e-15);
        assertEquals(1 - 5 * Math.exp(-4), IncompleteGamma.p(2, 4, 0), 1e-15);
        assertEquals(0, IncompleteGamma.p(2.5, 0, Gamma.logGamma(2.5)));
        assertTrue(Double.isNaN(IncompleteGamma.p(2.5, Double.NaN, Gamma.logGamma(2.5))));
    }
}
