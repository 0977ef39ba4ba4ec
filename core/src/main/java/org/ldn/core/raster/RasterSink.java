package org.ldn.core.raster;

import org.ldn.core.grid.Window;

/**
 * Port: a raster being written, one finished window at a time, in any order, possibly from several threads.
 * Nothing is visible under the final name until {@link #commit()} returns; {@link #close()} without a commit
 * discards what was written.
 */
public interface RasterSink extends AutoCloseable {

    /** Accepts the values of {@code window}, row-major; {@code data.length == window.length()}. */
    void write(Window window, short[] data);

    /** Float variant; NaN is written as the sink's nodata value. */
    void write(Window window, float[] data);

    /** Finishes the file (every pixel must have been written) and moves it into place. */
    void commit();

    @Override
    void close();
}
