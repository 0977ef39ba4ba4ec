package org.ldn.core.productivity;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact histograms of the rounded pixel means per land unit, for the performance p90 (METHOD.md §3). Each unit
 * holds a sparse count per value of m in units of 0.0001, so memory depends on the number of units and of distinct
 * rounded values, never on the area. Built per thread in the first pass and merged ({@link #addAll} is associative
 * and exact), then turned into a {@link P90} table for the second pass. Not thread-safe.
 */
public final class UnitHistograms implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final HashMap<Long, LongCounts> byUnit = new HashMap<>();
    private long lastUnit = Long.MIN_VALUE;
    private transient LongCounts last;

    /** Counts one pixel of land unit {@code unit} whose rounded mean is {@code units} × 0.0001. */
    public void add(long unit, long units) {
        if (unit != lastUnit || last == null) {
            last = byUnit.computeIfAbsent(unit, u -> new LongCounts());
            lastUnit = unit;
        }
        last.add(units, 1);
    }

    /** Adds every count of {@code other} into this one. */
    public void addAll(UnitHistograms other) {
        for (Map.Entry<Long, LongCounts> e : other.byUnit.entrySet()) {
            byUnit.computeIfAbsent(e.getKey(), u -> new LongCounts()).addAll(e.getValue());
        }
        last = null;
    }

    /** The number of pixels counted for {@code unit}. */
    public long pixels(long unit) {
        LongCounts c = byUnit.get(unit);
        if (c == null) {
            return 0;
        }
        long[] counts = new long[c.size()];
        c.sortedKeys(counts);
        long total = 0;
        for (long k : counts) {
            total += k;
        }
        return total;
    }

    /** The p90 of every unit counted. */
    public P90 p90() {
        LongCounts table = new LongCounts();
        TreeMap<Long, Long> sorted = new TreeMap<>();
        TreeMap<Long, Long> pixels = new TreeMap<>();
        for (Map.Entry<Long, LongCounts> e : byUnit.entrySet()) {
            long p = percentile90(e.getValue());
            table.add(e.getKey(), p);
            sorted.put(e.getKey(), p);
            pixels.put(e.getKey(), pixels(e.getKey()));
        }
        return new P90(table, sorted, pixels);
    }

    /**
     * The type-7 90th percentile of the counted values, rounded half up to a whole unit: with N values sorted
     * x_0..x_{N−1}, {@code h = 0.9·(N − 1)}, {@code 9·(N − 1) = 10·j + f}, the percentile is
     * {@code x_j + f/10 · (x_{j+1} − x_j)}, i.e. {@code ((10 − f)·x_j + f·x_{j+1}) / 10}, rounded half towards +∞.
     */
    static long percentile90(LongCounts c) {
        long[] counts = new long[c.size()];
        long[] values = c.sortedKeys(counts);
        long total = 0;
        for (long k : counts) {
            total += k;
        }
        long pos = 9 * (total - 1);
        long j = pos / 10;
        long f = pos % 10;
        long xj = orderStatistic(values, counts, j);
        long xj1 = f == 0 ? xj : orderStatistic(values, counts, j + 1);
        return Math.floorDiv((10 - f) * xj + f * xj1 + 5, 10);
    }

    /** The r-th smallest value (0-based) of the multiset {@code values × counts}. */
    private static long orderStatistic(long[] values, long[] counts, long r) {
        long seen = 0;
        for (int i = 0; i < values.length; i++) {
            seen += counts[i];
            if (r < seen) {
                return values[i];
            }
        }
        throw new IllegalArgumentException("rank " + r + " of " + seen);
    }

    /** The p90 of each land unit, in units of 0.0001. Immutable after construction; thread-safe for lookups. */
    public static final class P90 implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final LongCounts table;
        private final TreeMap<Long, Long> sorted;
        private final TreeMap<Long, Long> pixels;

        private P90(LongCounts table, TreeMap<Long, Long> sorted, TreeMap<Long, Long> pixels) {
            this.table = table;
            this.sorted = sorted;
            this.pixels = pixels;
        }

        /** Every unit and the number of pixels its p90 was computed from, ordered by unit. */
        public Map<Long, Long> pixels() {
            return java.util.Collections.unmodifiableMap(pixels);
        }

        /** The p90 of {@code unit}, or {@link Performance#NONE} when no pixel of it was counted. */
        public long of(long unit) {
            return table.get(unit, Performance.NONE);
        }

        /** Every unit and its p90, ordered by unit. */
        public Map<Long, Long> all() {
            return java.util.Collections.unmodifiableMap(sorted);
        }
    }
}
