package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSource;
import org.ldn.geodata.geotiff.GeoTiffIO;
import org.ldn.testdata.TinyRun;
import org.ldn.testdata.TinyTiff;

/**
 * Monthly precipitation on another grid than the reference grid (the tiny run's 20 × 12 pixels of 1 km on EPSG:3035)
 * is regridded by nearest neighbour like every input: a run on such files gives the same drought section and the same
 * SPI maps as a run on files written on the reference grid, where each reference pixel holds the value of the source
 * cell that contains its centre — worked out here by hand (a coarser grid with a fractional origin offset) or with
 * GDAL's {@code gdaltransform} (a geographic grid).
 */
class DroughtRegridTest {
    static final int W = TinyRun.WIDTH, H = TinyRun.HEIGHT, MONTHS = 43 * 12, FIRST_YEAR = 1981;
    static final int[] GEO_KEYS_3035 = {1, 1, 0, 3, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, 3035};
    static final int[] GEO_KEYS_4326 = {1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326};
    static final ObjectMapper JSON = new ObjectMapper();

    /** A planar Float32 stack of {@code MONTHS} bands, {@code values[band][row * width + col]}, nodata −9999. */
    static byte[] stack(float[][] values, int width, int height, double x0, double y0, double cellX, double cellY,
            int[] geoKeys) {
        byte[][] bands = new byte[values.length][];
        for (int b = 0; b < values.length; b++) {
            ByteBuffer px = ByteBuffer.allocate(4 * width * height).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : values[b]) {
                px.putFloat(v);
            }
            bands[b] = px.array();
        }
        int[] bits = new int[values.length], format = new int[values.length];
        Arrays.fill(bits, 32);
        Arrays.fill(format, 3);
        return new TinyTiff().longs(TinyTiff.IMAGE_WIDTH, width).longs(TinyTiff.IMAGE_LENGTH, height)
                .shorts(TinyTiff.BITS_PER_SAMPLE, bits).shorts(TinyTiff.COMPRESSION, 1)
                .shorts(TinyTiff.PHOTOMETRIC, 1).shorts(TinyTiff.SAMPLES_PER_PIXEL, values.length)
                .longs(TinyTiff.ROWS_PER_STRIP, height).shorts(TinyTiff.SAMPLE_FORMAT, format).shorts(284, 2)
                .doubles(TinyTiff.MODEL_PIXEL_SCALE, cellX, cellY, 0)
                .doubles(TinyTiff.MODEL_TIEPOINT, 0, 0, 0, x0, y0, 0)
                .shorts(TinyTiff.GEO_KEY_DIRECTORY, geoKeys).ascii(TinyTiff.GDAL_NODATA, "-9999")
                .blocks(false, bands).bytes();
    }

    /** Random monthly precipitation (mm, tenths) on {@code cells} cells, with a dry 2003 over the first third. */
    static float[][] precipitation(int cells, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] p = new float[MONTHS][cells];
        for (int b = 0; b < MONTHS; b++) {
            for (int i = 0; i < cells; i++) {
                double v = 10 + 80 * rnd.nextDouble() * rnd.nextDouble();
                if (FIRST_YEAR + b / 12 == 2003 && i < cells / 3) {
                    v *= 0.05;
                }
                p[b][i] = (float) (Math.round(v * 10) / 10.0);
            }
        }
        return p;
    }

    /** The reference-grid values: pixel i takes source cell {@code sourceCell[i]}. */
    static float[][] onReference(float[][] source, int[] sourceCell) {
        float[][] out = new float[MONTHS][W * H];
        for (int b = 0; b < MONTHS; b++) {
            for (int i = 0; i < W * H; i++) {
                out[b][i] = source[b][sourceCell[i]];
            }
        }
        return out;
    }

    static void writeRun(Path dir) throws Exception {
        Files.createDirectories(dir);
        TinyRun.write(dir);
        Files.writeString(dir.resolve("ldn.yaml"), TinyRun.RUN_FILE + """
                drought:
                  precipitation: [{file: precip.tif, firstYear: 1981}]
                """);
    }

    static Path run(Path dir) {
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("run", dir.resolve("ldn.yaml").toString(), "--out", out.toString(), "--quiet",
                "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        return out;
    }

    /** The two runs agree: the drought section, and every SPI map pixel by pixel. */
    static void assertSameDrought(Path regridded, Path byHand) throws Exception {
        JsonNode a = JSON.readTree(regridded.resolve("report.json").toFile());
        JsonNode b = JSON.readTree(byHand.resolve("report.json").toFile());
        assertEquals("", firstDifference("drought", b.get("drought"), a.get("drought")), "the drought sections");
        assertTrue(a.get("warnings").toString().contains("drought.precipitation precip.tif (precip.tif) is on another"
                + " grid than the reference"), a.get("warnings").toString());
        // the section is not trivial: the dry 2003 shows as drought somewhere, not everywhere
        double dry = a.at("/drought/total/years/2003/droughtKm2").asDouble();
        assertTrue(dry > 10 && dry < 240, "area under drought in 2003: " + dry);
        for (JsonNode year : a.at("/drought/years")) {
            String f = "maps/drought_spi12_" + year.asInt() + ".tif";
            assertArrayEquals(pixels(byHand.resolve(f)), pixels(regridded.resolve(f)), f);
        }
    }

    /** The path and values of the first field where two JSON trees differ, or "" when they are equal. */
    static String firstDifference(String path, JsonNode want, JsonNode got) {
        if (want.equals(got)) {
            return "";
        }
        if (want.isContainerNode() && got != null && want.size() == got.size()) {
            var names = want.isObject() ? want.fieldNames() : null;
            for (int i = 0; i < want.size(); i++) {
                String key = names != null ? names.next() : null;
                String d = firstDifference(path + "/" + (key != null ? key : i), key != null ? want.get(key)
                        : want.get(i), key != null ? got.get(key) : got.get(i));
                if (!d.isEmpty()) {
                    return d;
                }
            }
        }
        return path + ": " + want + " by hand, " + got + " regridded";
    }

    static double[] pixels(Path tif) throws Exception {
        try (RasterSource s = new GeoTiffIO().open(tif, "spi")) {
            double[] v = new double[W * H];
            s.read(0, new Window(0, 0, W, H), v);
            return v;
        }
    }

    /**
     * Source cells of 2 km whose grid starts 700 m west and 300 m north of the reference grid (11 × 7 cells): the
     * centre of reference pixel (c, r) lies 1,200 + 1,000·c m east and 800 + 1,000·r m south of the source origin,
     * so it falls in source cell ((1200 + 1000·c) div 2000, (800 + 1000·r) div 2000); no centre lies on a cell edge.
     */
    @Test
    void coarserGridWithAFractionalOffsetEqualsTheValuesWrittenOnTheReferenceGrid(@TempDir Path dir) throws Exception {
        int cw = 11, ch = 7;
        float[][] coarse = precipitation(cw * ch, 7);
        int[] cell = new int[W * H];
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                cell[r * W + c] = (800 + 1000 * r) / 2000 * cw + (1200 + 1000 * c) / 2000;
            }
        }
        assertEquals(0, cell[0]);
        assertEquals(1, cell[1]);
        assertEquals(1, cell[2]);
        assertEquals(10, cell[W + 19], "pixel (19, 1): centre 20,200 m east, 1,800 m south of the source origin");
        assertEquals(cw + 10, cell[2 * W + 19], "pixel (19, 2): centre 20,200 m east, 2,800 m south");
        Path a = dir.resolve("coarse"), b = dir.resolve("byHand");
        writeRun(a);
        Files.write(a.resolve("precip.tif"), stack(coarse, cw, ch, TinyRun.X0 - 700, TinyRun.Y0 + 300, 2000, 2000,
                GEO_KEYS_3035));
        writeRun(b);
        Files.write(b.resolve("precip.tif"), stack(onReference(coarse, cell), W, H, TinyRun.X0, TinyRun.Y0,
                TinyRun.CELL, TinyRun.CELL, GEO_KEYS_3035));
        assertSameDrought(run(a), run(b));
    }

    /**
     * Source cells of 0.031° × 0.023° on EPSG:4326 (longitude, latitude). The reference pixel centres are
     * transformed to longitude and latitude by GDAL's {@code gdaltransform} (PROJ), an implementation other than the
     * engine's, and each takes the cell that contains it; every centre lies more than 10⁻⁵ of a cell (2 cm) from an
     * edge, far beyond the two transforms' differences (well below a millimetre), so they cannot disagree on the cell.
     */
    @Test
    void geographicGridEqualsTheValuesWrittenOnTheReferenceGridAtGdalsCentres(@TempDir Path dir) throws Exception {
        double[][] lonLat = gdalCentres();
        Assumptions.assumeTrue(lonLat != null, "gdaltransform not found: install GDAL (apt-get install gdal-bin) to"
                + " check regridding from another CRS");
        double cellX = 0.031, cellY = 0.023;
        double minLon = Double.MAX_VALUE, maxLat = -Double.MAX_VALUE, maxLon = -Double.MAX_VALUE,
                minLat = Double.MAX_VALUE;
        for (double[] p : lonLat) {
            minLon = Math.min(minLon, p[0]);
            maxLon = Math.max(maxLon, p[0]);
            minLat = Math.min(minLat, p[1]);
            maxLat = Math.max(maxLat, p[1]);
        }
        double lon0 = Math.floor(minLon / cellX) * cellX - 0.0123, lat0 = Math.ceil(maxLat / cellY) * cellY + 0.0071;
        int cw = (int) Math.ceil((maxLon - lon0) / cellX) + 1, ch = (int) Math.ceil((lat0 - minLat) / cellY) + 1;
        int[] cell = new int[W * H];
        for (int i = 0; i < W * H; i++) {
            double u = (lonLat[i][0] - lon0) / cellX, v = (lat0 - lonLat[i][1]) / cellY;
            assertTrue(Math.abs(u - Math.rint(u)) > 1e-5 && Math.abs(v - Math.rint(v)) > 1e-5,
                    "pixel " + i + " lies near a cell edge: choose another grid");
            cell[i] = (int) Math.floor(v) * cw + (int) Math.floor(u);
        }
        assertTrue(Arrays.stream(cell).distinct().count() > 20, "many source cells are used");
        float[][] source = precipitation(cw * ch, 11);
        Path a = dir.resolve("geographic"), b = dir.resolve("byHand");
        writeRun(a);
        Files.write(a.resolve("precip.tif"), stack(source, cw, ch, lon0, lat0, cellX, cellY, GEO_KEYS_4326));
        writeRun(b);
        Files.write(b.resolve("precip.tif"), stack(onReference(source, cell), W, H, TinyRun.X0, TinyRun.Y0,
                TinyRun.CELL, TinyRun.CELL, GEO_KEYS_3035));
        assertSameDrought(run(a), run(b));
    }

    /** Longitude and latitude of every reference pixel centre (row-major) by gdaltransform, or null without GDAL. */
    static double[][] gdalCentres() throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("gdaltransform", "-s_srs", "EPSG:3035", "-t_srs", "EPSG:4326", "-output_xy")
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            return null;
        }
        try (Writer w = new java.io.OutputStreamWriter(p.getOutputStream(), StandardCharsets.US_ASCII)) {
            for (int r = 0; r < H; r++) {
                for (int c = 0; c < W; c++) {
                    w.write((TinyRun.X0 + (c + 0.5) * TinyRun.CELL) + " " + (TinyRun.Y0 - (r + 0.5) * TinyRun.CELL)
                            + "\n");
                }
            }
        }
        double[][] out = new double[W * H][];
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
            for (int i = 0; i < W * H; i++) {
                String[] f = in.readLine().trim().split("\\s+");
                out[i] = new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])};
            }
        }
        assertEquals(0, p.waitFor());
        // GDAL prints EPSG:4326 in its traditional GIS order, longitude first: the tiny run lies near 5° E, 50° N
        assertTrue(out[0][0] > 0 && out[0][0] < 20 && out[0][1] > 40 && out[0][1] < 60, Arrays.toString(out[0]));
        return out;
    }
}
