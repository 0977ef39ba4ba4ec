package org.ldn.core.accounting;

/**
 * Area and value sums per (zone, key), for one thread.
 * <p>Each pixel adds its row's fixed-point area ({@link AreaScale}) to an exact 128-bit integer sum, so a sum is
 * exactly {@code Σ_rows count × area of a pixel of that row}. Values (SOC stock in t/ha, population) are rounded
 * to multiples of 2^−16 and summed the same way, weighted by the pixel's area or not. Because every sum is an exact
 * integer, {@link #merge} is associative and commutative: any tiling and any thread count give bit-identical
 * results, and memory does not depend on the raster's size. Not thread-safe: one per thread, merged at the end.
 */
public final class ZoneTally implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Values are stored as multiples of 2^−VALUE_SHIFT. */
    static final int VALUE_SHIFT = 16;

    private final int zones;
    private final int keys;
    private final int valueKeys;
    private final long[] areaHi;
    private final long[] areaLo;
    private final long[] valueHi;
    private final long[] valueLo;

    /**
     * @param zones     number of zones (zone indices 0..zones−1)
     * @param keys      number of area categories per zone
     * @param valueKeys number of value sums per zone
     */
    public ZoneTally(int zones, int keys, int valueKeys) {
        this.zones = zones;
        this.keys = keys;
        this.valueKeys = valueKeys;
        this.areaHi = new long[Math.multiplyExact(zones, keys)];
        this.areaLo = new long[zones * keys];
        this.valueHi = new long[Math.multiplyExact(zones, valueKeys)];
        this.valueLo = new long[zones * valueKeys];
    }

    /** An empty tally of the same shape. */
    public ZoneTally emptyCopy() {
        return new ZoneTally(zones, keys, valueKeys);
    }

    public int zones() {
        return zones;
    }

    public int keys() {
        return keys;
    }

    public int valueKeys() {
        return valueKeys;
    }

    /** Adds one pixel of area {@code rowFixed} (fixed point, {@link AreaScale#rowFixed}) to (zone, key). */
    public void add(int zone, int key, long rowFixed) {
        int i = zone * keys + key;
        long lo = areaLo[i];
        long sum = lo + rowFixed;
        if (Long.compareUnsigned(sum, lo) < 0) {
            areaHi[i]++;
        }
        areaLo[i] = sum;
    }

    /** Adds {@code count} pixels of area {@code rowFixed} to the area sum at {@code zone × keys + key}. */
    void addAreaAt(int index, long count, long rowFixed) {
        Int128.addProduct(areaHi, areaLo, index, count, rowFixed);
    }

    /** Adds {@code sumFixed} (2^−16 units, ≥ 0) times {@code weightFixed} to the value sum at {@code index}. */
    void addValueAt(int index, long sumFixed, long weightFixed) {
        Int128.addProduct(valueHi, valueLo, index, sumFixed, weightFixed);
    }

    /**
     * Adds {@code value} (finite, ≥ 0) of one pixel to value key {@code key} of {@code zone}, multiplied by
     * {@code weightFixed} (the pixel's fixed-point area for stocks, 1 for plain sums).
     */
    public void addValue(int zone, int key, double value, long weightFixed) {
        long v = Math.round(Math.scalb(value, VALUE_SHIFT));
        Int128.addProduct(valueHi, valueLo, zone * valueKeys + key, v, weightFixed);
    }

    /**
     * Adds {@code other} (same shape) into this tally with its area key {@code k} added to key {@code keyMap[k]} of
     * this one (−1: dropped); value keys map to themselves. Exact, so
     * order does not matter. Used to merge tallies whose keys were numbered differently (land types met in another
     * order).
     */
    public void mergeMapped(ZoneTally other, int[] keyMap) {
        if (other.zones != zones || other.keys != keys || keyMap.length != keys || other.valueKeys != valueKeys) {
            throw new IllegalArgumentException("tallies of different shapes");
        }
        for (int z = 0; z < zones; z++) {
            int from = z * other.keys;
            int to = z * keys;
            for (int k = 0; k < keyMap.length; k++) {
                if (keyMap[k] >= 0) {
                    Int128.add(areaHi, areaLo, to + keyMap[k], other.areaHi[from + k], other.areaLo[from + k]);
                }
            }
        }
        for (int i = 0; i < valueHi.length; i++) {
            Int128.add(valueHi, valueLo, i, other.valueHi[i], other.valueLo[i]);
        }
    }

    /** Adds {@code other} (same shape) into this tally. Exact, so order does not matter. */
    public void merge(ZoneTally other) {
        if (other.zones != zones || other.keys != keys || other.valueKeys != valueKeys) {
            throw new IllegalArgumentException("tallies of different shapes");
        }
        for (int i = 0; i < areaHi.length; i++) {
            Int128.add(areaHi, areaLo, i, other.areaHi[i], other.areaLo[i]);
        }
        for (int i = 0; i < valueHi.length; i++) {
            Int128.add(valueHi, valueLo, i, other.valueHi[i], other.valueLo[i]);
        }
    }

    /**
     * Adds, in every zone, the area sums of {@code sources} to that of {@code target}: exact, so a key derived from
     * joint counts equals the key counted pixel by pixel.
     */
    public void sumInto(int target, int[] sources) {
        for (int z = 0; z < zones; z++) {
            int base = z * keys;
            for (int k : sources) {
                Int128.add(areaHi, areaLo, base + target, areaHi[base + k], areaLo[base + k]);
            }
        }
    }

    /** Serialized sparsely: a task's tally holds the few zones its tiles meet, zeros elsewhere. */
    private Object writeReplace() {
        return new Sparse(this);
    }

    /** The non-zero sums of a tally, with their indices: what {@link ZoneTally} serializes to. */
    private static final class Sparse implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final int zones;
        private final int keys;
        private final int valueKeys;
        private final long[][] area;
        private final long[][] value;

        Sparse(ZoneTally t) {
            zones = t.zones;
            keys = t.keys;
            valueKeys = t.valueKeys;
            area = nonZero(t.areaHi, t.areaLo);
            value = nonZero(t.valueHi, t.valueLo);
        }

        /** {index, hi, lo} of every non-zero sum, as three arrays. */
        private static long[][] nonZero(long[] hi, long[] lo) {
            int n = 0;
            for (int i = 0; i < hi.length; i++) {
                n += hi[i] != 0 || lo[i] != 0 ? 1 : 0;
            }
            long[][] out = {new long[n], new long[n], new long[n]};
            int j = 0;
            for (int i = 0; i < hi.length; i++) {
                if (hi[i] != 0 || lo[i] != 0) {
                    out[0][j] = i;
                    out[1][j] = hi[i];
                    out[2][j++] = lo[i];
                }
            }
            return out;
        }

        private Object readResolve() {
            ZoneTally t = new ZoneTally(zones, keys, valueKeys);
            for (int j = 0; j < area[0].length; j++) {
                t.areaHi[(int) area[0][j]] = area[1][j];
                t.areaLo[(int) area[0][j]] = area[2][j];
            }
            for (int j = 0; j < value[0].length; j++) {
                t.valueHi[(int) value[0][j]] = value[1][j];
                t.valueLo[(int) value[0][j]] = value[2][j];
            }
            return t;
        }
    }

    /** Area in km² of {@code key} in {@code zone}, or over all zones when {@code zone} is −1. */
    public double areaKm2(int zone, int key, AreaScale scale) {
        return sum(areaHi, areaLo, keys, zone, key, scale.shift());
    }

    /**
     * Sum of value key {@code key} in {@code zone} (−1: all zones); in value unit × km² when the values were
     * weighted by area, else in value units.
     */
    public double value(int zone, int key, boolean areaWeighted, AreaScale scale) {
        return sum(valueHi, valueLo, valueKeys, zone, key, VALUE_SHIFT + (areaWeighted ? scale.shift() : 0));
    }

    /** Exact sum of several keys' areas in km², for {@code zone} or all zones (−1). */
    public double areaKm2(int zone, int[] keySet, AreaScale scale) {
        return sum(areaHi, areaLo, keys, zone, keySet, scale.shift());
    }

    /** Exact sum of several value keys (see {@link #value(int, int, boolean, AreaScale)}). */
    public double value(int zone, int[] keySet, boolean areaWeighted, AreaScale scale) {
        return sum(valueHi, valueLo, valueKeys, zone, keySet, VALUE_SHIFT + (areaWeighted ? scale.shift() : 0));
    }

    /** True when (zone, key) received any pixel of non-zero area. */
    public boolean any(int zone, int key) {
        return areaHi[zone * keys + key] != 0 || areaLo[zone * keys + key] != 0;
    }

    private double sum(long[] hi, long[] lo, int width, int zone, int key, int shift) {
        return sum(hi, lo, width, zone, new int[] {key}, shift);
    }

    private double sum(long[] hi, long[] lo, int width, int zone, int[] keySet, int shift) {
        long[] h = {0};
        long[] l = {0};
        int from = zone >= 0 ? zone : 0;
        int to = zone >= 0 ? zone + 1 : zones;
        for (int z = from; z < to; z++) {
            for (int key : keySet) {
                Int128.add(h, l, 0, hi[z * width + key], lo[z * width + key]);
            }
        }
        return Int128.toDouble(h[0], l[0], shift);
    }
}
