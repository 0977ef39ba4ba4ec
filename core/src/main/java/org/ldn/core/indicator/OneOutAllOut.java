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
        short[] mask = new short[n];
        waterMask(lcStart, mask, n);
        applyWaterMask(mask, classes, n);
    }

    /**
     * {@link #maskWater(short[], short[], int)} of three arrays (the same array may be passed more than once: masking
     * is idempotent).
     */
    public static void maskWater(short[] lcStart, short[] a, short[] b, short[] c, int n) {
        short[] mask = new short[n];
        waterMask(lcStart, mask, n);
        applyWaterMask(mask, a, n);
        applyWaterMask(mask, b, n);
        applyWaterMask(mask, c, n);
    }

    /**
     * The water mask of a period's first-year land cover ({@code lcStart}, UNCCD classes), for
     * {@link #applyWaterMask}: {@code mask[i]} is −1 (all bits set) where {@code lcStart[i]} is Water (7), else 0.
     * Computed once and applied to each array: the fused loop (mask and blends in one) is only partly vectorised by
     * Java 17's compiler and ran 14 times slower with AVX-512 (JMH {@code KernelBenchmark}; docs/benchmarks.md,
     * "Tenth round").
     */
    public static void waterMask(short[] lcStart, short[] mask, int n) {
        for (int i = 0; i < n; i++) {
            // −1 where lcStart ^ 7 is 0, without a branch
            mask[i] = (short) ((((lcStart[i] ^ 7) & 0xFFFF) - 1) >> 31);
        }
    }

    /** Sets {@code classes[i]} to {@link Classes#WATER} where {@code mask[i]} ({@link #waterMask}) is −1. */
    public static void applyWaterMask(short[] mask, short[] classes, int n) {
        for (int i = 0; i < n; i++) {
            int water = mask[i];
            classes[i] = (short) ((Classes.WATER & water) | (classes[i] & ~water));
        }
    }
}
