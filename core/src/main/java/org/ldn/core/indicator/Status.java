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
        // by table look-ups, without branches (noisy class maps mispredict them); the rule as written is applyRule
        byte[] key = KEY;
        short[] result = RESULT;
        for (int i = 0; i < n; i++) {
            out[i] = result[key[baseline[i] & 0xFFFF] * 5 + key[reporting[i] & 0xFFFF]];
        }
    }

    /** Key of a class value for {@link #RESULT}: −1, 0, +1 → 0, 1, 2; water 4; anything else 3. */
    private static final byte[] KEY = new byte[1 << 16];
    /** {@code RESULT[5 × key(baseline) + key(reporting)]}: the status {@link #applyRule} gives. */
    private static final short[] RESULT = new short[25];

    static {
        java.util.Arrays.fill(KEY, (byte) 3);
        KEY[-1 & 0xFFFF] = 0;
        KEY[0] = 1;
        KEY[1] = 2;
        KEY[Classes.WATER & 0xFFFF] = 4;
        short[] valueOfKey = {-1, 0, 1, Classes.NODATA, Classes.WATER};
        for (int b = 0; b < 5; b++) {
            for (int r = 0; r < 5; r++) {
                short[] o = new short[1];
                applyRule(new short[] {valueOfKey[b]}, new short[] {valueOfKey[r]}, o, 1);
                RESULT[b * 5 + r] = o[0];
            }
        }
    }

    /** The rule, pixel by pixel with branches: the reference {@link #apply} is built from and tested against. */
    static void applyRule(short[] baseline, short[] reporting, short[] out, int n) {
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
