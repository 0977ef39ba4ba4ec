package org.ldn.geodata.align;

import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSource;

/**
 * Locates source pixels when target and source share a CRS: the source column depends on the target column alone
 * and the source row on the target row alone, so both are computed once per grid, as
 * {@code floor((x - x0) / dx)} and {@code floor((y - y0) / dy)} of the target centre (x, y).
 */
final class SeparableLocator implements PixelLocator {
    /** No constant shift: the grids differ in resolution or are offset by a fraction of a pixel. */
    private static final int NO_SHIFT = Integer.MIN_VALUE;
    private final int[] colOf;
    private final int[] rowOf;
    private final int sourceWidth;
    private final int sourceHeight;
    /** Source column − target column (and row) when that is the same for every pixel: a grid cut from the other. */
    private final int colShift;
    private final int rowShift;

    SeparableLocator(Grid target, Grid source) {
        colOf = new int[target.width()];
        for (int c = 0; c < colOf.length; c++) {
            colOf[c] = PixelLocator.index((target.centreX(c) - source.x0()) / source.dx(), source.width());
        }
        rowOf = new int[target.height()];
        for (int r = 0; r < rowOf.length; r++) {
            rowOf[r] = PixelLocator.index((target.centreY(r) - source.y0()) / source.dy(), source.height());
        }
        sourceWidth = source.width();
        sourceHeight = source.height();
        colShift = shift(colOf, sourceWidth);
        rowShift = shift(rowOf, sourceHeight);
    }

    /** The shift s with {@code of[i] = i + s} wherever that is inside the source (−1 elsewhere), or NO_SHIFT. */
    private static int shift(int[] of, int sourceSize) {
        int s = NO_SHIFT;
        for (int i = 0; i < of.length && s == NO_SHIFT; i++) {
            if (of[i] >= 0) {
                s = of[i] - i;
            }
        }
        if (s == NO_SHIFT) {
            return NO_SHIFT;
        }
        for (int i = 0; i < of.length; i++) {
            long j = (long) i + s;
            if (of[i] != (j >= 0 && j < sourceSize ? (int) j : -1)) {
                return NO_SHIFT;
            }
        }
        return s;
    }

    @Override
    public void locate(Window window, int[] cols, int[] rows) {
        int i = 0;
        for (int r = window.row(); r < window.rowEnd(); r++) {
            int sr = rowOf[r];
            for (int c = window.col(); c < window.colEnd(); c++, i++) {
                int sc = colOf[c];
                boolean inside = sr >= 0 && sc >= 0;
                cols[i] = inside ? sc : -1;
                rows[i] = inside ? sr : -1;
            }
        }
    }

    /**
     * The fast path of a window whose needed source pixels form a dense box (a source as fine as the target or
     * coarser): reads the box once and copies by the precomputed row and column indices, without the general
     * gather's sorting; a window of a grid that is the source's shifted by whole pixels is read directly. Returns
     * false, having done nothing, when the box would be sparse or too large.
     */
    boolean gatherBox(RasterSource source, int firstBand, int bands, Window window, double[] out) {
        if (colShift != NO_SHIFT && rowShift != NO_SHIFT) {
            // same pixels, shifted: a window inside the source is read straight into out, without a copy
            int col = window.col() + colShift;
            int row = window.row() + rowShift;
            if (col >= 0 && row >= 0 && col + window.width() <= sourceWidth && row + window.height() <= sourceHeight) {
                SourceGather.readTimed(source, firstBand, bands, new Window(col, row, window.width(), window.height()),
                        out);
                return true;
            }
        }
        int minRow = Integer.MAX_VALUE;
        int maxRow = -1;
        for (int r = window.row(); r < window.rowEnd(); r++) {
            if (rowOf[r] >= 0) {
                minRow = Math.min(minRow, rowOf[r]);
                maxRow = Math.max(maxRow, rowOf[r]);
            }
        }
        int minCol = Integer.MAX_VALUE;
        int maxCol = -1;
        for (int c = window.col(); c < window.colEnd(); c++) {
            if (colOf[c] >= 0) {
                minCol = Math.min(minCol, colOf[c]);
                maxCol = Math.max(maxCol, colOf[c]);
            }
        }
        int n = window.length();
        if (maxRow < 0 || maxCol < 0) {
            java.util.Arrays.fill(out, 0, bands * n, Double.NaN);
            return true;
        }
        long box = (long) (maxRow - minRow + 1) * (maxCol - minCol + 1);
        if (box > n || box * bands > SourceGather.MAX_BUFFER) {
            return false;
        }
        Window w = new Window(minCol, minRow, maxCol - minCol + 1, maxRow - minRow + 1);
        int len = w.length();
        double[] buf = RegridScratch.doubles(bands * len);
        SourceGather.readTimed(source, firstBand, bands, w, buf);
        int width = w.width();
        for (int b = 0; b < bands; b++) {
            int i = b * n;
            for (int r = window.row(); r < window.rowEnd(); r++) {
                int sr = rowOf[r];
                int base = b * len + (sr - minRow) * width - minCol;
                for (int c = window.col(); c < window.colEnd(); c++, i++) {
                    int sc = colOf[c];
                    out[i] = sr >= 0 && sc >= 0 ? buf[base + sc] : Double.NaN;
                }
            }
        }
        RegridScratch.give(buf);
        return true;
    }
}
