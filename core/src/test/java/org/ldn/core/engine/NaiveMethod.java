package org.ldn.core.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A second, deliberately naive implementation of METHOD.md §2–§6 for one pixel, written from the text with plain
 * branches and exact decimals and sharing no code with the kernels: the engine's figures are checked against it.
 */
final class NaiveMethod {
    static final int ND = Integer.MIN_VALUE;
    static final int WATER = Integer.MAX_VALUE;
    /** METHOD.md §2 default matrix, rows initial, classes 1..7. */
    static final int[][] MATRIX = {
        {0, -1, -1, -1, -1, -1, 0}, {1, 0, 1, -1, -1, -1, 0}, {1, -1, 0, -1, -1, -1, 0},
        {-1, -1, -1, 0, -1, -1, 0}, {1, 1, 1, 1, 0, 1, 0}, {1, 1, 1, 1, -1, 0, 0}, {0, 0, 0, 0, 0, 0, 0}};

    private NaiveMethod() {
    }

    static int landCover(int start, int end) {
        if (start == ND || end == ND) {
            return ND;
        }
        return MATRIX[start - 1][end - 1];
    }

    static int productivity(int lpd) {
        if (lpd == 1 || lpd == 2) {
            return -1;
        }
        if (lpd == 3 || lpd == 4) {
            return 0;
        }
        if (lpd == 5) {
            return 1;
        }
        return ND;
    }

    static int soc(double start, double end) {
        if (Double.isNaN(start) || Double.isNaN(end) || start <= 0) {
            return ND;
        }
        BigDecimal pct = new BigDecimal(end).subtract(new BigDecimal(start)).multiply(BigDecimal.valueOf(100))
                .divide(new BigDecimal(start), 40, RoundingMode.HALF_EVEN);
        if (pct.compareTo(BigDecimal.valueOf(-10)) <= 0) {
            return -1;
        }
        if (pct.compareTo(BigDecimal.valueOf(10)) >= 0) {
            return 1;
        }
        return 0;
    }

    static int combine(boolean water, int... subs) {
        if (water) {
            return WATER;
        }
        boolean anyNd = false;
        boolean anyDeg = false;
        boolean anyImp = false;
        for (int s : subs) {
            if (s == ND || s == WATER) {
                anyNd = true;
            } else if (s == -1) {
                anyDeg = true;
            } else if (s == 1) {
                anyImp = true;
            }
        }
        if (anyNd) {
            return ND;
        }
        return anyDeg ? -1 : anyImp ? 1 : 0;
    }

    static int status(int baseline, int reporting) {
        if (reporting == WATER) {
            return WATER;
        }
        if (baseline == ND || baseline == WATER || reporting == ND) {
            return ND;
        }
        if (baseline == -1) {
            return reporting == -1 ? 1 : reporting == 0 ? 3 : 6;
        }
        if (baseline == 0) {
            return reporting == -1 ? 2 : reporting == 0 ? 4 : 6;
        }
        return reporting == -1 ? 2 : reporting == 0 ? 5 : 7;
    }
}
