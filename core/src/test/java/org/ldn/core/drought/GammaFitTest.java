package org.ldn.core.drought;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GammaFitTest {
    /** The exact maximum-likelihood shape: the root of ln α − ψ(α) = A (decreasing in α), by bisection. */
    static double mleShape(double a) {
        double lo = 1e-6, hi = 1e6;
        for (int i = 0; i < 200; i++) {
            double mid = Math.sqrt(lo * hi);
            if (Math.log(mid) - Gamma.digamma(mid) > a) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.sqrt(lo * hi);
    }

    /** A = ln(mean) − mean(ln X) of a gamma with shape α is, in expectation of the population, ln α − ψ(α). */
    @ParameterizedTest
    @CsvSource({"0.3, 0.094", "0.5, 0.040", "1, 0.015", "2, 0.015", "5, 0.015", "10, 0.015", "50, 0.015"})
    void thomsShapeIsCloseToTheExactMaximumLikelihoodRoot(double alpha, double relativeError) {
        double a = Math.log(alpha) - Gamma.digamma(alpha);
        assertEquals(alpha, mleShape(a), 1e-7 * alpha);
        assertEquals(1, thom(a) / alpha, relativeError, "Thom at α = " + alpha);
    }

    static double thom(double a) {
        return (1 + Math.sqrt(1 + 4 * a / 3)) / (4 * a);
    }

    /** Sampling error of the MLE shape: sd(α̂) ≈ √(α / (n (α ψ'(α) − 1))) (Fisher information of the gamma). */
    @ParameterizedTest
    @CsvSource({"0.8, 40, 1", "2, 30, 2", "6, 12, 3", "20, 5, 4"})
    void aSeriesDrawnFromAKnownGammaGivesItsParametersWithinTheEstimatorsError(double alpha, double beta, long seed) {
        int n = 5000;
        GammaDistribution g = new GammaDistribution(new Well19937c(seed), alpha, beta);
        double[] x = g.sample(n);
        double[] fit = new double[3];
        assertTrue(GammaFit.fit(x, 0, 1, n, 20, fit, 0));
        double sdAlpha = Math.sqrt(alpha / (n * (alpha * Gamma.trigamma(alpha) - 1)));
        double thomBias = thom(Math.log(alpha) - Gamma.digamma(alpha)) - alpha;
        assertEquals(alpha, fit[GammaFit.ALPHA], 4 * sdAlpha + thomBias);
        double sdMean = Math.sqrt(alpha) * beta / Math.sqrt(n);
        assertEquals(alpha * beta, fit[GammaFit.ALPHA] * fit[GammaFit.BETA], 4 * sdMean, "mean = αβ exactly");
        assertEquals(0, fit[GammaFit.Q]);
    }

    @Test
    void zeroSumsGiveTheirShareAndAreLeftOutOfTheGamma() {
        double[] x = new double[30];
        for (int i = 0; i < 30; i++) {
            x[i] = i < 10 ? 0 : 5 + i;
        }
        double[] fit = new double[3];
        assertTrue(GammaFit.fit(x, 0, 1, 30, 20, fit, 0));
        assertEquals(1.0 / 3, fit[GammaFit.Q], 1e-15);
        double[] positive = Arrays.copyOfRange(x, 10, 30);
        double[] direct = new double[3];
        GammaFit.fit(positive, 0, 1, 20, 20, direct, 0);
        assertEquals(direct[GammaFit.ALPHA], fit[GammaFit.ALPHA], 1e-12);
        assertEquals(direct[GammaFit.BETA], fit[GammaFit.BETA], 1e-12);
        // A zero sum has H = q: SPI = Φ⁻¹(1/3) = −0.430727 (normal table)
        assertEquals(-0.430727, Spi.of(0, fit[0], fit[1], fit[2]), 1e-6);
    }

    @Test
    void handComputedThomFit() {
        // X = 1, 2, 4 (×7, 21 values): mean = 7/3, mean(ln X) = ln 2, A = ln(7/6)
        double[] x = new double[21];
        for (int i = 0; i < 21; i++) {
            x[i] = new double[] {1, 2, 4}[i % 3];
        }
        double[] fit = new double[3];
        assertTrue(GammaFit.fit(x, 0, 1, 21, 20, fit, 0));
        double a = Math.log(7.0 / 6);
        double alpha = (1 + Math.sqrt(1 + 4 * a / 3)) / (4 * a);
        assertEquals(alpha, fit[0], 1e-12);
        assertEquals(7.0 / 3 / alpha, fit[1], 1e-12);
        assertEquals(3.40246, alpha, 1e-5, "by hand: A = 0.154151, α = (1 + √1.205534)/0.616604");
    }

    @Test
    void allZeroFewValidOrConstantCalibrationIsNodata() {
        double[] fit = new double[3];
        assertFalse(GammaFit.fit(new double[25], 0, 1, 25, 20, fit, 0), "all zero");
        assertTrue(Double.isNaN(fit[0]) && Double.isNaN(fit[1]) && Double.isNaN(fit[2]));
        double[] some = new double[25];
        Arrays.fill(some, Double.NaN);
        for (int i = 0; i < 19; i++) {
            some[i] = 1 + i;
        }
        assertFalse(GammaFit.fit(some, 0, 1, 25, 20, fit, 0), "19 valid years");
        some[19] = 3;
        assertTrue(GammaFit.fit(some, 0, 1, 25, 20, fit, 0), "20 valid years");
        double[] constant = new double[25];
        Arrays.fill(constant, 7);
        assertFalse(GammaFit.fit(constant, 0, 1, 25, 20, fit, 0), "no spread: no finite shape");
    }

    @Test
    void stridedAccessReadsEveryStepth() {
        double[] x = new double[60];
        Arrays.fill(x, -1);
        double[] fit = new double[3], direct = new double[3];
        double[] y = new double[20];
        for (int j = 0; j < 20; j++) {
            x[2 + 3 * j] = y[j] = 1 + j * j;
        }
        GammaFit.fit(x, 2, 3, 20, 20, fit, 0);
        GammaFit.fit(y, 0, 1, 20, 20, direct, 0);
        assertEquals(direct[0], fit[0]);
        assertEquals(direct[1], fit[1]);
    }
}
