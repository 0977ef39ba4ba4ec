package org.ldn.geodata.align;

import java.util.concurrent.atomic.AtomicLong;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.raster.SampleType;

/**
 * An in-memory raster for tests: each band a row-major {@code float[]} (NaN for nodata), or values computed from
 * the pixel position. Counts read calls and pixels read, to check that regridding reads only what it needs.
 */
final class FunctionRasterSource implements RasterSource {
    /** The value of a pixel from its band, column and row. */
    interface Values {
        double at(int band, int col, int row);
    }

    private final String name;
    private final Grid grid;
    private final int bands;
    private final Values values;
    final AtomicLong calls = new AtomicLong();
    final AtomicLong pixelsRead = new AtomicLong();

    FunctionRasterSource(String name, Grid grid, int bands, Values values) {
        this.name = name;
        this.grid = grid;
        this.bands = bands;
        this.values = values;
    }

    /** A single-band source backed by {@code data} (row-major, {@code grid.width() * grid.height()} values). */
    static FunctionRasterSource of(String name, Grid grid, float[] data) {
        int w = grid.width();
        return new FunctionRasterSource(name, grid, 1, (b, c, r) -> data[r * w + c]);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Grid grid() {
        return grid;
    }

    @Override
    public int bandCount() {
        return bands;
    }

    @Override
    public SampleType sampleType() {
        return SampleType.FLOAT32;
    }

    @Override
    public double noData() {
        return Double.NaN;
    }

    @Override
    public void read(int band, Window window, double[] out) {
        readBands(band, 1, window, out);
    }

    @Override
    public void readBands(int firstBand, int count, Window window, double[] out) {
        if (window.colEnd() > grid.width() || window.rowEnd() > grid.height() || firstBand + count > bands) {
            throw new IllegalArgumentException("read outside the source: " + window);
        }
        calls.incrementAndGet();
        pixelsRead.addAndGet(window.size());
        int i = 0;
        for (int b = firstBand; b < firstBand + count; b++) {
            for (int r = window.row(); r < window.rowEnd(); r++) {
                for (int c = window.col(); c < window.colEnd(); c++) {
                    out[i++] = values.at(b, c, r);
                }
            }
        }
    }

    @Override
    public void close() {
    }
}
