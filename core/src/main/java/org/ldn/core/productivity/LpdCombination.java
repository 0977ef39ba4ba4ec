package org.ldn.core.productivity;

import org.ldn.core.indicator.Classes;

/**
 * Kernel: trajectory T, state S and performance P into the 5 LPD classes (METHOD.md §3), 1 Declining, 2 Moderate
 * decline, 3 Stable but stressed, 4 Stable, 5 Increasing:
 * <pre>
 * T \ (S, P)  (−1,−1) (−1,0) (0,−1) (0,0) (+1,−1) (+1,0)
 *    −1          1       1      1     1      1       1
 *     0          1       2      3     4      4       4
 *    +1          2       5      5     5      5       5
 * </pre>
 * Nodata rule: nodata (or water, or any value outside the table) in T, S or P → nodata.
 */
public final class LpdCombination {
    /** TABLE[T + 1][(S + 1) · 2 + (P + 1)]. */
    private static final short[][] TABLE = {{1, 1, 1, 1, 1, 1}, {1, 2, 3, 4, 4, 4}, {2, 5, 5, 5, 5, 5}};

    private LpdCombination() {
    }

    public static void apply(short[] trajectory, short[] state, short[] performance, short[] out, int n) {
        for (int i = 0; i < n; i++) {
            int t = trajectory[i];
            int s = state[i];
            int p = performance[i];
            boolean valid = t >= -1 && t <= 1 && s >= -1 && s <= 1 && p >= -1 && p <= 0;
            out[i] = valid ? TABLE[t + 1][(s + 1) * 2 + p + 1] : Classes.NODATA;
        }
    }
}
