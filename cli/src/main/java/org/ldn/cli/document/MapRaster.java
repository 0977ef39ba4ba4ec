package org.ldn.cli.document;

import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSource;

/**
 * A class map drawn small: the mode of each {@code factor × factor} block of the source map (see {@link BlockMode}),
 * read window by window so that a map of any size is drawn in bounded memory (a band of {@code factor} rows,
 * at least one block of the file high, and at most {@value #CHUNK_COLUMNS}-odd columns wide, at a time).
 *
 * @param grid   the source map's grid
 * @param factor source pixels per picture pixel along each axis (≥ 1)
 * @param width  picture width, {@code ceil(grid.width / factor)}
 * @param height picture height, {@code ceil(grid.height / factor)}
 * @param values row-major classes of the picture, {@link BlockMode#NODATA} for nodata
 */
record MapRaster(Grid grid, int factor, int width, int height, short[] values) {
    /** Columns read at once (rounded up to whole blocks), to bound memory on very wide maps. */
    static final int CHUNK_COLUMNS = 2048;

    /** The smallest whole factor that fits the map into {@code maxWidth × maxHeight} picture pixels. */
    static int factorFor(Grid g, int maxWidth, int maxHeight) {
        int f = Math.max(ceilDiv(g.width(), maxWidth), ceilDiv(g.height(), maxHeight));
        return Math.max(1, f);
    }

    /** Reads band 1 of {@code source} and draws it at {@code factor}. */
    static MapRaster read(RasterSource source, int factor) {
        Grid g = source.grid();
        int w = ceilDiv(g.width(), factor);
        int h = ceilDiv(g.height(), factor);
        short[] out = new short[w * h];
        int blockRows = Math.max(1, source.blockSize()[1]);
        int bandBlocks = Math.max(1, ceilDiv(blockRows, factor));
        int chunk = factor * Math.max(1, ceilDiv(CHUNK_COLUMNS, factor));
        BlockMode mode = new BlockMode(factor);
        double[] buf = null;
        short[] one = new short[w];
        for (int r0 = 0; r0 < g.height(); r0 += bandBlocks * factor) {
            int rows = Math.min(bandBlocks * factor, g.height() - r0);
            for (int c0 = 0; c0 < g.width(); c0 += chunk) {
                int cols = Math.min(chunk, g.width() - c0);
                Window win = new Window(c0, r0, cols, rows);
                if (buf == null || buf.length < win.length()) {
                    buf = new double[win.length()];
                }
                source.read(0, win, buf);
                for (int b = 0; b * factor < rows; b++) {
                    int sub = Math.min(factor, rows - b * factor);
                    mode.rowOfBlocks(buf, b * factor * cols, cols, sub, factor, one, 0);
                    int outRow = r0 / factor + b;
                    System.arraycopy(one, 0, out, outRow * w + c0 / factor, ceilDiv(cols, factor));
                }
            }
        }
        return new MapRaster(g, factor, w, h, out);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
