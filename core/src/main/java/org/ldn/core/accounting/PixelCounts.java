package org.ldn.core.accounting;

/**
 * A fast front for a {@link ZoneTally}: pixels of equal area are counted in plain {@code int} counters and value
 * sums in plain {@code long} sums, and folded into the tally's exact 128-bit sums as {@code count × area} (and
 * {@code sum × area}) whenever the pixel area changes (each row of a geographic grid; never within a projected one)
 * and at {@link #flush()}. Since {@code Σ area = count × area} exactly, the tally ends bit-identical to adding pixel
 * by pixel, while a pixel costs one counter increment per key instead of a 128-bit addition. Only the counters
 * touched since the last fold are visited. One per thread, like its tally.
 */
public final class PixelCounts {
    /** Values up to this many 2^−16 units (2^20 t/ha) are summed in a {@code long}; larger ones go straight in. */
    private static final long FAST_VALUE = 1L << 36;
    /** Counters are folded before this many pixels, so neither an {@code int} count nor a value sum overflows. */
    private static final int MAX_PIXELS = 1 << 26;

    private final ZoneTally tally;
    private final int[] count;
    private final int[] touched;
    private int touchedCount;
    private final long[] valueSum;
    private final int[] valueTouched;
    private final boolean[] valueDirty;
    private int valueTouchedCount;
    /**
     * Unweighted value sums (population counts), folded with weight 1 at {@link #flush()} only (they do not depend
     * on the row's area); the last slot takes the pixels not counted, so the row kernel needs no branch.
     */
    private final long[] plainSum;
    private boolean plainPending;
    private int plainPixels;
    private long area = -1;
    private int pixels;

    public PixelCounts(ZoneTally tally) {
        this.tally = tally;
        int n = tally.zones() * tally.keys();
        this.count = new int[n];
        this.touched = new int[n];
        int v = tally.zones() * tally.valueKeys();
        this.valueSum = new long[v];
        this.valueTouched = new int[v];
        this.valueDirty = new boolean[v];
        this.plainSum = new long[v + 1];
    }

    /**
     * A value as the tallies sum it: {@code value} (finite) in 2^−16 units, rounded to nearest, ties up: exactly
     * {@code Math.round(Math.scalb(value, 16))}, computed as {@code Math.rint} (one instruction) of the value times
     * 2^16 (exact), moved up one where rint took a tie down. The difference of rint and its argument is exact
     * (|x| ≥ 1: within a factor of two; |x| < 1: rint is 0 or ±1 and Sterbenz applies).
     */
    public static long fixed(double value) {
        double x = value * (1 << ZoneTally.VALUE_SHIFT);
        double r = Math.rint(x);
        return (long) r + (r - x == -0.5 ? 1 : 0);
    }

    /**
     * Adds a value of one pixel, already {@linkplain #fixed fixed point} and ≥ 0, to the value key given as
     * {@code zone × valueKeys() + key}, not weighted by area: exactly {@link ZoneTally#addValue} with weight 1.
     */
    public void addPlain(int index, long fixed) {
        if (fixed > FAST_VALUE) {
            tally.addValueAt(index, fixed, 1);
            return;
        }
        plainSum[index] += fixed;
        plainPending = true;
    }

    /**
     * Kernel: {@link #addPlain} for each pixel i in [from, to) with {@code index[i] ≥ 0} (−1: not counted, whatever
     * its value), without a branch per pixel but for values beyond the fast path's limit.
     */
    public void addPlainRow(int[] index, long[] fixed, int from, int to) {
        long[] sum = plainSum;
        int spare = sum.length - 1;
        for (int i = from; i < to; i++) {
            int k = index[i];
            long v = fixed[i];
            if (v > FAST_VALUE) {
                if (k >= 0) {
                    tally.addValueAt(k, v, 1);
                }
                continue;
            }
            int none = k >> 31;
            sum[(k & ~none) | (spare & none)] += v;
        }
        plainPending = true;
    }

    /** The index of (zone, key) for {@link #inc}: {@code zone × keys + key}. */
    public int keys() {
        return tally.keys();
    }

    /** The index base of value keys: {@code zone × valueKeys + key} for {@link #addValue}. */
    public int valueKeys() {
        return tally.valueKeys();
    }

    /**
     * The fixed-point area ({@link AreaScale#rowFixed}) of the pixels counted next; folds the counts so far when it
     * differs from the current one.
     */
    public void area(long rowFixed) {
        if (rowFixed != area) {
            foldCounts();
            area = rowFixed;
        }
    }

    /**
     * Marks the start of a row of {@code width} pixels; folds first when the pending pixels could overflow a count.
     */
    public void row(long rowFixed, int width) {
        area(rowFixed);
        pixels += width;
        if (pixels > MAX_PIXELS) {
            foldCounts();
            pixels = width;
        }
        plainPixels += width;
        if (plainPixels > MAX_PIXELS) {
            foldPlain();
            plainPixels = width;
        }
    }

    /**
     * Kernel: counts each pixel i in [from, to) with {@code index[i] ≥ 0} (its zone × {@link #keys()} + key; −1:
     * not counted) in that (zone, key). Runs of pixels with the same index, common in class maps, are counted at
     * once, so the loop does not wait on its own stores.
     */
    public void addRow(int[] index, int from, int to) {
        int prev = Integer.MIN_VALUE; // never an index, nor the −1 of pixels not counted
        int run = 0;
        for (int i = from; i < to; i++) {
            int k = index[i];
            if (k == prev) {
                run++;
            } else if (k >= 0) {
                if (run > 0) {
                    add(prev, run);
                }
                prev = k;
                run = 1;
            }
        }
        if (run > 0) {
            add(prev, run);
        }
    }

    private void add(int index, int n) {
        if (count[index] == 0) {
            touched[touchedCount++] = index;
        }
        count[index] += n;
    }

    /** Counts one pixel in (zone, key) given as {@code zone × keys() + key}. */
    public void inc(int index) {
        if (count[index]++ == 0) {
            touched[touchedCount++] = index;
        }
    }

    /**
     * Adds {@code value} (finite, ≥ 0) of one pixel of the current area to the value key given as
     * {@code zone × valueKeys() + key}; weighted by the area, like {@link ZoneTally#addValue} with the row's area.
     */
    public void addValue(int index, double value) {
        addValue(index, value, 1);
    }

    /**
     * {@link #addValue(int, double)} for {@code count} pixels of the same value (a run of a coarser map regridded):
     * one rounding and one addition, exactly the sum of {@code count} single additions.
     */
    public void addValue(int index, double value, int count) {
        long v = fixed(value);
        if (v > FAST_VALUE) {
            for (int k = 0; k < count; k++) {
                tally.addValueAt(index, v, area);
            }
            return;
        }
        valueSum[index] += v * count;
        if (!valueDirty[index]) {
            valueDirty[index] = true;
            valueTouched[valueTouchedCount++] = index;
        }
    }

    /** Folds every pending count and sum into the tally. */
    public void flush() {
        foldCounts();
        foldPlain();
    }

    private void foldPlain() {
        if (plainPending) {
            long[] sum = plainSum;
            for (int i = 0; i < sum.length - 1; i++) {
                if (sum[i] != 0) {
                    tally.addValueAt(i, sum[i], 1);
                    sum[i] = 0;
                }
            }
            sum[sum.length - 1] = 0;
            plainPending = false;
        }
        plainPixels = 0;
    }

    /** Folds the pending counts and area-weighted sums (at the current area) into the tally. */
    private void foldCounts() {
        for (int k = 0; k < touchedCount; k++) {
            int i = touched[k];
            tally.addAreaAt(i, count[i], area);
            count[i] = 0;
        }
        touchedCount = 0;
        for (int k = 0; k < valueTouchedCount; k++) {
            int i = valueTouched[k];
            tally.addValueAt(i, valueSum[i], area);
            valueSum[i] = 0;
            valueDirty[i] = false;
        }
        valueTouchedCount = 0;
        pixels = 0;
    }
}
