package org.ldn.core.landcover;

import org.ldn.core.grid.Window;

/**
 * Kernel for Monte Carlo runs: redraws each pixel's UNCCD land-cover class from the probabilities of the true class
 * given the mapped one, estimated from an accuracy sample's confusion matrix (rows: map class, columns: reference
 * class). The draw of a pixel depends only on (seed, draw, map, pixel's position in the grid), through a
 * SplitMix64-style hash rather than a sequential generator, so results do not depend on tiling or threads.
 * Nodata stays nodata. Immutable.
 */
public record LandCoverNoise(long seed, int draw, double[][] cumulative) {

    /** From 7×7 sample counts; a map class without samples keeps its class. */
    public static LandCoverNoise of(long seed, int draw, long[][] counts) {
        double[][] cum = new double[7][7];
        for (int i = 0; i < 7; i++) {
            long total = 0;
            for (long c : counts[i]) {
                total += c;
            }
            double acc = 0;
            for (int j = 0; j < 7; j++) {
                acc += total == 0 ? (i == j ? 1 : 0) : (double) counts[i][j] / total;
                cum[i][j] = acc;
            }
            cum[i][6] = 1; // guard against rounding
        }
        return new LandCoverNoise(seed, draw, cum);
    }

    /**
     * Redraws {@code classes[0..n)} of land-cover map {@code map} over window {@code w} of a grid
     * {@code gridWidth} pixels wide.
     */
    public void apply(short[] classes, int map, Window w, int gridWidth, int n) {
        long base = mix(mix(seed) ^ draw * 0x9E3779B97F4A7C15L ^ (long) map << 48);
        for (int i = 0; i < n; i++) {
            int c = classes[i];
            if (c < 1 || c > 7) {
                continue;
            }
            long pixel = (long) (w.row() + i / w.width()) * gridWidth + w.col() + i % w.width();
            double u = (mix(base + pixel * 0xBF58476D1CE4E5B9L) >>> 11) * 0x1.0p-53;
            double[] row = cumulative[c - 1];
            int j = 0;
            while (u >= row[j]) {
                j++;
            }
            classes[i] = (short) (j + 1);
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
