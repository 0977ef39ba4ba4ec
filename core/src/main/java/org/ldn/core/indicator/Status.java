package org.ldn.core.indicator;

/**
 * Kernel: status of a reporting period against the baseline (METHOD.md §6), per pixel, with B = baseline class and
 * R = reporting class: 1 persistent degradation, 2 recent degradation, 3 baseline degradation, 4 stable,
 * 5 baseline improvement, 6 recent improvement, 7 persistent improvement.
 * Water rule: water in the reporting period → {@link Classes#WATER}; a pixel that was water in the baseline but is
 * land now has a baseline class of nodata. Nodata rule: nodata on either side → {@link Classes#NODATA}.
 */
public final class Status {
    /** {@code TABLE[B + 1][R + 1]}. */
    private static final short[][] TABLE = {{1, 3, 6}, {2, 4, 6}, {2, 5, 7}};

    private Status() {
    }

    public static void apply(short[] baseline, short[] reporting, short[] out, int n) {
        for (int i = 0; i < n; i++) {
            short r = reporting[i];
            short b = baseline[i];
            if (r == Classes.WATER) {
                out[i] = Classes.WATER;
            } else if (!Classes.isValid(r) || !Classes.isValid(b)) {
                out[i] = Classes.NODATA;
            } else {
                out[i] = TABLE[b + 1][r + 1];
            }
        }
    }

    /** 7-class status to 3 classes: 1, 2, 3 → −1; 4 → 0; 5, 6, 7 → +1; nodata and water unchanged. */
    public static short toThreeClasses(short status) {
        if (status >= 1 && status <= 3) {
            return Classes.DEGRADED;
        }
        if (status == 4) {
            return Classes.STABLE;
        }
        if (status >= 5 && status <= 7) {
            return Classes.IMPROVED;
        }
        return status;
    }
}
