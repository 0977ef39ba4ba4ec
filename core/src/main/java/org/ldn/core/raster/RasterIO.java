package org.ldn.core.raster;

import java.nio.file.Path;
import org.ldn.core.grid.Grid;

/** Port: opens raster files for reading and creates new ones. Implemented by the adapters. */
public interface RasterIO {

    /** Opens {@code file}; {@code name} is how the user named it, used in messages. */
    RasterSource open(Path file, String name);

    /**
     * Creates a single-band raster on {@code grid}; nothing appears at {@code file} until the sink is committed.
     *
     * @param noData the value written for nodata (for Int16 class maps, -32768)
     */
    RasterSink create(Path file, Grid grid, SampleType type, double noData);
}
