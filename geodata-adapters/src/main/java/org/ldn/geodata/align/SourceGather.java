package org.ldn.geodata.align;

import java.util.Arrays;
import org.ldn.core.engine.StageClock;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSource;

/**
 * Reads the source pixels that a window of target pixels needs, and only those, in few read calls.
 *
 * <p>When the needed pixels fill their bounding box densely (at most {@value #DENSE} pixels read per needed pixel,
 * at most {@value #MAX_BUFFER} samples) the box is read with one call and copied by index. Otherwise needed pixels
 * are grouped by source row. Consecutive rows are read together, as one window over their columns,
 * while that window stays dense (at most {@value #DENSE} pixels read per needed pixel) and small (at most
 * {@value #MAX_BUFFER} samples): a source coarser than or similar to the target is read as one bounding box.
 * A row that cannot join a dense band (a source much finer than the target, whose needed rows lie far apart) is
 * read alone, in runs of columns split wherever {@value #MAX_GAP} or more unneeded pixels separate two needed ones,
 * on the estimate that a read call costs about as much as reading that many pixels.
 *
 * <p>Stateless; each call allocates its own buffers.
 */
final class SourceGather {
    /** Pixels a band of rows may read per needed pixel. */
    static final int DENSE = 4;
    /** Samples (pixels times bands) one read call may fill. */
    static final int MAX_BUFFER = 1 << 22;
    /** Unneeded pixels between two needed ones in a row beyond which they are read by separate calls. */
    static final int MAX_GAP = 1024;

    private SourceGather() {
    }

    /**
     * Fills {@code out[b·n + i]} (band-major, i &lt; n) with band {@code firstBand + b} of source pixel
     * ({@code cols[i]}, {@code rows[i]}), or NaN where {@code cols[i] < 0}.
     */
    static void gather(RasterSource source, int firstBand, int bands, int[] cols, int[] rows, int n, double[] out) {
        int minRow = Integer.MAX_VALUE;
        int maxRow = -1;
        int minCol = Integer.MAX_VALUE;
        int maxCol = -1;
        int valid = 0;
        for (int i = 0; i < n; i++) {
            if (cols[i] >= 0) {
                valid++;
                minRow = Math.min(minRow, rows[i]);
                maxRow = Math.max(maxRow, rows[i]);
                minCol = Math.min(minCol, cols[i]);
                maxCol = Math.max(maxCol, cols[i]);
            }
        }
        Arrays.fill(out, 0, bands * n, Double.NaN);
        if (valid == 0) {
            return;
        }
        long box = (long) (maxRow - minRow + 1) * (maxCol - minCol + 1);
        if (box <= DENSE * (long) valid && box * bands <= MAX_BUFFER) {
            // the needed pixels fill their bounding box densely (a source as fine as the target or coarser): one
            // read, then a copy by index, without sorting
            Window w = new Window(minCol, minRow, maxCol - minCol + 1, maxRow - minRow + 1);
            int len = w.length();
            double[] buf = RegridScratch.doubles(bands * len);
            readTimed(source, firstBand, bands, w, buf);
            int width = w.width();
            for (int b = 0; b < bands; b++) {
                int base = b * len - minCol;
                int o = b * n;
                for (int i = 0; i < n; i++) {
                    if (cols[i] >= 0) {
                        out[o + i] = buf[base + (rows[i] - minRow) * width + cols[i]];
                    }
                }
            }
            RegridScratch.give(buf);
            return;
        }
        // counting sort of the needed pixels by source row, then by column within each row
        int height = maxRow - minRow + 1;
        int[] start = new int[height + 1];
        for (int i = 0; i < n; i++) {
            if (cols[i] >= 0) {
                start[rows[i] - minRow + 1]++;
            }
        }
        for (int r = 0; r < height; r++) {
            start[r + 1] += start[r];
        }
        int[] next = Arrays.copyOf(start, height);
        long[] byRow = new long[valid]; // (column << 32) | target index
        for (int i = 0; i < n; i++) {
            if (cols[i] >= 0) {
                byRow[next[rows[i] - minRow]++] = ((long) cols[i] << 32) | i;
            }
        }
        Band band = new Band();
        for (int r = 0; r < height; r++) {
            int from = start[r];
            int to = start[r + 1];
            if (from == to) {
                continue;
            }
            Arrays.sort(byRow, from, to);
            int lo = (int) (byRow[from] >>> 32);
            int hi = (int) (byRow[to - 1] >>> 32);
            if (!band.tryAdd(r, lo, hi, to - from, bands)) {
                band.flush(source, firstBand, bands, minRow, byRow, start, n, out);
                band.begin(r, lo, hi, to - from);
            }
        }
        band.flush(source, firstBand, bands, minRow, byRow, start, n, out);
    }

    /** A run of consecutive source rows (relative to the first needed row) read together. */
    private static final class Band {
        int firstRow = -1;
        int lastRow;
        int minCol;
        int maxCol;
        long needed;

        void begin(int row, int lo, int hi, int count) {
            firstRow = row;
            lastRow = row;
            minCol = lo;
            maxCol = hi;
            needed = count;
        }

        boolean tryAdd(int row, int lo, int hi, int count, int bands) {
            if (firstRow < 0) {
                begin(row, lo, hi, count);
                return true;
            }
            long area = (long) (row - firstRow + 1) * (Math.max(hi, maxCol) - Math.min(lo, minCol) + 1);
            if (area * bands > MAX_BUFFER || area > DENSE * (needed + count)) {
                return false;
            }
            lastRow = row;
            minCol = Math.min(lo, minCol);
            maxCol = Math.max(hi, maxCol);
            needed += count;
            return true;
        }

        void flush(RasterSource source, int firstBand, int bands, int minRow, long[] byRow, int[] start, int n,
                double[] out) {
            if (firstRow < 0) {
                return;
            }
            if (firstRow == lastRow) {
                readRuns(source, firstBand, bands, minRow + firstRow, byRow, start[firstRow], start[firstRow + 1], n,
                        out);
            } else {
                Window w = new Window(minCol, minRow + firstRow, maxCol - minCol + 1, lastRow - firstRow + 1);
                int len = w.length();
                double[] buf = new double[bands * len];
                readTimed(source, firstBand, bands, w, buf);
                for (int r = firstRow; r <= lastRow; r++) {
                    int rowBase = (r - firstRow) * w.width() - minCol;
                    for (int k = start[r]; k < start[r + 1]; k++) {
                        int col = (int) (byRow[k] >>> 32);
                        int target = (int) byRow[k];
                        for (int b = 0; b < bands; b++) {
                            out[b * n + target] = buf[b * len + rowBase + col];
                        }
                    }
                }
            }
            firstRow = -1;
        }

        /** Reads one source row's needed pixels {@code byRow[from, to)} (sorted by column) in runs. */
        private static void readRuns(RasterSource source, int firstBand, int bands, int row, long[] byRow, int from,
                int to, int n, double[] out) {
            int maxRun = Math.max(1, MAX_BUFFER / bands);
            int k = from;
            while (k < to) {
                int first = (int) (byRow[k] >>> 32);
                int end = k + 1;
                while (end < to) {
                    int col = (int) (byRow[end] >>> 32);
                    int prev = (int) (byRow[end - 1] >>> 32);
                    if (col - prev - 1 >= MAX_GAP || col - first + 1 > maxRun) {
                        break;
                    }
                    end++;
                }
                int last = (int) (byRow[end - 1] >>> 32);
                int len = last - first + 1;
                double[] buf = new double[bands * len];
                readTimed(source, firstBand, bands, new Window(first, row, len, 1), buf);
                for (int j = k; j < end; j++) {
                    int col = (int) (byRow[j] >>> 32);
                    int target = (int) byRow[j];
                    for (int b = 0; b < bands; b++) {
                        out[b * n + target] = buf[b * len + col - first];
                    }
                }
                k = end;
            }
        }
    }

    /** Reads from the source in the READ stage (decoding is not regridding). */
    static void readTimed(RasterSource source, int firstBand, int bands, Window w, double[] buf) {
        StageClock.enter(StageClock.Stage.READ);
        try {
            source.readBands(firstBand, bands, w, buf);
        } finally {
            StageClock.exit();
        }
    }
}
