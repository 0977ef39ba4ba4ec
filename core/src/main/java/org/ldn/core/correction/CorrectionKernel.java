package org.ldn.core.correction;

import org.ldn.core.indicator.Classes;

/** The per-pixel rule of a correction, over primitive arrays. Stateless. */
public final class CorrectionKernel {
    private CorrectionKernel() {
    }

    /**
     * Sets {@code classes[i] = imposed} where {@code inside[i]}, for {@code i < n}. Nodata rule: water
     * ({@link Classes#WATER}) stays water; nodata pixels take the imposed class (the polygon states the land's class).
     */
    public static void impose(boolean[] inside, short imposed, short[] classes, int n) {
        for (int i = 0; i < n; i++) {
            if (inside[i] && classes[i] != Classes.WATER) {
                classes[i] = imposed;
            }
        }
    }
}
