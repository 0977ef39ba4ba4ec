package org.ldn.geodata.geotiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Tiling;
import org.ldn.core.grid.Window;

/**
 * Reads every raster of the shared real data (folder from the {@code ldn.shared} system property; skipped when
 * absent) and compares with GDAL 3.6. The expected tables were recorded, from {@code shared/data}, with
 * <pre>
 * /usr/bin/python3 gdal_checksums.py landcover/*.tif productivity/*.tif soc/*.tif &gt; shared-data-checksums.tsv
 * /usr/bin/python3 gdal_checksums.py --grids landcover/*.tif productivity/*.tif soc/*.tif &gt; shared-data-grids.tsv
 * </pre>
 * ({@code src/test/resources/geotiff/gdal_checksums.py}). Note that the GIMMS stack has 360 pixel-interleaved
 * Float32 bands with nodata -3.4e38, the LAI stack uses NaN, and the climate zones' .aux.xml statistics are wrong
 * (GDAL's own read, not the .aux.xml, is the reference).
 */
class GeoTiffSharedDataTest {
    private static final Map<String, List<String[]>> GRIDS = GeoTiffFixtures.table(
            GeoTiffFixtures.dir().resolve("shared-data-grids.tsv"));
    private static final Map<String, List<String[]>> STATS = GeoTiffFixtures.table(
            GeoTiffFixtures.dir().resolve("shared-data-checksums.tsv"));

    static List<String> files() {
        return List.copyOf(GRIDS.keySet());
    }

    static Path find(String file) {
        String shared = System.getProperty("ldn.shared");
        assumeTrue(shared != null, "ldn.shared not set");
        for (String sub : List.of("landcover", "productivity", "soc")) {
            Path p = Path.of(shared, "data", sub, file);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        assumeTrue(false, file + " not found under " + shared);
        return null;
    }

    @ParameterizedTest
    @MethodSource("files")
    void sameGridAndBandStatisticsAsGdal(String file) {
        String[] g = GRIDS.get(file).get(0);
        try (GeoTiffSource s = GeoTiffSource.open(find(file), file)) {
            Grid grid = s.grid();
            assertEquals(Integer.parseInt(g[1]), grid.width());
            assertEquals(Integer.parseInt(g[2]), grid.height());
            assertEquals(Integer.parseInt(g[3]), s.bandCount());
            assertEquals(g[4], s.sampleType().name());
            assertEquals(g[5].equals("nan") ? Double.NaN : Double.parseDouble(g[5]), s.noData());
            double[] gt = new double[6];
            for (int i = 0; i < 6; i++) {
                gt[i] = Double.parseDouble(g[8 + i]);
            }
            assertArrayEquals(gt, grid.geoTransform(), 1e-9 * gt[1]);
            assertEquals(g[14].equals("-") ? null : Integer.valueOf(g[14]), grid.crs().epsg());
            Window all = grid.extent();
            int n = all.length();
            double[] v = new double[n * s.bandCount()];
            s.readBands(0, s.bandCount(), all, v);
            double[] band = new double[n];
            for (String[] row : STATS.get(file)) {
                int b = Integer.parseInt(row[1]) - 1;
                System.arraycopy(v, b * n, band, 0, n);
                assertEquals(BandStats.parse(row), BandStats.of(band, all.width(), all.height()), file + " band " + (b + 1));
            }
        }
    }

    /** The striped land cover read through 256 x 256 windows (each strip serves 29 windows) equals GDAL's read. */
    @Test
    void stripedLandCoverReadByWindows() {
        String file = "new_guinea_lc_2001.tif";
        try (GeoTiffSource s = GeoTiffSource.open(find(file), file)) {
            Grid grid = s.grid();
            assertEquals(null, grid.crs().epsg());
            double[] all = new double[grid.extent().length()];
            for (Window w : Tiling.of(grid, 256).windows()) {
                double[] part = new double[w.length()];
                s.read(0, w, part);
                for (int r = 0; r < w.height(); r++) {
                    System.arraycopy(part, r * w.width(), all, (w.row() + r) * grid.width() + w.col(), w.width());
                }
            }
            assertEquals(BandStats.parse(STATS.get(file).get(0)), BandStats.of(all, grid.width(), grid.height()));
        }
    }
}
