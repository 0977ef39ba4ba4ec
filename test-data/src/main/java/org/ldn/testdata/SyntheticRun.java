package org.ldn.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterIO;
import org.ldn.core.raster.RasterSink;
import org.ldn.core.raster.SampleType;

/**
 * A small complete run over New Guinea for tests of whole-run commands (batch, aggregation, exports): random
 * SYNTHETIC rasters on a 0.1° EPSG:4326 grid of 251 × 101 pixels covering 131–156.1° E, 0.5–10.6° S, and a run file
 * {@code ldn.yaml} naming them, with the bundled world boundaries ({@link TestData#WORLD}, ids {@code name_long}) as
 * zones. Of those 177 countries exactly two meet the grid, Indonesia and Papua New Guinea, which lies wholly on it
 * but for a sliver south of 10.6° S (its bounding box, by GDAL: 141.0–156.02° E, 2.5–10.65° S); Australia
 * (northernmost 10.67° S), the Solomon Islands (from 156.49° E) and Timor-Leste (to 127.34° E) stay off it.
 * <ul>
 * <li>land cover 2000, 2015, 2019 in UNCCD codes 1..7 (legend {@code unccd}; Byte, nodata 255, 1 pixel in 50),
 *     each year keeping the previous class with probability 3/4;</li>
 * <li>LPD 1..5 for the periods {@code baseline} and {@code reporting1} (Byte, nodata 0, 1 pixel in 40);</li>
 * <li>SOC stocks 2000, 2015, 2019 in t C/ha, 20..80 (Int16, nodata −32768, 1 pixel in 60).</li>
 * </ul>
 * Deterministic: the same seed writes the same files.
 */
public final class SyntheticRun {
    /** The grid of every raster. */
    public static final Grid GRID = SyntheticRaster.geographic(131, -0.5, 0.1, 251, 101);
    private static final int[] YEARS = {2000, 2015, 2019};

    private SyntheticRun() {
    }

    /** Writes the rasters and {@code ldn.yaml} into {@code dir}; returns the run file. */
    public static Path write(Path dir, RasterIO io, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = GRID.width() * GRID.height();
        short[][] lc = new short[YEARS.length][n];
        for (int y = 0; y < YEARS.length; y++) {
            for (int i = 0; i < n; i++) {
                boolean keep = y > 0 && lc[y - 1][i] != 255 && rnd.nextInt(4) > 0;
                lc[y][i] = rnd.nextInt(50) == 0 ? 255 : keep ? lc[y - 1][i] : (short) (1 + rnd.nextInt(7));
            }
            raster(io, dir.resolve("lc_" + YEARS[y] + ".tif"), SampleType.UINT8, 255, lc[y]);
            short[] soc = new short[n];
            for (int i = 0; i < n; i++) {
                soc[i] = rnd.nextInt(60) == 0 ? Short.MIN_VALUE : (short) (20 + rnd.nextInt(61));
            }
            raster(io, dir.resolve("soc_" + YEARS[y] + ".tif"), SampleType.INT16, Short.MIN_VALUE, soc);
        }
        for (String period : new String[] {"baseline", "reporting1"}) {
            short[] lpd = new short[n];
            for (int i = 0; i < n; i++) {
                lpd[i] = rnd.nextInt(40) == 0 ? 0 : (short) (1 + rnd.nextInt(5));
            }
            raster(io, dir.resolve("lpd_" + period + ".tif"), SampleType.UINT8, 0, lpd);
        }
        Path world = dir.resolve("world.gpkg");
        try {
            Files.copy(TestData.file(TestData.WORLD), world);
            Path run = dir.resolve("ldn.yaml");
            Files.writeString(run, """
                    title: synthetic New Guinea (test)
                    zones: {file: world.gpkg, idField: name_long}
                    landCover:
                      legend: unccd
                      maps: {2000: lc_2000.tif, 2015: lc_2015.tif, 2019: lc_2019.tif}
                    productivity:
                      lpd: {baseline: lpd_baseline.tif, reporting1: lpd_reporting1.tif}
                    soc:
                      stocks: {2000: soc_2000.tif, 2015: soc_2015.tif, 2019: soc_2019.tif}
                    periods:
                      - {name: baseline, landCover: [2000, 2015], soc: [2000, 2015], productivity: [2000, 2015]}
                      - {name: reporting1, landCover: [2015, 2019], soc: [2015, 2019], productivity: [2004, 2019]}
                    """, StandardCharsets.UTF_8);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void raster(RasterIO io, Path file, SampleType type, int noData, short[] values) {
        try (RasterSink s = io.create(file, GRID, type, noData)) {
            s.write(new Window(0, 0, GRID.width(), GRID.height()), values);
            s.commit();
        }
    }
}
