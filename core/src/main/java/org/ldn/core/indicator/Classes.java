package org.ldn.core.indicator;

/**
 * The values every class array and map of the engine uses (int16, as the field's maps do).
 * Sub-indicators and the combined indicator are {@link #DEGRADED}, {@link #STABLE} or {@link #IMPROVED};
 * {@link #NODATA} marks a pixel with missing input and {@link #WATER} a water pixel (the 7-class land cover is Water
 * in the first land-cover year of the period; METHOD.md §0). {@code WATER} is −32767, the value Trends.Earth uses
 * for masked pixels, so GIS users meet familiar codes.
 */
public final class Classes {
    public static final short DEGRADED = -1;
    public static final short STABLE = 0;
    public static final short IMPROVED = 1;
    public static final short NODATA = -32768;
    public static final short WATER = -32767;

    private Classes() {
    }

    /** True for −1, 0 and +1. */
    public static boolean isValid(short v) {
        return v >= DEGRADED && v <= IMPROVED;
    }
}
