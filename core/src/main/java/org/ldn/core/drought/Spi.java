package org.ldn.core.drought;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * The Standardized Precipitation Index of one sum against its fit (METHOD.md §9; McKee et al. 1993):
 * H = q + (1 − q)·G(x; α, β) with G the gamma distribution function (the regularized lower incomplete gamma
 * P(α, x/β), {@link IncompleteGamma}), and SPI = Φ⁻¹(H), the standard normal quantile ({@link NormalQuantile}),
 * clamped to [−3.09, 3.09].
 * A zero sum has H = q. Nodata rule: a NaN sum or a missing fit (NaN α) → NaN.
 */
public final class Spi {
    /** The clamp of the index (the WMO SPI User Guide's ±3.09, Φ(−3.09) ≈ 0.001). */
    public static final double MIN = -3.09, MAX = 3.09;
    private static final double SQRT2 = Math.sqrt(2);
    /** Φ(−3.09) and Φ(3.09): probabilities beyond them clamp without evaluating the quantile. */
    private static final double H_MIN = 0.5 * Erf.erfc(3.09 / SQRT2), H_MAX = 1 - H_MIN;

    private Spi() {
    }

    /** SPI of the sum {@code x} (mm, ≥ 0) under the fit (α, β, q); NaN when x or the fit is nodata. */
    public static double of(double x, double alpha, double beta, double q) {
        if (x != x || alpha != alpha) {
            return Double.NaN;
        }
        return of(x, alpha, beta, q, Gamma.logGamma(alpha));
    }

    /**
     * As {@link #of(double, double, double, double)} with {@code logGammaAlpha} = ln Γ(α) computed once per fit
     * (Commons Math {@code Gamma.logGamma}) for the many sums of one fit.
     */
    public static double of(double x, double alpha, double beta, double q, double logGammaAlpha) {
        if (x != x || alpha != alpha) {
            return Double.NaN;
        }
        double g = x > 0 ? IncompleteGamma.p(alpha, x / beta, logGammaAlpha) : 0;
        return ofProbability(q + (1 - q) * g);
    }

    /** Φ⁻¹(h) clamped to [−3.09, 3.09]; h in [0, 1]. */
    public static double ofProbability(double h) {
        if (h <= H_MIN) {
            return MIN;
        }
        if (h >= H_MAX) {
            return MAX;
        }
        double z = NormalQuantile.of(h);
        return z < MIN ? MIN : z > MAX ? MAX : z;
    }
}
