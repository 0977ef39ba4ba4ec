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
        for (int i = 0; i < n; i++) {
            double s = start[i];
            double e = end[i];
            if (Double.isNaN(s) || Double.isNaN(e) || !(s > 0)) {
                out[i] = Classes.NODATA;
            } else if (100 * e <= lower * s) {
                out[i] = Classes.DEGRADED;
            } else if (100 * e >= upper * s) {
                out[i] = Classes.IMPROVED;
            } else {
                out[i] = Classes.STABLE;
            }
        }
    }
}
