package org.ldn.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntBinaryOperator;

/**
 * A small complete run folder whose every file is made here, byte by byte: {@code ldn.yaml}, land cover 2000 and
 * 2015, one LPD map, SOC stocks 2000 and 2015 (uncompressed GeoTIFFs of {@value #WIDTH} × {@value #HEIGHT} pixels of
 * 1 km on EPSG:3035, ETRS89 / LAEA Europe, top-left corner at ({@value #X0}, {@value #Y0})) and two rectangular zones,
 * W (columns 0–9) and E (columns 10–19), in {@code zones.geojson}. It runs cleanly; {@link BadInputs} breaks one
 * thing at a time.
 * <pre>
 * land cover (UNCCD legend): 2000 grassland (2) everywhere; 2015 cropland (3) in columns 0–4, else grassland
 * LPD: 4 (stable) in columns 0–9, 1 (declining) in columns 10–19
 * SOC (t C/ha): 2000 50 everywhere; 2015 40 in rows 0–5, else 50
 * </pre>
 */
public final class TinyRun {
    public static final int WIDTH = 20;
    public static final int HEIGHT = 12;
    public static final double X0 = 4_000_000;
    public static final double Y0 = 3_000_000;
    public static final double CELL = 1000;

    /** The run file: every input above, the UNCCD legend, one baseline period, on the land-cover grid. */
    public static final String RUN_FILE = """
            title: tiny
            zones: {file: zones.geojson, idField: id, nameField: name}
            landCover: {legend: unccd, maps: {2000: lc2000.tif, 2015: lc2015.tif}}
            productivity: {lpd: {baseline: lpd.tif}}
            soc: {stocks: {2000: soc2000.tif, 2015: soc2015.tif}}
            periods:
              - {name: baseline, landCover: [2000, 2015], soc: [2000, 2015], productivity: [2000, 2015]}
            grid: landCover
            """;

    /** GeoKeys of EPSG:3035: projected model, pixels as areas, ProjectedCSTypeGeoKey 3035. */
    static final int[] GEO_KEYS_3035 = {1, 1, 0, 3, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, 3035};

    private TinyRun() {
    }

    /** Writes the run into {@code dir} (which must exist), replacing files of the same names. */
    public static void write(Path dir) {
        write(dir.resolve("lc2000.tif"), uint8((c, r) -> 2));
        write(dir.resolve("lc2015.tif"), uint8((c, r) -> c < 5 ? 3 : 2));
        write(dir.resolve("lpd.tif"), uint8((c, r) -> c < 10 ? 4 : 1));
        write(dir.resolve("soc2000.tif"), int16((c, r) -> 50));
        write(dir.resolve("soc2015.tif"), int16((c, r) -> r < 6 ? 40 : 50));
        write(dir.resolve("zones.geojson"), TinyZones.geoJson(TinyZones.rectangles()).getBytes());
        write(dir.resolve("ldn.yaml"), RUN_FILE.getBytes());
    }

    /** An uncompressed one-strip UINT8 GeoTIFF of the run's grid, nodata 0, pixel (c, r) = {@code value}. */
    public static TinyTiff uint8(IntBinaryOperator value) {
        byte[] px = new byte[WIDTH * HEIGHT];
        for (int r = 0; r < HEIGHT; r++) {
            for (int c = 0; c < WIDTH; c++) {
                px[r * WIDTH + c] = (byte) value.applyAsInt(c, r);
            }
        }
        return geoTiff(8, 1, "0").blocks(false, px);
    }

    /** An uncompressed one-strip INT16 GeoTIFF of the run's grid, nodata -32768, pixel (c, r) = {@code value}. */
    public static TinyTiff int16(IntBinaryOperator value) {
        ByteBuffer px = ByteBuffer.allocate(2 * WIDTH * HEIGHT).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < HEIGHT; r++) {
            for (int c = 0; c < WIDTH; c++) {
                px.putShort((short) value.applyAsInt(c, r));
            }
        }
        return geoTiff(16, 2, "-32768").blocks(false, px.array());
    }

    /**
     * The tags of a one-band GeoTIFF of the run's grid, one strip of all rows, without pixels.
     *
     * @param format TIFF SampleFormat: 1 unsigned, 2 signed integer, 3 floating point
     */
    public static TinyTiff geoTiff(int bits, int format, String noData) {
        return new TinyTiff().longs(TinyTiff.IMAGE_WIDTH, WIDTH).longs(TinyTiff.IMAGE_LENGTH, HEIGHT)
                .shorts(TinyTiff.BITS_PER_SAMPLE, bits).shorts(TinyTiff.COMPRESSION, 1)
                .shorts(TinyTiff.PHOTOMETRIC, 1).shorts(TinyTiff.SAMPLES_PER_PIXEL, 1)
                .longs(TinyTiff.ROWS_PER_STRIP, HEIGHT).shorts(TinyTiff.SAMPLE_FORMAT, format)
                .doubles(TinyTiff.MODEL_PIXEL_SCALE, CELL, CELL, 0)
                .doubles(TinyTiff.MODEL_TIEPOINT, 0, 0, 0, X0, Y0, 0)
                .shorts(TinyTiff.GEO_KEY_DIRECTORY, GEO_KEYS_3035)
                .ascii(TinyTiff.GDAL_NODATA, noData);
    }

    static void write(Path file, TinyTiff tiff) {
        write(file, tiff.bytes());
    }

    static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
