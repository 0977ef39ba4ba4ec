package org.ldn.core.landcover;

import org.ldn.core.indicator.Classes;

/**
 * Kernel: source land-cover codes to UNCCD classes 1..7 through a legend's lookup table.
 * Nodata rule: NaN, a legend nodata code, or the file's nodata → {@link Classes#NODATA}.
 * Unknown codes are not guessed: the kernel returns the first one it meets so the caller can raise an error.
 */
public final class LegendKernel {
    static final byte NODATA_CODE = 0;
    static final byte UNKNOWN_CODE = -1;

    /** Returned by {@link #apply} when every code was known. */
    public static final int ALL_KNOWN = -1;

    private LegendKernel() {
    }

    /**
     * Maps {@code codes[0..n)} to classes in {@code out}.
     *
     * @return {@link #ALL_KNOWN}, or the index of the first pixel whose value is not a code of the legend
     *         (non-integer, out of range or unknown); the caller reports {@code codes[index]}
     */
    public static int apply(double[] codes, byte[] lookup, short[] out, int n) {
        for (int i = 0; i < n; i++) {
            double v = codes[i];
            if (Double.isNaN(v)) {
                out[i] = Classes.NODATA;
                continue;
            }
            int c = (int) v;
            if (c != v || c < 0 || c >= lookup.length) {
                return i;
            }
            byte k = lookup[c];
            if (k > 0) {
                out[i] = k;
            } else if (k == NODATA_CODE) {
                out[i] = Classes.NODATA;
            } else {
                return i;
            }
        }
        return ALL_KNOWN;
    }
}
