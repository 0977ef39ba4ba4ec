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
        // inputs hold only -1, 0, +1, NODATA and WATER (both < -1), so the rule reduces to the minimum and maximum
        // over the inputs: any < -1 is nodata, else a minimum of -1 is degraded, else the maximum (0 or +1)
        short[] first = inputs[0];
        if (inputs.length <= 3) { // the method's case (up to three sub-indicators): a loop without an inner loop
            short[] second = inputs.length > 1 ? inputs[1] : first;
            short[] third = inputs.length > 2 ? inputs[2] : second;
            for (int i = 0; i < n; i++) {
                int a = first[i];
                int b = second[i];
                int c = third[i];
                out[i] = select(a, Math.min(a, Math.min(b, c)), Math.max(a, Math.max(b, c)));
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            int a = first[i];
            int min = a;
            int max = a;
            for (short[] input : inputs) {
                min = Math.min(min, input[i]);
                max = Math.max(max, input[i]);
            }
            out[i] = select(a, min, max);
        }
    }

    /**
     * The combined class from the first input's value and the minimum and maximum over all inputs, without
     * branches (noisy class maps mispredict them): the minimum if negative, else the maximum; below −1 nodata; water
     * where the first input is water.
     */
    private static short select(int first, int min, int max) {
        int negative = min >> 31;
        int v = (min & negative) | (max & ~negative);
        int low = (v + 1) >> 31;
        v = (Classes.NODATA & low) | (v & ~low);
        int x = first ^ Classes.WATER;
        int water = ~((x | -x) >> 31);
        return (short) ((Classes.WATER & water) | (v & ~water));
    }

    /**
     * Water mask: sets {@code classes[i]} to {@link Classes#WATER} where the period's first-year land cover
     * ({@code lcStart}, UNCCD classes) is Water (7).
     */
    public static void maskWater(short[] lcStart, short[] classes, int n) {
        for (int i = 0; i < n; i++) {
            int x = lcStart[i] ^ 7;
            int water = ~((x | -x) >> 31); // all ones where the land cover is 7, without a branch
            classes[i] = (short) ((Classes.WATER & water) | (classes[i] & ~water));
        }
    }

    /**
     * {@link #maskWater(short[], short[], int)} of three arrays in one pass (the same array may be passed more than
     * once: masking is idempotent).
     */
    public static void maskWater(short[] lcStart, short[] a, short[] b, short[] c, int n) {
        for (int i = 0; i < n; i++) {
            int x = lcStart[i] ^ 7;
            int water = ~((x | -x) >> 31);
            int keep = ~water;
            int w = Classes.WATER & water;
            a[i] = (short) (w | (a[i] & keep));
            b[i] = (short) (w | (b[i] & keep));
            c[i] = (short) (w | (c[i] & keep));
        }
    }
}
