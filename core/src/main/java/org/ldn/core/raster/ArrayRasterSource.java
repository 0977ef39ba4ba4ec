package org.ldn.core.raster;

import java.util.Objects;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;

/**
 * A raster held in memory (one {@code double[]} per band, row-major, NaN for nodata): for tests, generated data
 * and Java API users who already hold their data in arrays. Immutable (the arrays are not copied: do not change
 * them after construction); thread-safe.
 */
public final class ArrayRasterSource implements RasterSource {
    private final String name;
    private final Grid grid;
    private final double[][] bands;
    private final SampleType type;

    public ArrayRasterSource(String name, Grid grid, SampleType type, double[]... bands) {
        this.name = Objects.requireNonNull(name, "name");
        this.grid = Objects.requireNonNull(grid, "grid");
        this.type = Objects.requireNonNull(type, "type");
        if (bands.length == 0) {
            throw new IllegalArgumentException("no band");
        }
        for (double[] b : bands) {
            if (b.length != grid.pixelCount()) {
                throw new IllegalArgumentException("band of " + b.length + " values for a " + grid.width() + "x"
                        + grid.height() + " grid");
            }
        }
        this.bands = bands.clone();
    }

    /** A single-band source from integer values, {@code noData} marking missing pixels. */
    public static ArrayRasterSource ofInts(String name, Grid grid, int noData, int... values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i] == noData ? Double.NaN : values[i];
        }
        return new ArrayRasterSource(name, grid, SampleType.INT32, d);
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
        return bands.length;
    }

    @Override
    public SampleType sampleType() {
        return type;
    }

    @Override
    public double noData() {
        return Double.NaN;
    }

    @Override
    public void read(int band, Window w, double[] out) {
        if (w.colEnd() > grid.width() || w.rowEnd() > grid.height()) {
            throw new IllegalArgumentException("window " + w + " outside the grid");
        }
        double[] b = bands[band];
        for (int r = 0; r < w.height(); r++) {
            System.arraycopy(b, (w.row() + r) * grid.width() + w.col(), out, r * w.width(), w.width());
        }
    }

    @Override
    public void close() {
        // nothing held
    }
}
