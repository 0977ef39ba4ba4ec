package org.ldn.core.drought;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpiTest {
    @ParameterizedTest
    @CsvSource({"0.5, 80, 0", "2, 30, 0", "9, 4, 0", "1.5, 20, 0.2", "0.7, 10, 0.45"})
    void theSumAtProbabilityOneHalfHasSpiZero(double alpha, double beta, double q) {
        double x = new GammaDistribution(alpha, beta).inverseCumulativeProbability((0.5 - q) / (1 - q));
        assertEquals(0, Spi.of(x, alpha, beta, q), 1e-8);
    }

    @Test
    void theMedianOfADrawnSeriesHasSpiNearZero() {
        double[] x = new GammaDistribution(new Well19937c(7), 2.5, 40).sample(1001);
        double[] fit = new double[3];
        GammaFit.fit(x, 0, 1, x.length, 20, fit, 0);
        double[] sorted = x.clone();
        java.util.Arrays.sort(sorted);
        // the sample median's probability is 0.5 ± 1/(2√n) at one sd: SPI within 3 sd ≈ 0.12
        assertEquals(0, Spi.of(sorted[500], fit[0], fit[1], fit[2]), 0.12);
    }

    @Test
    void normalQuantileAgreesWithCommonsMathsNormalDistribution() {
        NormalDistribution normal = new NormalDistribution();
        for (double h = 0.0011; h < 0.999; h += 0.0137) {
            assertEquals(normal.inverseCumulativeProbability(h), Spi.ofProbability(h), 1e-12);
        }
        // hand-checkable table values
        assertEquals(-1, Spi.ofProbability(0.158655254), 1e-8);
        assertEquals(-2, Spi.ofProbability(0.022750132), 1e-8);
        assertEquals(1.5, Spi.ofProbability(0.933192799), 1e-8);
    }

    @Test
    void clampedToPlusMinus309() {
        assertEquals(-3.09, Spi.ofProbability(0));
        assertEquals(-3.09, Spi.ofProbability(1e-5));
        assertEquals(3.09, Spi.ofProbability(1));
        assertEquals(3.09, Spi.ofProbability(1 - 1e-6));
        assertEquals(-3.09, Spi.of(1e-9, 3, 10, 0), "a near-zero sum under a fit without zeros");
        assertEquals(3.09, Spi.of(1e6, 3, 10, 0));
    }

    @Test
    void nodataInNodataOut() {
        assertTrue(Double.isNaN(Spi.of(Double.NaN, 2, 3, 0)));
        assertTrue(Double.isNaN(Spi.of(5, Double.NaN, Double.NaN, Double.NaN)));
    }
}
