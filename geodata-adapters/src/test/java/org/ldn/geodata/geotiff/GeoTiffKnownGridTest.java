package org.ldn.geodata.geotiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSource;

/**
 * {@link GeoTiffIO#withKnownGrids}: a file whose size, modification time, pixel size and geotransform match the
 * recorded grid takes that grid's CRS (a CRS Apache SIS would never produce, named here "recorded", shows the CRS
 * library was not asked); a file that changed, or whose tags give another geotransform, is opened as usual.
 */
class GeoTiffKnownGridTest {
    private static final Path WGS84 = GeoTiffFixtures.dir().resolve("int16_tile_deflate_p2.tif");
    /** A marker CRS: only a recorded grid can carry it. */
    private static final CrsInfo RECORDED = new CrsInfo("recorded", "recorded", 4326, true, false);

    @TempDir
    Path tmp;

    @Test
    void anUnchangedFileTakesTheRecordedGridAndReadsTheSamePixels() throws Exception {
        Path f = Files.copy(WGS84, tmp.resolve("a.tif"));
        Grid read = readGrid(new GeoTiffIO(), f);
        Grid recorded = withCrs(read, RECORDED);
        GeoTiffIO io = new GeoTiffIO().withKnownGrids(Map.of(f.toAbsolutePath().normalize(),
                GeoTiffIO.Known.of(f, recorded)));
        try (RasterSource known = io.open(f, "a.tif"); RasterSource plain = new GeoTiffIO().open(f, "a.tif")) {
            assertEquals(recorded, known.grid());
            Window w = new Window(0, 0, Math.min(64, read.width()), Math.min(48, read.height()));
            double[] a = new double[w.length()];
            double[] b = new double[w.length()];
            known.read(0, w, a);
            plain.read(0, w, b);
            assertArrayEquals(b, a);
        }
    }

    @Test
    void aChangedFileOrAnotherGeotransformIsOpenedAsUsual() throws Exception {
        Path f = Files.copy(WGS84, tmp.resolve("b.tif"));
        Grid read = readGrid(new GeoTiffIO(), f);
        // recorded before the file was touched: its modification time no longer matches
        GeoTiffIO.Known stale = GeoTiffIO.Known.of(f, withCrs(read, RECORDED));
        Files.setLastModifiedTime(f, FileTime.fromMillis(stale.modifiedMillis() + 10_000));
        assertEquals(read, readGrid(new GeoTiffIO().withKnownGrids(Map.of(f.toAbsolutePath().normalize(), stale)), f));
        // the stamp matches but the recorded origin is half a pixel off: the file's own tags win
        Path g = Files.copy(WGS84, tmp.resolve("c.tif"), StandardCopyOption.REPLACE_EXISTING);
        Grid shifted = new Grid(RECORDED, read.x0() + read.dx() / 2, read.y0(), read.dx(), read.dy(), read.width(),
                read.height());
        assertEquals(read, readGrid(new GeoTiffIO().withKnownGrids(Map.of(g.toAbsolutePath().normalize(),
                GeoTiffIO.Known.of(g, shifted))), g));
    }

    private static Grid readGrid(GeoTiffIO io, Path f) {
        try (RasterSource s = io.open(f, f.getFileName().toString())) {
            return s.grid();
        }
    }

    private static Grid withCrs(Grid g, CrsInfo crs) {
        return new Grid(crs, g.x0(), g.y0(), g.dx(), g.dy(), g.width(), g.height());
    }
}
