package org.ldn.core.soc;

import org.ldn.core.indicator.Classes;

/**
 * Kernel: IPCC Tier 1 modelled SOC stocks (METHOD.md §4). Walks year by year from the initial year t0; the class in
 * year y is that of the latest land-cover map whose year ≤ y. At each step y → y+1: if the class changed,
 * {@code Δ = SOC_y·(1 − F[initial][final])/20} and age = 1; otherwise age += 1 and Δ keeps its value until
 * age > 20, when Δ = 0; {@code SOC_{y+1} = SOC_y − Δ}. Conversions complete in 20 years.
 * Nodata rule: a year's stock is NaN where the initial stock or the climate factor is NaN, or where any class
 * used from t0 up to that year is nodata. Stocks in t C/ha.
 */
public final class SocModel {
    /** Years a conversion takes to complete. */
    public static final int CONVERSION_YEARS = 20;

    private SocModel() {
    }

    /**
     * @param initial  stock at {@code t0} per pixel (NaN nodata)
     * @param climate  climate factor per pixel (NaN unknown), or {@code null} to use {@code constantClimate}
     * @param mapYears the land-cover map years, ascending; {@code mapYears[0] ≤ t0}
     * @param classes  {@code classes[m][i]}: UNCCD class of pixel i in map m (1..7 or {@link Classes#NODATA})
     * @param outYears the years whose stock is wanted, each ≥ t0
     * @param out      {@code out[k][i]}: stock of pixel i in {@code outYears[k]}
     */
    public static void run(double[] initial, double[] climate, double constantClimate, int t0, int[] mapYears,
            short[][] classes, int[] outYears, double[][] out, int n) {
        int lastYear = t0;
        for (int y : outYears) {
            if (y < t0) {
                throw new IllegalArgumentException("year " + y + " is before the initial SOC year " + t0);
            }
            lastYear = Math.max(lastYear, y);
        }
        if (mapYears.length == 0 || mapYears[0] > t0) {
            throw new IllegalArgumentException("no land-cover map at or before the initial SOC year " + t0);
        }
        int span = lastYear - t0;
        int[] mapOfYear = new int[span + 1];
        for (int y = 0; y <= span; y++) {
            int m = 0;
            while (m + 1 < mapYears.length && mapYears[m + 1] <= t0 + y) {
                m++;
            }
            mapOfYear[y] = m;
        }
        // per year: whether a new map starts (the only years whose class can change), and the first output slot
        // recording that year (slots of the same year are copied after the walk)
        boolean[] mapStarts = new boolean[span + 1];
        for (int y = 1; y <= span; y++) {
            mapStarts[y] = mapOfYear[y] != mapOfYear[y - 1];
        }
        int[] slotOfYear = new int[span + 1];
        java.util.Arrays.fill(slotOfYear, -1);
        int[] sameAs = new int[outYears.length]; // the slot whose value slot k copies (itself when first)
        for (int k = 0; k < outYears.length; k++) {
            int y = outYears[k] - t0;
            if (slotOfYear[y] < 0) {
                slotOfYear[y] = k;
            }
            sameAs[k] = slotOfYear[y];
        }
        int lastRecorded = -1;
        for (int k = 0; k < outYears.length; k++) {
            lastRecorded = Math.max(lastRecorded, outYears[k] - t0);
        }
        short[] first = classes[mapOfYear[0]];
        // the maps that start within the walk: a pixel whose class none of them changes keeps Δ = 0, so its stock
        // stays the initial one in every year (soc − 0.0 is soc, bit for bit), without walking the years
        int starting = 0;
        for (int y = 1; y <= lastRecorded; y++) {
            starting += mapStarts[y] ? 1 : 0;
        }
        short[][] later = new short[starting][];
        for (int y = 1, m = 0; y <= lastRecorded; y++) {
            if (mapStarts[y]) {
                later[m++] = classes[mapOfYear[y]];
            }
        }
        int firstSlot = slotOfYear[0];
        int[] recordedSlots = java.util.Arrays.stream(sameAs).distinct().toArray();
        // every pixel writes each recorded slot once (NaN where it has no stock), rather than all slots being filled
        // with NaN first: that fill was one more pass over every output array of the tile (docs/benchmarks.md,
        // "Tenth round")
        // the inner loops are methods of their own, called once a pixel: the JIT compiles each once, rather than
        // compiling this method again for every loop that gets hot
        for (int i = 0; i < n; i++) {
            double f = climate == null ? constantClimate : climate[i];
            double soc = initial[i];
            int cls = first[i];
            if (Double.isNaN(soc) || Double.isNaN(f) || cls == Classes.NODATA) {
                store(out, recordedSlots, i, Double.NaN);
                continue;
            }
            if (unchanged(later, i, cls)) {
                store(out, recordedSlots, i, soc);
                continue;
            }
            if (firstSlot >= 0) {
                out[firstSlot][i] = soc;
            }
            walk(i, soc, f, cls, classes, mapOfYear, mapStarts, slotOfYear, lastRecorded, out);
        }
        for (int k = 0; k < outYears.length; k++) {
            if (sameAs[k] != k) {
                System.arraycopy(out[sameAs[k]], 0, out[k], 0, n);
            }
        }
    }

    /** Whether none of the {@code later} maps changes pixel i's class {@code cls}. */
    private static boolean unchanged(short[][] later, int i, int cls) {
        boolean unchanged = true;
        for (short[] c : later) {
            unchanged &= c[i] == cls;
        }
        return unchanged;
    }

    /** Stores {@code soc} as pixel i's stock in each of the given output slots. */
    private static void store(double[][] out, int[] slots, int i, double soc) {
        for (int k : slots) {
            out[k][i] = soc;
        }
    }

    /** Stores NaN as pixel i's stock in the recorded years {@code from..lastRecorded} after t0. */
    private static void noStock(int i, int from, int[] slotOfYear, int lastRecorded, double[][] out) {
        for (int y = from; y <= lastRecorded; y++) {
            int k = slotOfYear[y];
            if (k >= 0) {
                out[k][i] = Double.NaN;
            }
        }
    }

    /**
     * Walks pixel i from its stock {@code soc} and class {@code cls} in t0, years 1..lastRecorded after t0, storing
     * the stock of each recorded year in its first output slot ({@code slotOfYear}, −1 if none).
     */
    private static void walk(int i, double soc, double f, int cls, short[][] classes, int[] mapOfYear,
            boolean[] mapStarts, int[] slotOfYear, int lastRecorded, double[][] out) {
        double delta = 0;
        int age = 0;
        for (int y = 1; y <= lastRecorded; y++) {
            if (mapStarts[y]) {
                int next = classes[mapOfYear[y]][i];
                if (next == Classes.NODATA) {
                    noStock(i, y, slotOfYear, lastRecorded, out); // this and later years
                    return;
                }
                if (next != cls) {
                    delta = soc * (1 - SocFactors.factor(cls, next, f)) / CONVERSION_YEARS;
                    age = 1;
                    cls = next;
                } else if (++age > CONVERSION_YEARS) {
                    delta = 0;
                }
            } else if (++age > CONVERSION_YEARS) {
                delta = 0;
            }
            soc -= delta;
            int k = slotOfYear[y];
            if (k >= 0) {
                out[k][i] = soc;
            }
        }
    }
}
