package org.ldn.core.drought;

/**
 * Kernel: the calibration fit of one pixel and calendar month (METHOD.md §9): the share q of zero sums and a gamma
 * distribution G(α, β) fitted to the positive sums by maximum likelihood with <b>Thom's (1958) estimator</b>, the
 * field's default (McKee et al. 1993, the WMO SPI User Guide, the {@code climate-indices} package):
 * <pre>
 *   A = ln(mean) − mean(ln X)        over the X &gt; 0
 *   α = (1 + √(1 + 4A/3)) / (4A)      (shape)
 *   β = mean / α                      (scale, mm)
 * </pre>
 * Thom's α approximates the root of the likelihood equation ln α − ψ(α) = A: within 1.5 % of that root
 * for α ≥ 1, 4 % at α = 0.5 and 9.4 % (too large) at α = 0.3 (tested in {@code GammaFitTest}); it is used, rather than the exact
 * root, because it is what the field computes and what SPI values elsewhere are compared with.
 *
 * <p>Nodata rule: fewer than {@code minValid} non-nodata sums (NaN) → no fit; every valid sum 0 → no fit (SPI is
 * then nodata, METHOD.md §9); fewer than two distinct positive sums (A ≤ 0, no finite shape) → no fit.
 * A missing fit is written as α = β = q = NaN. Sums must not be negative (inputs are checked before).
 */
public final class GammaFit {
    /** Index of α (shape), β (scale, units of the sums) and q (share of zero sums) in a fit triple. */
    public static final int ALPHA = 0, BETA = 1, Q = 2;
    /** The UNCCD/WMO minimum of valid calibration years. */
    public static final int MIN_YEARS = 20;

    private GammaFit() {
    }

    /**
     * Fits {@code count} sums {@code x[from], x[from + step], …} and writes α, β, q at {@code out[at..at+2]}.
     *
     * @return true when fitted, false when the fit is nodata (then NaN is written)
     */
    public static boolean fit(double[] x, int from, int step, int count, int minValid, double[] out, int at) {
        int valid = 0, positive = 0;
        double sum = 0, sumLog = 0, first = Double.NaN;
        boolean distinct = false;
        for (int j = 0, o = from; j < count; j++, o += step) {
            double v = x[o];
            if (v != v) {
                continue;
            }
            valid++;
            if (v > 0) {
                if (positive == 0) {
                    first = v;
                } else if (v != first) {
                    distinct = true;
                }
                positive++;
                sum += v;
                sumLog += Math.log(v);
            }
        }
        if (valid < minValid || positive == 0 || !distinct) {
            out[at + ALPHA] = out[at + BETA] = out[at + Q] = Double.NaN;
            return false;
        }
        double mean = sum / positive;
        double a = Math.log(mean) - sumLog / positive;
        if (!(a > 0)) {
            out[at + ALPHA] = out[at + BETA] = out[at + Q] = Double.NaN;
            return false;
        }
        double alpha = (1 + Math.sqrt(1 + 4 * a / 3)) / (4 * a);
        out[at + ALPHA] = alpha;
        out[at + BETA] = mean / alpha;
        out[at + Q] = (double) (valid - positive) / valid;
        return true;
    }
}
