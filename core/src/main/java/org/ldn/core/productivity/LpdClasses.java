package org.ldn.core.productivity;

import org.ldn.core.indicator.Classes;

/**
 * Kernels over supplied 5-class Land Productivity Dynamics maps (METHOD.md §3): 1 Declining, 2 Moderate decline,
 * 3 Stable but stressed, 4 Stable, 5 Increasing; 0 and 15 (and the file's nodata) mean nodata.
 */
public final class LpdClasses {
    /** Returned by {@link #validate} when every value is a class or nodata. */
    public static final int ALL_VALID = -1;

    private LpdClasses() {
    }

    /**
     * Copies LPD values into {@code out} as 1..5 or {@link Classes#NODATA}.
     *
     * @return {@link #ALL_VALID}, or the index of the first pixel holding another value (an error for the caller)
     */
    public static int validate(double[] in, short[] out, int n) {
        // one well-predicted branch a pixel (noisy LPD maps mispredict a branch per test)
        for (int i = 0; i < n; i++) {
            double v = in[i];
            int c = (int) v; // NaN → 0
            boolean isClass = (c == v) & (c >= 1) & (c <= 5);
            boolean isNoData = (v != v) | (v == 0) | (v == 15);
            int keep = isClass ? -1 : 0;
            out[i] = (short) ((c & keep) | (Classes.NODATA & ~keep));
            if (!(isClass | isNoData)) {
                return i;
            }
        }
        return ALL_VALID;
    }

    /** Kernel: 5 classes to 3: 1, 2 → −1; 3, 4 → 0; 5 → +1. Nodata rule: nodata stays nodata. */
    public static void toThreeClasses(short[] lpd, short[] out, int n) {
        // without branches (noisy LPD maps mispredict them): (v − 1) / 2 − 1 for a class, nodata for anything else
        for (int i = 0; i < n; i++) {
            int v = lpd[i];
            int isClass = (((v - 1) & 0xFFFF) - 5) >> 31; // all ones for 1..5 (v − 1 in 0..4), else 0
            out[i] = (short) (((((v - 1) >> 1) - 1) & isClass) | (Classes.NODATA & ~isClass));
        }
    }
}
