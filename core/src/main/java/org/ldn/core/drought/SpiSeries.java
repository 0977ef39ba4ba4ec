package org.ldn.core.drought;

import org.apache.commons.math3.special.Gamma;

/**
 * Kernels of the SPI over monthly precipitation (METHOD.md §9). A tile's series is band-major:
 * {@code precip[t · n + i]} is month t (of the {@link MonthlyCalendar}) of pixel i, in mm, NaN for nodata, never
 * negative (inputs are checked before). SPI-k at (y, m) uses X = the sum of the k months ending at (y, m) (nodata if
 * any of them is nodata or lies before the series), the fit of calendar month m over the calibration years
 * ({@link GammaFit}) and {@link Spi}. Results are float (SPI to 1e-7, far below the 0.01 the index is read at).
 *
 * <p>Each pixel is independent and uses only its own months, so results do not depend on the tiling.
 * Scratch arrays are per call: the kernels are thread-safe.
 */
public final class SpiSeries {
    private SpiSeries() {
    }

    /** X at month index {@code end}: the sum of months end−k+1..end of pixel i (oldest first), or NaN. */
    static double sum(float[] precip, int n, int i, int end, int k) {
        if (end - k + 1 < 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int t = end - k + 1, o = t * n + i; t <= end; t++, o += n) {
            s += precip[o];
        }
        return s;
    }

    /**
     * The fit (α, β, q at {@code fits[at..at+2]}) of pixel i for calendar month {@code month} and scale k over the
     * calibration years, with {@code x} a scratch of at least {@code calibration.years()} doubles.
     */
    public static boolean fit(float[] precip, int n, int i, MonthlyCalendar cal, int k, int month,
            Calibration calibration, double[] x, double[] fits, int at) {
        int count = 0;
        for (int y = calibration.firstYear(); y <= calibration.lastYear(); y++) {
            int end = cal.index(y, month);
            x[count++] = end >= 0 && end < cal.months() ? sum(precip, n, i, end, k) : Double.NaN;
        }
        return GammaFit.fit(x, 0, 1, count, GammaFit.MIN_YEARS, fits, at);
    }

    /**
     * Kernel: SPI-k at calendar month {@code month} of years {@code firstYear..firstYear+years−1} for pixels
     * 0..n into {@code spi[y · n + i]} (NaN where the year's sum or the pixel's fit is nodata). The k-month sums of
     * every year used (calibration and reported) are formed first for all pixels at once (contiguous, pixel-inner
     * loops), then each pixel is fitted and transformed.
     */
    public static void yearly(float[] precip, int n, MonthlyCalendar cal, int k, int month, Calibration calibration,
            int firstYear, int years, float[] spi) {
        int y0 = Math.min(firstYear, calibration.firstYear());
        int y1 = Math.max(firstYear + years - 1, calibration.lastYear());
        int span = y1 - y0 + 1;
        double[] x = new double[span * n];
        for (int y = 0; y < span; y++) {
            int end = cal.index(y0 + y, month);
            int o = y * n;
            if (end - k + 1 < 0 || end >= cal.months()) {
                java.util.Arrays.fill(x, o, o + n, Double.NaN);
                continue;
            }
            for (int t = end - k + 1; t <= end; t++) {
                int p = t * n;
                for (int i = 0; i < n; i++) {
                    x[o + i] += precip[p + i];
                }
            }
        }
        double[] fit = new double[3];
        int c0 = (calibration.firstYear() - y0) * n, r0 = (firstYear - y0) * n;
        for (int i = 0; i < n; i++) {
            boolean fitted = GammaFit.fit(x, c0 + i, n, calibration.years(), GammaFit.MIN_YEARS, fit, 0);
            double lg = fitted ? Gamma.logGamma(fit[0]) : Double.NaN;
            for (int y = 0; y < years; y++) {
                spi[y * n + i] = fitted ? (float) Spi.of(x[r0 + y * n + i], fit[0], fit[1], fit[2], lg) : Float.NaN;
            }
        }
    }

    /**
     * Kernel: SPI-k of every month of the series for pixels 0..n into {@code spi[t · n + i]}: twelve fits per
     * pixel (one per calendar month) and one SPI per month.
     */
    public static void allMonths(float[] precip, int n, MonthlyCalendar cal, int k, Calibration calibration,
            float[] spi) {
        double[] x = new double[calibration.years()];
        double[] fits = new double[36], lg = new double[12], sums = new double[cal.months()];
        float[] one = new float[cal.months()];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < cal.months(); t++) {
                one[t] = precip[t * n + i];
            }
            for (int m = 1; m <= 12; m++) {
                boolean fitted = fit(one, 1, 0, cal, k, m, calibration, x, fits, 3 * (m - 1));
                lg[m - 1] = fitted ? Gamma.logGamma(fits[3 * (m - 1)]) : Double.NaN;
            }
            for (int t = 0; t < cal.months(); t++) {
                sums[t] = sum(one, 1, 0, t, k);
            }
            for (int t = 0; t < cal.months(); t++) {
                int m = cal.monthOf(t) - 1, f = 3 * m;
                spi[t * n + i] = (float) Spi.of(sums[t], fits[f], fits[f + 1], fits[f + 2], lg[m]);
            }
        }
    }

    /**
     * Kernel: the fits of pixels 0..n for calendar months 1..12 at scale k, {@code fits[((m−1) · 3 + p) · n + i]}
     * for parameter p ({@link GammaFit#ALPHA}, {@link GammaFit#BETA}, {@link GammaFit#Q}); NaN where nodata.
     */
    public static void fits(float[] precip, int n, MonthlyCalendar cal, int k, Calibration calibration,
            float[] fits) {
        double[] x = new double[calibration.years()];
        double[] f = new double[3];
        for (int i = 0; i < n; i++) {
            for (int m = 1; m <= 12; m++) {
                fit(precip, n, i, cal, k, m, calibration, x, f, 0);
                for (int p = 0; p < 3; p++) {
                    fits[((m - 1) * 3 + p) * n + i] = (float) f[p];
                }
            }
        }
    }
}
