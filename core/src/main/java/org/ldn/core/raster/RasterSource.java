package org.ldn.core.raster;

import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;

/**
 * Port: one raster file (or a view of one on another grid), read window by window into primitive arrays.
 * Values are the stored samples (scale and offset are <em>not</em> applied; see {@link #scale()}), with every
 * nodata sample (the file's nodata value, and NaN) returned as {@link Double#NaN}.
 * Implementations are thread-safe: several threads may read different windows at once.
 */
public interface RasterSource extends AutoCloseable {

    /** The file as the user named it, for messages and reports. */
    String name();

    Grid grid();

    int bandCount();

    SampleType sampleType();

    /** The nodata value declared by the file, or {@link Double#NaN} when it declares none. */
    double noData();

    /** Multiply stored values by this to get physical values (1 when the file declares no scale). */
    default double scale() {
        return 1;
    }

    /** Add this after scaling to get physical values (0 when the file declares no offset). */
    default double offset() {
        return 0;
    }

    /**
     * Width and height in pixels of the blocks the source is stored in (a GeoTIFF's tiles or strips), or
     * {@code {0, 0}} when unknown: windows aligned with them read each block whole, once.
     */
    default int[] blockSize() {
        return new int[] {0, 0};
    }

    /**
     * Reads band {@code band} (0-based) over {@code window} into {@code out}, row-major, {@code out[r·width + c]}.
     *
     * @throws RasterReadException naming the file when the data cannot be read correctly
     */
    void read(int band, Window window, double[] out);

    /**
     * Reads {@code count} consecutive bands from {@code firstBand} into {@code out}, band-major:
     * {@code out[b·window.length() + r·width + c]}. Implementations override it when reading bands together
     * is cheaper (pixel-interleaved files).
     */
    default void readBands(int firstBand, int count, Window window, double[] out) {
        int n = window.length();
        double[] one = new double[n];
        for (int b = 0; b < count; b++) {
            read(firstBand + b, window, one);
            System.arraycopy(one, 0, out, b * n, n);
        }
    }

    @Override
    void close();
}
