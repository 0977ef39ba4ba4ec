package org.ldn.core.landcover;

import org.ldn.core.indicator.Classes;

/**
 * Kernel: land-cover degradation of a period = matrix[class(start)][class(end)] (METHOD.md §2).
 * Nodata rule: nodata if either class is nodata. Water is not decided here (see {@code Water}).
 */
public final class LandCoverDegradation {
    private LandCoverDegradation() {
    }

    /**
     * @param start    UNCCD classes (1..7 or {@link Classes#NODATA}) of the period's first land-cover year
     * @param end      the same for the period's last land-cover year
     * @param matrices one matrix per matrix group; {@code group[i]} selects the matrix of pixel i
     *                 ({@code group == null}: matrix 0 everywhere)
     */
    public static void apply(short[] start, short[] end, TransitionMatrix[] matrices, byte[] group, short[] out,
            int n) {
        byte[] t0 = matrices[0].table();
        for (int i = 0; i < n; i++) {
            int a = start[i];
            int b = end[i];
            if (a == Classes.NODATA || b == Classes.NODATA) {
                out[i] = Classes.NODATA;
            } else {
                byte[] t = group == null ? t0 : matrices[group[i]].table();
                out[i] = t[a * 8 + b];
            }
        }
    }
}
