package org.ldn.geodata.geotiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;

/**
 * Reads every committed fixture and compares with what GDAL 3.6 read from the same file: grid, type, nodata,
 * scale/offset and CRS ({@code expected-grids.tsv}) and per-band statistics ({@code expected-checksums.tsv}).
 * Both tables were made by {@code make-fixtures.sh} with
 * {@code /usr/bin/python3 gdal_checksums.py [--grids] *.tif} (see that script). Windows, including odd ones that
 * cross block edges, must equal the same pixels of a full read.
 */
class GeoTiffSourceFixtureTest {
    private static final Map<String, List<String[]>> GRIDS = GeoTiffFixtures.table(
            GeoTiffFixtures.dir().resolve("expected-grids.tsv"));
    private static final Map<String, List<String[]>> STATS = GeoTiffFixtures.table(
            GeoTiffFixtures.dir().resolve("expected-checksums.tsv"));

    static List<String> files() {
        return GeoTiffFixtures.files();
    }

    @Test
    void everyFixtureHasExpectedValues() {
        assertEquals(GRIDS.keySet(), STATS.keySet());
        assertEquals(104, GRIDS.size());
    }

    @ParameterizedTest
    @MethodSource("files")
    void gridTypeAndNoDataAsGdalReadsThem(String file) {
        String[] g = GRIDS.get(file).get(0);
        try (GeoTiffSource s = GeoTiffSource.open(GeoTiffFixtures.dir().resolve(file), file)) {
            Grid grid = s.grid();
            assertEquals(Integer.parseInt(g[1]), grid.width());
            assertEquals(Integer.parseInt(g[2]), grid.height());
            assertEquals(Integer.parseInt(g[3]), s.bandCount());
            assertEquals(g[4], s.sampleType().name());
            assertEquals(g[5].equals("none") || g[5].equals("nan") ? Double.NaN : Double.parseDouble(g[5]), s.noData());
            assertEquals(Double.parseDouble(g[6]), s.scale());
            assertEquals(Double.parseDouble(g[7]), s.offset());
            double[] gt = new double[6];
            for (int i = 0; i < 6; i++) {
                gt[i] = Double.parseDouble(g[8 + i]);
            }
            assertArrayEquals(gt, grid.geoTransform(), 1e-9 * Math.abs(gt[1]));
            assertEquals(g[14].equals("-") ? null : Integer.valueOf(g[14]), grid.crs().epsg());
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void bandStatisticsAsGdalComputesThem(String file) {
        try (GeoTiffSource s = GeoTiffSource.open(GeoTiffFixtures.dir().resolve(file), file)) {
            Window all = s.grid().extent();
            double[] v = new double[all.length()];
            for (String[] row : STATS.get(file)) {
                int band = Integer.parseInt(row[1]) - 1;
                s.read(band, all, v);
                assertEquals(BandStats.parse(row), BandStats.of(v, all.width(), all.height()),
                        file + " band " + (band + 1));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void windowsEqualTheSamePixelsOfAFullRead(String file) {
        try (GeoTiffSource s = GeoTiffSource.open(GeoTiffFixtures.dir().resolve(file), file)) {
            int w = s.grid().width();
            int h = s.grid().height();
            int bands = s.bandCount();
            double[] full = new double[w * h * bands];
            s.readBands(0, bands, s.grid().extent(), full);
            SplittableRandom rnd = new SplittableRandom(file.hashCode());
            for (int k = 0; k < 40; k++) {
                int c = rnd.nextInt(w);
                int r = rnd.nextInt(h);
                Window win = new Window(c, r, 1 + rnd.nextInt(w - c), 1 + rnd.nextInt(h - r));
                int b = rnd.nextInt(bands);
                double[] part = new double[win.length()];
                s.read(b, win, part);
                for (int y = 0; y < win.height(); y++) {
                    for (int x = 0; x < win.width(); x++) {
                        double expected = full[b * w * h + (win.row() + y) * w + win.col() + x];
                        assertEquals(expected, part[y * win.width() + x], file + " " + win + " band " + b);
                    }
                }
            }
        }
    }
}
