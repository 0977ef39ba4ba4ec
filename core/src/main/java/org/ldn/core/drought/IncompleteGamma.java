package org.ldn.core.drought;

/**
 * Kernel: the regularized lower incomplete gamma function P(α, x), the gamma distribution function of the SPI, with
 * ln Γ(α) given by the caller so that one fit's many sums share it. The same split as Apache Commons Math (series
 * for x &lt; α + 1, Lentz's continued fraction for Q = 1 − P otherwise; Numerical Recipes §6.2) to relative 1e-15,
 * but with {@link Math#log}/{@link Math#exp} intrinsics and without recomputing ln Γ(α) per value: written here
 * because Commons Math recomputes ln Γ(α) and uses its slower FastMath.log on every call (5–10× the cost; agreement
 * to 1e-12 relative is tested in {@code IncompleteGammaTest}).
 */
public final class IncompleteGamma {
    private static final double EPS = 1e-15, TINY = 1e-300;
    private static final int MAX_ITERATIONS = 10_000;

    private IncompleteGamma() {
    }

    /**
     * P(α, x) for α &gt; 0 and x ≥ 0 with {@code logGammaA} = ln Γ(α) (e.g. Commons Math {@code Gamma.logGamma});
     * NaN for NaN arguments.
     */
    public static double p(double a, double x, double logGammaA) {
        if (!(x > 0)) {
            return x == 0 ? 0 : Double.NaN;
        }
        if (x < a + 1) {
            double term = 1 / a, sum = term, an = a;
            for (int n = 0; n < MAX_ITERATIONS; n++) {
                an += 1;
                term *= x / an;
                sum += term;
                if (term < sum * EPS) {
                    break;
                }
            }
            return Math.min(1, sum * Math.exp(a * Math.log(x) - x - logGammaA));
        }
        double b = x + 1 - a, c = 1 / TINY, d = 1 / b, h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = b + an / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < EPS) {
                break;
            }
        }
        return Math.max(0, 1 - Math.exp(a * Math.log(x) - x - logGammaA) * h);
    }
}
