package org.ldn.geodata.geotiff;

import java.nio.file.Path;
import org.ldn.core.grid.Grid;
import org.ldn.core.raster.RasterIO;
import org.ldn.core.raster.RasterSink;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.raster.SampleType;

/** GeoTIFF behind core's {@link RasterIO} port: {@link GeoTiffSource} to read, {@link GeoTiffSink} to write. */
public final class GeoTiffIO implements RasterIO {
    private final int level;

    /** Writes at {@link GeoTiffSink#DEFAULT_LEVEL}. */
    public GeoTiffIO() {
        this(GeoTiffSink.DEFAULT_LEVEL);
    }

    /** Writes at DEFLATE level {@code level} (1 fastest .. 9 smallest). */
    public GeoTiffIO(int level) {
        this.level = level;
    }

    @Override
    public RasterSource open(Path file, String name) {
        return GeoTiffSource.open(file, name);
    }

    /** A tiled DEFLATE GeoTIFF of UINT8, INT16 or FLOAT32 samples; see {@link GeoTiffSink}. */
    @Override
    public RasterSink create(Path file, Grid grid, SampleType type, double noData) {
        return GeoTiffSink.create(file, grid, type, noData, level);
    }
}
