package org.ldn.core.productivity;

/**
 * Kernel: one year of monthly values to the annual value, the mean of the year's valid months, stored times
 * {@link ProductivityScale#MONTHS_LCM} (27720, which every month count 1..12 divides) so that integer-coded months
 * give an integer annual value and the exact rules still apply; the series' scale is divided by the same factor
 * ({@link ProductivityScale#divide}). Nodata rule: a year without a valid month is nodata.
 */
public final class MonthlySeries {
    public static final int MONTHS = 12;

    private MonthlySeries() {
    }

    /**
     * @param months band-major, {@code months[m · n + i]} for month m = 0..11 of pixel i, NaN for nodata
     * @param out    receives the annual values at {@code out[outOffset + i]}
     */
    public static void annual(double[] months, int n, double[] out, int outOffset) {
        for (int i = 0; i < n; i++) {
            int c = 0;
            double s = 0;
            for (int m = 0, o = i; m < MONTHS; m++, o += n) {
                double v = months[o];
                if (v == v) {
                    c++;
                    s += v;
                }
            }
            out[outOffset + i] = c == 0 ? Double.NaN : s * (ProductivityScale.MONTHS_LCM / c);
        }
    }
}
