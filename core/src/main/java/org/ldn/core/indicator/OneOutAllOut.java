package org.ldn.core.indicator;

/**
 * Kernels that combine and mask class arrays (METHOD.md §0 and §5).
 */
public final class OneOutAllOut {
    private OneOutAllOut() {
    }

    /**
     * One out, all out: nodata if any input is nodata; otherwise −1 if any is −1; otherwise +1 if any is +1;
     * otherwise 0. Water rule: a pixel that is {@link Classes#WATER} in the first input is water.
     * Inputs are the period's sub-indicators that the run combines (one to three arrays).
     */
    public static void combine(short[][] inputs, short[] out, int n) {
        short[] first = inputs[0];
        for (int i = 0; i < n; i++) {
            if (first[i] == Classes.WATER) {
                out[i] = Classes.WATER;
                continue;
            }
            boolean nodata = false;
            boolean degraded = false;
            boolean improved = false;
            for (short[] in : inputs) {
                short v = in[i];
                nodata |= v == Classes.NODATA || v == Classes.WATER;
                degraded |= v == Classes.DEGRADED;
                improved |= v == Classes.IMPROVED;
            }
            out[i] = nodata ? Classes.NODATA : degraded ? Classes.DEGRADED : improved ? Classes.IMPROVED : Classes.STABLE;
        }
    }

    /**
     * Water mask: sets {@code classes[i]} to {@link Classes#WATER} where the period's first-year land cover
     * ({@code lcStart}, UNCCD classes) is Water (7).
     */
    public static void maskWater(short[] lcStart, short[] classes, int n) {
        for (int i = 0; i < n; i++) {
            if (lcStart[i] == 7) {
                classes[i] = Classes.WATER;
            }
        }
    }
}
