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
 * into small int rows (one a year) of order-preserving keys (the value itself for integers, the sortable bit pattern
 * for float32 values) and compared lane by lane with branch-free integer arithmetic (the sign of a difference when
 * every key is within ±2^30, else two comparisons); pixels with gaps or other doubles take a scalar loop over their
 * valid values. All paths give the same S (tests compare them with a plain double loop).
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
        int[][] keys = new int[Math.max(1, years)][CHUNK];
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
                int[] row = keys[y];
                for (int l = 0; l < lanes; l++) {
                    double v = stack[o + lanePixel[l]];
                    int key = laneInt[l] ? (int) v : sortableKey((float) v);
                    row[l] = key;
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
     * {@link #statistic} of several windows of one stack at once: {@code s[w][i]} and {@code count[w][i]} for window
     * w, years {@code [from[w], from[w] + years[w])}. Windows that overlap (three 16-year periods over 24 years)
     * share their comparisons: for the pixels with a representable value in every year of the windows' union, the
     * sign of each pair of years is computed once and added to every window holding both years (228 signs instead
     * of 360 for periods starting 4 years apart). Other pixels are done window by window as {@link #statistic}
     * does. Same S and counts as calling {@link #statistic} for each window.
     */
    public static void statistics(double[] stack, int n, int[] from, int[] years, int[][] s, int[][] count) {
        WindowChunks chunks = new WindowChunks(stack, n, from, years, s, count);
        for (int c0 = 0; c0 < n; c0 += CHUNK) {
            chunks.chunk(c0, Math.min(CHUNK, n - c0));
        }
    }

    /**
     * One call of {@link #statistics}: its inputs, outputs and chunk buffers, and its steps on one chunk. The steps
     * are methods of their own, called once a chunk, so that the JIT compiles each once rather than compiling one
     * long method again for every loop that gets hot. Used by one thread.
     */
    private static final class WindowChunks {
        private final double[] stack;
        private final int n;
        private final int[] from;
        private final int[] years;
        private final int[][] s;
        private final int[][] count;
        private final int windows;
        /** The union of the windows: years {@code [lo, hi)}. */
        private final int lo;
        private final int hi;
        private final int union;
        /** The windows holding each pair (j, k), j < k, of union years, as a bit mask, at {@code j · union + k}. */
        private final int[] pairMask;
        private final int[][] keys;
        private final int[][] acc;
        private final int[] spare = new int[CHUNK];
        private final int[] unionCount = new int[CHUNK];
        private final int[] lanePixel = new int[CHUNK];
        private final boolean[] laneInt = new boolean[CHUNK];
        private final boolean[] ints = new boolean[CHUNK];
        private final boolean[] floats = new boolean[CHUNK];
        private final boolean[] shared = new boolean[CHUNK];
        private final int[][] wKeys;
        private final int[] wAcc = new int[CHUNK];
        private final int[] wPixel = new int[CHUNK];
        private final boolean[] wInt = new boolean[CHUNK];
        private final double[] buf;
        private final double[] row = new double[CHUNK];
        private final double[] error = new double[CHUNK];
        /** Whether chunks are still tried as ints: no value seen so far was a fraction. */
        private boolean tryInts = true;

        WindowChunks(double[] stack, int n, int[] from, int[] years, int[][] s, int[][] count) {
            this.stack = stack;
            this.n = n;
            this.from = from;
            this.years = years;
            this.s = s;
            this.count = count;
            this.windows = from.length;
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            for (int w = 0; w < windows; w++) {
                lo = Math.min(lo, from[w]);
                hi = Math.max(hi, from[w] + years[w]);
            }
            this.lo = lo;
            this.hi = hi;
            int union = hi - lo;
            this.union = union;
            pairMask = new int[union * union];
            for (int j = 0; j < union; j++) {
                for (int k = j + 1; k < union; k++) {
                    int m = 0;
                    for (int w = 0; w < windows; w++) {
                        if (from[w] <= lo + j && lo + k < from[w] + years[w]) {
                            m |= 1 << w;
                        }
                    }
                    pairMask[j * union + k] = m;
                }
            }
            keys = new int[Math.max(1, union)][CHUNK];
            acc = new int[windows][CHUNK];
            wKeys = new int[Math.max(1, union)][CHUNK];
            buf = new double[Math.max(1, union)];
        }

        /** S and counts of every window for pixels {@code [c0, c0 + len)}. */
        void chunk(int c0, int len) {
            int maxAbs = tryInts ? integerKeys(c0, len) : -1;
            if (tryInts && cleanOrEmpty(c0, len)) {
                // every pixel of the chunk has an int in every year, or no value at all (outside the zones): no
                // counting, no gathering; an empty pixel's keys are all 0, so its S is 0
                for (int w = 0; w < windows; w++) {
                    int[] cw = count[w];
                    for (int l = 0; l < len; l++) {
                        cw[c0 + l] = error[l] == 0 ? years[w] : 0;
                    }
                }
                for (int l = 0; l < len; l++) {
                    lanePixel[l] = c0 + l;
                }
                pairs(len, maxAbs < 1 << 30);
                return;
            }
            if (tryInts && anyFraction(len)) {
                tryInts = false; // values that are not ints (float NDVI): the later chunks skip the attempt
            }
            countValid(c0, len);
            int lanes = sharedLanes(c0, len);
            // pixels with a gap somewhere in the union: window by window, lanes for the complete ones
            for (int w = 0; w < windows; w++) {
                gappedPixels(w, c0, len);
            }
            if (lanes > 0) {
                sharedPixels(lanes);
            }
        }

        /** Valid years per pixel in the union and in each window, and which keys represent each pixel's values. */
        private void countValid(int c0, int len) {
            java.util.Arrays.fill(unionCount, 0, len, 0);
            java.util.Arrays.fill(ints, 0, len, true);
            java.util.Arrays.fill(floats, 0, len, true);
            for (int w = 0; w < windows; w++) {
                java.util.Arrays.fill(count[w], c0, c0 + len, 0);
            }
            for (int y = lo; y < hi; y++) {
                int o = y * n + c0;
                for (int l = 0; l < len; l++) {
                    double v = stack[o + l];
                    if (v == v) {
                        unionCount[l]++;
                        ints[l] &= v == (int) v;
                        floats[l] &= (float) v == v;
                    }
                }
                for (int w = 0; w < windows; w++) {
                    if (y >= from[w] && y < from[w] + years[w]) {
                        int[] cw = count[w];
                        for (int l = 0; l < len; l++) {
                            double v = stack[o + l];
                            cw[c0 + l] += v == v ? 1 : 0;
                        }
                    }
                }
            }
        }

        /** Marks the pixels with a representable value in every union year and lists them as lanes; their number. */
        private int sharedLanes(int c0, int len) {
            int lanes = 0;
            for (int l = 0; l < len; l++) {
                shared[l] = unionCount[l] == union && (ints[l] || floats[l]);
                if (shared[l]) {
                    laneInt[lanes] = ints[l];
                    lanePixel[lanes++] = c0 + l;
                }
            }
            return lanes;
        }

        /** S of window w for the chunk's pixels that are not shared lanes (as {@link #statistic} does). */
        private void gappedPixels(int w, int c0, int len) {
            int wl = 0;
            int[] sw = s[w];
            int[] cw = count[w];
            int base = from[w] * n;
            for (int l = 0; l < len; l++) {
                int i = c0 + l;
                if (shared[l]) {
                    continue;
                }
                if (cw[i] < 2) {
                    sw[i] = 0;
                } else if (cw[i] == years[w] && (ints[l] || floats[l])) {
                    wInt[wl] = ints[l];
                    wPixel[wl++] = i;
                } else {
                    sw[i] = scalar(stack, n, base + i, years[w], buf);
                }
            }
            if (wl > 0) {
                int maxAbs = fillKeys(stack, n, from[w], years[w], wPixel, wInt, wl, wKeys);
                if (maxAbs < 1 << 30) {
                    lanesByDifference(wKeys, years[w], wl, wAcc);
                } else {
                    lanesByComparison(wKeys, years[w], wl, wAcc);
                }
                for (int l = 0; l < wl; l++) {
                    sw[wPixel[l]] = wAcc[l];
                }
            }
        }

        /**
         * The keys of pixels {@code c0..c0 + len)} over the union years as the ints they are, and in {@link #error}
         * each pixel's sum of differences between its values and their ints: 0 when every value is an int (no gap),
         * NaN when a value is NaN; returns the OR of the keys' magnitudes. Branch-free over the lanes (vectorized).
         */
        private int integerKeys(int c0, int len) {
            java.util.Arrays.fill(error, 0, len, 0.0);
            int maxAbs = 0;
            for (int y = 0; y < union; y++) {
                System.arraycopy(stack, (lo + y) * n + c0, row, 0, len); // a row of its own, for the vector loop
                int[] key = keys[y];
                for (int l = 0; l < len; l++) {
                    int k = (int) row[l];
                    key[l] = k;
                    error[l] += Math.abs(row[l] - k);
                }
                for (int l = 0; l < len; l++) {
                    maxAbs |= key[l] ^ (key[l] >> 31);
                }
            }
            return maxAbs;
        }

        /** Whether a pixel of the chunk has a value that is not an int (not a gap: a NaN fails the comparison). */
        private boolean anyFraction(int len) {
            for (int l = 0; l < len; l++) {
                if (error[l] > 0) {
                    return true;
                }
            }
            return false;
        }

        /** Whether each pixel of the chunk is an int in every union year ({@link #error} 0) or NaN in every one. */
        private boolean cleanOrEmpty(int c0, int len) {
            for (int l = 0; l < len; l++) {
                if (error[l] != 0 && !empty(c0 + l)) {
                    return false;
                }
            }
            return true;
        }

        private boolean empty(int i) {
            for (int y = lo; y < hi; y++) {
                double v = stack[y * n + i];
                if (v == v) {
                    return false;
                }
            }
            return true;
        }

        /** S of every window for the shared lanes: the sign of each pair of union years computed once. */
        private void sharedPixels(int lanes) {
            int maxAbs = fillKeys(stack, n, lo, union, lanePixel, laneInt, lanes, keys);
            pairs(lanes, maxAbs < 1 << 30);
        }

        /** S of every window for lanes whose keys are in {@link #keys} (lane l is pixel {@code lanePixel[l]}). */
        private void pairs(int lanes, boolean byDifference) {
            for (int w = 0; w < windows; w++) {
                java.util.Arrays.fill(acc[w], 0, lanes, 0);
            }
            for (int j = 0; j < union - 1; j++) {
                for (int k = j + 1; k < union; k++) {
                    int m = pairMask[j * union + k];
                    if (m != 0) {
                        sharedPair(keys[j], keys[k], lanes, m, acc, spare, byDifference);
                    }
                }
            }
            for (int w = 0; w < windows; w++) {
                int[] sw = s[w];
                for (int l = 0; l < lanes; l++) {
                    sw[lanePixel[l]] = years[w] < 2 ? 0 : acc[w][l];
                }
            }
        }
    }

    /**
     * Adds the sign of (kk − kj) of every lane to the accumulators of the windows in mask m ({@code spare}: a row
     * whose sums are never read). The two years' keys are rows of their own: C2 vectorizes these loops only when
     * their loads do not come from one array at two offsets (five to seven times faster, measured on 256 lanes).
     */
    private static void sharedPair(int[] kj, int[] kk, int lanes, int m, int[][] acc, int[] spare,
            boolean byDifference) {
        int first = Integer.numberOfTrailingZeros(m);
        int rest = m & (m - 1);
        int[] a0 = acc[first];
        if (rest == 0) {
            if (byDifference) {
                for (int l = 0; l < lanes; l++) {
                    int d = kk[l] - kj[l];
                    a0[l] += (d >> 31) | (-d >>> 31);
                }
            } else {
                for (int l = 0; l < lanes; l++) {
                    int a = kj[l];
                    int b = kk[l];
                    a0[l] += (b > a ? 1 : 0) - (b < a ? 1 : 0);
                }
            }
            return;
        }
        int second = Integer.numberOfTrailingZeros(rest);
        int rest2 = rest & (rest - 1);
        if ((rest2 & (rest2 - 1)) == 0) { // two or three windows: a pair of two adds its sign to the spare row too
            int[] a1 = acc[second];
            int[] a2 = rest2 == 0 ? spare : acc[Integer.numberOfTrailingZeros(rest2)];
            if (byDifference) {
                for (int l = 0; l < lanes; l++) {
                    int d = kk[l] - kj[l];
                    int sg = (d >> 31) | (-d >>> 31);
                    a0[l] += sg;
                    a1[l] += sg;
                    a2[l] += sg;
                }
            } else {
                for (int l = 0; l < lanes; l++) {
                    int sg = sign(kj[l], kk[l], false);
                    a0[l] += sg;
                    a1[l] += sg;
                    a2[l] += sg;
                }
            }
            return;
        }
        for (int l = 0; l < lanes; l++) {
            int sg = sign(kj[l], kk[l], byDifference);
            for (int mm = m; mm != 0; mm &= mm - 1) {
                acc[Integer.numberOfTrailingZeros(mm)][l] += sg;
            }
        }
    }

    private static int sign(int a, int b, boolean byDifference) {
        if (byDifference) {
            int d = b - a;
            return (d >> 31) | (-d >>> 31);
        }
        return (b > a ? 1 : 0) - (b < a ? 1 : 0);
    }

    /**
     * Keys of years {@code [from, from + years)} of the given pixels, transposed into lanes
     * ({@code keys[y][l]}); returns the OR of their magnitudes (see {@link #statistic}).
     */
    private static int fillKeys(double[] stack, int n, int from, int years, int[] pixel, boolean[] isInt, int lanes,
            int[][] keys) {
        int maxAbs = 0;
        for (int y = 0; y < years; y++) {
            int o = (from + y) * n;
            int[] row = keys[y];
            for (int l = 0; l < lanes; l++) {
                double v = stack[o + pixel[l]];
                int key = isInt[l] ? (int) v : sortableKey((float) v);
                row[l] = key;
                maxAbs |= key ^ (key >> 31);
            }
        }
        return maxAbs;
    }

    /**
     * S of each lane ({@code keys[y][l]} is year y of lane l) from the sign of the difference of two keys, which
     * cannot overflow when every key is within ±2^30.
     */
    private static void lanesByDifference(int[][] keys, int years, int lanes, int[] acc) {
        java.util.Arrays.fill(acc, 0, lanes, 0);
        for (int j = 0; j < years - 1; j++) {
            int[] kj = keys[j];
            for (int k = j + 1; k < years; k++) {
                int[] kk = keys[k];
                for (int l = 0; l < lanes; l++) {
                    int d = kk[l] - kj[l];
                    acc[l] += (d >> 31) | (-d >>> 31);
                }
            }
        }
    }

    /** S of each lane from comparisons (any keys). */
    private static void lanesByComparison(int[][] keys, int years, int lanes, int[] acc) {
        java.util.Arrays.fill(acc, 0, lanes, 0);
        for (int j = 0; j < years - 1; j++) {
            int[] kj = keys[j];
            for (int k = j + 1; k < years; k++) {
                int[] kk = keys[k];
                for (int l = 0; l < lanes; l++) {
                    int a = kj[l];
                    int b = kk[l];
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
