package org.ldn.core.drought;

/**
 * Drought classes of an SPI value (METHOD.md §9), decided on the stored value exactly at the boundaries:
 * 0 none (SPI ≥ 0), 1 mild (0 &gt; SPI &gt; −1), 2 moderate (−1 ≥ SPI &gt; −1.5), 3 severe (−1.5 ≥ SPI &gt; −2),
 * 4 extreme (SPI ≤ −2). Nodata rule: a NaN SPI → {@link #NODATA}.
 */
public enum DroughtClass {
    NONE, MILD, MODERATE, SEVERE, EXTREME;

    /** Class code of a pixel without an SPI. */
    public static final byte NODATA = -1;
    /** Number of classes (codes 0..4). */
    public static final int COUNT = 5;

    /** The class code 0..4 of {@code spi}, or {@link #NODATA}. */
    public static byte of(double spi) {
        if (spi >= 0) {
            return 0;
        }
        if (spi > -1) {
            return 1;
        }
        if (spi > -1.5) {
            return 2;
        }
        if (spi > -2) {
            return 3;
        }
        return spi <= -2 ? (byte) 4 : NODATA;
    }

    /** Kernel: the class of each of {@code n} SPI values. */
    public static void classify(float[] spi, int from, int n, byte[] out, int outFrom) {
        for (int i = 0; i < n; i++) {
            out[outFrom + i] = of(spi[from + i]);
        }
    }

    /** Lower-case name as the report uses it ({@code none}, {@code mild}, …). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
