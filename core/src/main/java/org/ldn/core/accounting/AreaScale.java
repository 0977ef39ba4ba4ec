package org.ldn.core.accounting;

/**
 * Pixel areas per row as fixed-point integers, so that sums of areas are exact and independent of the order in
 * which tiles are added (a parallel run equals a sequential one bit for bit). Row area in km² =
 * {@code rowFixed[r] · 2^−shift}; {@code shift} is chosen so the largest row area uses 52 bits, which keeps every
 * row's area to double precision (relative error ≤ 2^−52 for the largest rows). Immutable.
 */
public final class AreaScale {
    private final long[] rowFixed;
    private final int shift;
    private final boolean uniform;

    private AreaScale(long[] rowFixed, int shift) {
        this.rowFixed = rowFixed;
        this.shift = shift;
        boolean u = true;
        for (long v : rowFixed) {
            u &= v == rowFixed[0];
        }
        this.uniform = u;
    }

    /** From per-row pixel areas in km² (all finite, ≥ 0), scaled by their own maximum. */
    public static AreaScale of(double[] rowAreasKm2) {
        return of(rowAreasKm2, 0);
    }

    /**
     * From per-row pixel areas in km², scaled by {@code maxPossibleKm2} when it is larger than every row (pass the
     * largest area a cell of this size can have, e.g. at the equator, so that a crop of the same grid gives every row
     * the same fixed-point area and so the same figures).
     */
    public static AreaScale of(double[] rowAreasKm2, double maxPossibleKm2) {
        double max = Math.max(0, maxPossibleKm2);
        for (double a : rowAreasKm2) {
            if (!(a >= 0) || Double.isInfinite(a)) {
                throw new IllegalArgumentException("invalid pixel area " + a);
            }
            max = Math.max(max, a);
        }
        if (max == 0) {
            throw new IllegalArgumentException("all pixel areas are zero");
        }
        int shift = 52 - Math.getExponent(max) - 1;
        long[] fixed = new long[rowAreasKm2.length];
        for (int r = 0; r < fixed.length; r++) {
            fixed[r] = Math.round(Math.scalb(rowAreasKm2[r], shift));
        }
        return new AreaScale(fixed, shift);
    }

    /** Area of one pixel of row {@code row}, fixed point. */
    public long rowFixed(int row) {
        return rowFixed[row];
    }

    public int shift() {
        return shift;
    }

    /** True when every row has the same area (projected grids): tallies may then fold once per tile. */
    public boolean uniform() {
        return uniform;
    }

    /** Area of one pixel of row {@code row} in km², as the tallies use it. */
    public double rowKm2(int row) {
        return Math.scalb((double) rowFixed[row], -shift);
    }
}
