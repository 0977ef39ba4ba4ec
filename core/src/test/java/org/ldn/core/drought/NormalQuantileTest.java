package org.ldn.core.drought;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** {@link NormalQuantile} against Commons Math and the round trip through Φ. */
class NormalQuantileTest {
    @Test
    void agreesWithCommonsMathAndInvertsPhi() {
        NormalDistribution n = new NormalDistribution(0, 1);
        double worst = 0, worstTrip = 0;
        for (int i = 1; i < 200_000; i++) {
            double p = i / 200_000.0;
            double ours = NormalQuantile.of(p);
            double ref = n.inverseCumulativeProbability(p);
            worst = Math.max(worst, Math.abs(ours - ref) / Math.max(1, Math.abs(ref)));
            worstTrip = Math.max(worstTrip, Math.abs(n.cumulativeProbability(ours) - p) / Math.min(p, 1 - p));
        }
        assertTrue(worst <= 1e-12, "worst difference to Commons Math " + worst);
        assertTrue(worstTrip <= 1e-12, "worst relative round-trip error " + worstTrip);
        // the far tail, where Commons Math's √2·erfInv(2p − 1) loses digits to 2p − 1: the round trip through Φ
        for (double p = 1e-300; p < 1e-3; p *= 10) {
            double z = NormalQuantile.of(p);
            assertEquals(1, n.cumulativeProbability(z) / p, 1e-12 * Math.max(1, z * z), "p=" + p);
        }
    }

    @Test
    void handValues() {
        assertEquals(0, NormalQuantile.of(0.5));
        assertEquals(-1.959963984540054, NormalQuantile.of(0.025), 1e-15);
        assertEquals(1.6448536269514722, NormalQuantile.of(0.95), 1e-15);
        assertEquals(Double.NEGATIVE_INFINITY, NormalQuantile.of(0));
        assertTrue(Double.isNaN(NormalQuantile.of(1.5)));
    }
}
