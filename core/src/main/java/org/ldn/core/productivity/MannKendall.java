package org.ldn.core.productivity;

/**
 * Kernel: the Mann–Kendall statistic {@code S = Σ_{j<k} sign(x_k − x_j)} of every pixel of a tile stack, over the
 * pixel's valid years in year order (ties add 0). Nodata rule: nodata years are left out; a pixel with fewer than
 * two valid years has S = 0.
 *
 * <p>Stack layout (shared by the productivity kernels): {@code stack[(from + y) · n + i]} is year y (0-based,
 * consecutive years) of pixel i, NaN for nodata.
 *
 * <p>Speed: this is the hot loop of the computed path (n(n−1)/2 comparisons per pixel). Pixels are taken in chunks
 * read year by year (contiguous memory); the complete pixels of a chunk (no missing year) are copied, transposed,
 * into a small int buffer of order-preserving keys (the value itself for integers, the sortable bit pattern for
 * float32 values) and compared lane by lane with branch-free integer arithmetic (the sign of a difference when every
 * key is within ±2^30, else two comparisons); pixels with gaps or other doubles take a scalar loop over their valid
 * values. All paths give the same S (tests compare them with a plain double loop).
 */
public final class MannKendall {
    /** Pixels per chunk: the chunk's keys (years × CHUNK ints) stay in the first-level cache. */
    static final int CHUNK = 256;

    private MannKendall() {
    }

    /**
     * Fills {@code s[i]} and {@code count[i]} (the number of valid years) for pixels {@code 0..n)}.
     */
    public static void statistic(double[] stack, int n, int from, int years, int[] s, int[] count) {
        int[] keys = new int[years * CHUNK];
        int[] acc = new int[CHUNK];
        int[] lanePixel = new int[CHUNK];
        boolean[] laneInt = new boolean[CHUNK];
        boolean[] ints = new boolean[CHUNK];
        boolean[] floats = new boolean[CHUNK];
        double[] buf = new double[years];
        int base = from * n;
        for (int c0 = 0; c0 < n; c0 += CHUNK) {
            int len = Math.min(CHUNK, n - c0);
            // pass 1, year by year over contiguous pixels: valid counts and which keys represent the values
            java.util.Arrays.fill(count, c0, c0 + len, 0);
            java.util.Arrays.fill(ints, 0, len, true);
            java.util.Arrays.fill(floats, 0, len, true);
            for (int y = 0; y < years; y++) {
                int o = base + y * n + c0;
                for (int l = 0; l < len; l++) {
                    double v = stack[o + l];
                    if (v == v) {
                        count[c0 + l]++;
                        ints[l] &= v == (int) v; // a whole number in int range (the cast saturates otherwise)
                        floats[l] &= (float) v == v;
                    }
                }
            }
            int lanes = 0;
            for (int l = 0; l < len; l++) {
                int i = c0 + l;
                if (count[i] < 2) {
                    s[i] = 0;
                } else if (count[i] == years && (ints[l] || floats[l])) {
                    laneInt[lanes] = ints[l];
                    lanePixel[lanes++] = i;
                } else {
                    s[i] = scalar(stack, n, base + i, years, buf);
                }
            }
            if (lanes == 0) {
                continue;
            }
            // pass 2: keys of the complete pixels, transposed into lanes
            int maxAbs = 0;
            for (int y = 0; y < years; y++) {
                int o = base + y * n;
                int k0 = y * CHUNK;
                for (int l = 0; l < lanes; l++) {
                    double v = stack[o + lanePixel[l]];
                    int key = laneInt[l] ? (int) v : sortableKey((float) v);
                    keys[k0 + l] = key;
                    maxAbs |= key ^ (key >> 31); // |key| (one less for negative keys)
                }
            }
            if (maxAbs < 1 << 30) {
                lanesByDifference(keys, years, lanes, acc);
            } else {
                lanesByComparison(keys, years, lanes, acc);
            }
            for (int l = 0; l < lanes; l++) {
                s[lanePixel[l]] = acc[l];
            }
        }
    }

    /**
     * S of each lane ({@code keys[y · CHUNK + l]} is year y of lane l) from the sign of the difference of two keys,
     * which cannot overflow when every key is within ±2^30.
     */
    private static void lanesByDifference(int[] keys, int years, int lanes, int[] acc) {
        java.util.Arrays.fill(acc, 0, lanes, 0);
        for (int j = 0; j < years - 1; j++) {
            int oj = j * CHUNK;
            for (int k = j + 1; k < years; k++) {
                int ok = k * CHUNK;
                for (int l = 0; l < lanes; l++) {
                    int d = keys[ok + l] - keys[oj + l];
                    acc[l] += (d >> 31) | (-d >>> 31);
                }
            }
        }
    }

    /** S of each lane from comparisons (any keys). */
    private static void lanesByComparison(int[] keys, int years, int lanes, int[] acc) {
        java.util.Arrays.fill(acc, 0, lanes, 0);
        for (int j = 0; j < years - 1; j++) {
            int oj = j * CHUNK;
            for (int k = j + 1; k < years; k++) {
                int ok = k * CHUNK;
                for (int l = 0; l < lanes; l++) {
                    int a = keys[oj + l];
                    int b = keys[ok + l];
                    acc[l] += (b > a ? 1 : 0) - (b < a ? 1 : 0);
                }
            }
        }
    }

    /** S over the valid values of one pixel (first value at {@code stack[o]}, stride n). */
    private static int scalar(double[] stack, int n, int o, int years, double[] buf) {
        int m = 0;
        for (int y = 0; y < years; y++, o += n) {
            double v = stack[o];
            if (v == v) {
                buf[m++] = v;
            }
        }
        int acc = 0;
        for (int j = 0; j < m - 1; j++) {
            double a = buf[j];
            for (int k = j + 1; k < m; k++) {
                double b = buf[k];
                acc += (b > a ? 1 : 0) - (b < a ? 1 : 0);
            }
        }
        return acc;
    }

    /** An int whose signed order is the order of the float values ({@code -0.0} and {@code 0.0} are equal). */
    static int sortableKey(float v) {
        int bits = Float.floatToRawIntBits(v + 0.0f);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }
}
