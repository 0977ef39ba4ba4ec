package org.ldn.geodata.geotiff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.ldn.core.grid.Grid;
import org.ldn.core.raster.RasterIO;
import org.ldn.core.raster.RasterSink;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.raster.SampleType;

/** GeoTIFF behind core's {@link RasterIO} port: {@link GeoTiffSource} to read, {@link GeoTiffSink} to write. */
public final class GeoTiffIO implements RasterIO {
    private final int level;
    /** Grids already read from files by another process, by absolute normalized path; see {@link #withKnownGrids}. */
    private final Map<Path, Known> known;

    /**
     * A file's grid as another process read it (CRS identified by Apache SIS, geotransform cross-checked), and the
     * file's size and modification time then.
     */
    public record Known(Grid grid, long bytes, long modifiedMillis) {
        /** The grid of {@code file} as it is now, with its size and modification time. */
        public static Known of(Path file, Grid grid) {
            try {
                return new Known(grid, Files.size(file), Files.getLastModifiedTime(file).toMillis());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** True when {@code file} still has the size and modification time recorded here. */
        boolean unchanged(Path file) {
            try {
                return Files.size(file) == bytes && Files.getLastModifiedTime(file).toMillis() == modifiedMillis;
            } catch (IOException e) {
                return false; // opening it reports the problem
            }
        }
    }

    /** Writes at {@link GeoTiffSink#DEFAULT_LEVEL}. */
    public GeoTiffIO() {
        this(GeoTiffSink.DEFAULT_LEVEL);
    }

    /** Writes at DEFLATE level {@code level} (1 fastest .. 9 smallest). */
    public GeoTiffIO(int level) {
        this(level, Map.of());
    }

    private GeoTiffIO(int level, Map<Path, Known> known) {
        this.level = level;
        this.known = known;
    }

    /**
     * This IO, opening the files of {@code known} (keys: absolute normalized paths) with the grid given there instead
     * of identifying their CRS again through Apache SIS, as long as a file keeps its size and modification time and
     * its own tags give the same size and geotransform; any other file, or one that changed, is opened as usual. For
     * the tasks of a run split across processes: the process that planned the run read every input's CRS once, and
     * a fresh process is spared loading the EPSG database (seconds of start-up).
     */
    public GeoTiffIO withKnownGrids(Map<Path, Known> known) {
        return new GeoTiffIO(level, Map.copyOf(known));
    }

    @Override
    public RasterSource open(Path file, String name) {
        Known k = known.isEmpty() ? null : known.get(file.toAbsolutePath().normalize());
        return GeoTiffSource.open(file, name, k != null && k.unchanged(file) ? k.grid() : null);
    }

    /** A tiled DEFLATE GeoTIFF of UINT8, INT16 or FLOAT32 samples; see {@link GeoTiffSink}. */
    @Override
    public RasterSink create(Path file, Grid grid, SampleType type, double noData) {
        return GeoTiffSink.create(file, grid, type, noData, level);
    }
}
