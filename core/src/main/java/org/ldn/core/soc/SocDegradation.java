package org.ldn.core.soc;

import org.ldn.core.indicator.Classes;

/**
 * Kernel: SOC degradation of a period (METHOD.md §4). With {@code pct = 100·(end − start)/start}: −1 if
 * pct ≤ −10, +1 if pct ≥ 10, else 0, decided exactly in cross-multiplied form ({@code 100·end ≤ 90·start},
 * {@code 100·end ≥ 110·start}) so a pixel on a threshold gets the class the method gives it.
 * Nodata rule: nodata if either stock is NaN or start ≤ 0. Water is set by the caller.
 */
public final class SocDegradation {
    private SocDegradation() {
    }

    /**
     * @param thresholdPercent the change that counts, in percent of the start stock (default 10); compared as
     *                         {@code 100·end ≤ (100 − t)·start} and {@code 100·end ≥ (100 + t)·start}
     */
    public static void apply(double[] start, double[] end, double thresholdPercent, short[] out, int n) {
        double lower = 100 - thresholdPercent;
        double upper = 100 + thresholdPercent;
        // without branches (noisy stocks mispredict them): degraded wins over improved (a zero threshold)
        for (int i = 0; i < n; i++) {
            double s = start[i];
            double e = end[i];
            int degraded = 100 * e <= lower * s ? 1 : 0;
            int improved = 100 * e >= upper * s ? 1 : 0;
            int v = improved - degraded * (1 + improved);
            int noData = (e != e) | !(s > 0) ? -1 : 0; // NaN start fails s > 0
            out[i] = (short) ((Classes.NODATA & noData) | (v & ~noData));
        }
    }
}
