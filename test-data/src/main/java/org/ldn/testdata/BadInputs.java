package org.ldn.testdata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.ldn.testdata.TinyZones.Zone;

/**
 * The bad-input catalogue: each method breaks one thing in a {@link TinyRun} folder (written first by the caller)
 * or writes one bad report, as a small file made here (never a committed blob). A broken raster always replaces
 * {@code lc2015.tif}. Methods that write a report return its path; the others leave the run in {@code ldn.yaml}.
 */
public final class BadInputs {
    private BadInputs() {
    }

    private static Path lc2015(Path dir) {
        return dir.resolve("lc2015.tif");
    }

    private static byte[] validLandCover() {
        return TinyRun.uint8((c, r) -> c < 5 ? 3 : 2).bytes();
    }

    // --- GeoTIFF structure ---

    /** Only the first 6 bytes of a TIFF header. */
    public static void tiffHeaderOnly(Path dir) {
        TinyRun.write(lc2015(dir), Arrays.copyOf(validLandCover(), 6));
    }

    /** A TIFF cut inside its image file directory (8-byte header, then 12-byte entries). */
    public static void tiffCutInDirectory(Path dir) {
        TinyRun.write(lc2015(dir), Arrays.copyOf(validLandCover(), 8 + 2 + 12 * 3));
    }

    /** A TIFF cut 10 bytes before the end of its only strip. */
    public static void tiffCutInStrip(Path dir) {
        byte[] t = validLandCover();
        TinyRun.write(lc2015(dir), Arrays.copyOf(t, t.length - 10));
    }

    /** The strip offset points 1000 bytes past the end of the file. */
    public static void stripOffsetPastTheEnd(Path dir) {
        byte[] t = validLandCover();
        TinyRun.write(lc2015(dir), TinyTiff.patchLong(t, TinyTiff.STRIP_OFFSETS, 0, t.length + 1000L));
    }

    /** A tiled file (16 × 16 tiles) whose second tile offset points past the end of the file. */
    public static void tileOffsetPastTheEnd(Path dir) {
        TinyTiff tiff = TinyRun.geoTiff(8, 1, "0").remove(TinyTiff.ROWS_PER_STRIP)
                .longs(TinyTiff.TILE_WIDTH, 16).longs(TinyTiff.TILE_LENGTH, 16)
                .blocks(true, filled(256, 2), filled(256, 2));
        byte[] t = tiff.bytes();
        TinyRun.write(lc2015(dir), TinyTiff.patchLong(t, TinyTiff.TILE_OFFSETS, 1, 1L << 31));
    }

    /** A file of a few hundred bytes that claims 10⁶ × 10⁶ pixels in one DEFLATE strip. */
    public static void absurdImageSize(Path dir) {
        TinyTiff tiff = TinyRun.geoTiff(8, 1, "0").longs(TinyTiff.IMAGE_WIDTH, 1_000_000)
                .longs(TinyTiff.IMAGE_LENGTH, 1_000_000).longs(TinyTiff.ROWS_PER_STRIP, 1_000_000)
                .shorts(TinyTiff.COMPRESSION, 8).blocks(false, TinyTiff.deflate(new byte[100]));
        TinyRun.write(lc2015(dir), tiff);
    }

    /**
     * A decompression bomb: 51200 × 51200 pixels in 10000 DEFLATE tiles of 512 × 512 that all point to the same
     * 500-odd bytes (each decodes to 512 KiB of zeros, 5.2 GB in all, from a file of 80 KB).
     */
    public static void tilesSharingTheirBytes(Path dir) {
        int tile = 512;
        TinyTiff tiff = TinyRun.geoTiff(16, 2, "-32768").remove(TinyTiff.ROWS_PER_STRIP)
                .longs(TinyTiff.IMAGE_WIDTH, 100 * tile).longs(TinyTiff.IMAGE_LENGTH, 100 * tile)
                .longs(TinyTiff.TILE_WIDTH, tile).longs(TinyTiff.TILE_LENGTH, tile).shorts(TinyTiff.COMPRESSION, 8)
                .sharedBlocks(true, 100 * 100, TinyTiff.deflate(new byte[2 * tile * tile]));
        TinyRun.write(lc2015(dir), tiff);
    }

    /** ZSTD compression (code 50000), which the reader does not decode. */
    public static void unsupportedCompression(Path dir) {
        TinyRun.write(lc2015(dir), TinyRun.geoTiff(8, 1, "0").shorts(TinyTiff.COMPRESSION, 50000)
                .blocks(false, filled(240, 2)));
    }

    /** Complex floating-point samples (SampleFormat 6). */
    public static void unsupportedSampleFormat(Path dir) {
        TinyRun.write(lc2015(dir), TinyRun.geoTiff(32, 6, "0").blocks(false, filled(4 * 240, 0)));
    }

    /** Two bands of different widths: BitsPerSample 8 and 16. */
    public static void mixedBitsPerSample(Path dir) {
        TinyRun.write(lc2015(dir), TinyRun.geoTiff(8, 1, "0").shorts(TinyTiff.SAMPLES_PER_PIXEL, 2)
                .shorts(TinyTiff.BITS_PER_SAMPLE, 8, 16).blocks(false, filled(3 * 240, 2)));
    }

    /** BitsPerSample 16 over an uncompressed strip that holds one byte per pixel. */
    public static void bitsPerSampleDisagreeWithStrip(Path dir) {
        TinyRun.write(lc2015(dir), TinyRun.geoTiff(16, 1, "0").blocks(false, filled(240, 2)));
    }

    // --- GeoTIFF georeferencing ---

    /** No GeoTIFF keys: a plain TIFF without a CRS. */
    public static void noCrs(Path dir) {
        TinyRun.write(lc2015(dir), TinyRun.uint8((c, r) -> 2).remove(TinyTiff.GEO_KEY_DIRECTORY));
    }

    /** GeoTIFF keys but neither pixel scale and tiepoint nor a transformation matrix. */
    public static void noGeotransform(Path dir) {
        TinyRun.write(lc2015(dir), TinyRun.uint8((c, r) -> 2).remove(TinyTiff.MODEL_PIXEL_SCALE)
                .remove(TinyTiff.MODEL_TIEPOINT));
    }

    /** Pixel scale and tiepoint say 1 km pixels; a ModelTransformation in the same file says 2 km. */
    public static void contradictoryGeoreferencing(Path dir) {
        TinyRun.write(lc2015(dir), TinyRun.uint8((c, r) -> 2).doubles(TinyTiff.MODEL_TRANSFORMATION,
                2 * TinyRun.CELL, 0, 0, TinyRun.X0, 0, -2 * TinyRun.CELL, 0, TinyRun.Y0, 0, 0, 0, 0, 0, 0, 0, 1));
    }

    /** A grid rotated by a ModelTransformation with off-diagonal terms. */
    public static void rotatedGrid(Path dir) {
        TinyRun.write(lc2015(dir), TinyRun.uint8((c, r) -> 2).remove(TinyTiff.MODEL_PIXEL_SCALE)
                .remove(TinyTiff.MODEL_TIEPOINT).doubles(TinyTiff.MODEL_TRANSFORMATION,
                        TinyRun.CELL, 100, 0, TinyRun.X0, 100, -TinyRun.CELL, 0, TinyRun.Y0, 0, 0, 0, 0, 0, 0, 0, 1));
    }

    // --- GeoTIFF compressed data ---

    /** A DEFLATE strip whose zlib stream has garbage in the middle of its compressed blocks. */
    public static void corruptDeflateStream(Path dir) {
        byte[] raw = new byte[240];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (i * 37 % 11);
        }
        byte[] z = TinyTiff.deflate(raw);
        for (int i = 2; i < z.length - 4; i++) {
            z[i] = (byte) 0xFF;
        }
        TinyRun.write(lc2015(dir), TinyRun.geoTiff(8, 1, "0").shorts(TinyTiff.COMPRESSION, 8).blocks(false, z));
    }

    /** An LZW strip that starts with a code (511) no string was defined for. */
    public static void corruptLzwStream(Path dir) {
        byte[] lzw = filled(40, 0xFF);
        TinyRun.write(lc2015(dir), TinyRun.geoTiff(8, 1, "0").shorts(TinyTiff.COMPRESSION, 5).blocks(false, lzw));
    }

    // --- boundaries ---

    /** The zones as a Shapefile whose .shx was not copied. */
    public static void shapefileWithoutShx(Path dir) throws IOException {
        shapefileRun(dir, TinyZones.rectangles(), 2);
        Files.delete(dir.resolve("zones.shx"));
    }

    /** The zones as a Shapefile whose .dbf was not copied. */
    public static void shapefileWithoutDbf(Path dir) throws IOException {
        shapefileRun(dir, TinyZones.rectangles(), 2);
        Files.delete(dir.resolve("zones.dbf"));
    }

    /** The zones as a Shapefile whose .dbf has one record for two shapes. */
    public static void dbfWithFewerRecordsThanShapes(Path dir) throws IOException {
        shapefileRun(dir, TinyZones.rectangles(), 1);
    }

    private static void shapefileRun(Path dir, List<Zone> zones, int dbfRecords) throws IOException {
        TinyZones.shapefile(dir.resolve("zones"), zones, dbfRecords);
        replaceInRunFile(dir, "zones.geojson", "zones.shp");
    }

    /** The run file asks for layer 'provinces' of a GeoPackage whose only layer is 'zones'. */
    public static void geoPackageWithoutTheLayer(Path dir) throws IOException, SQLException {
        TinyZones.geoPackage(dir.resolve("zones.gpkg"), "zones", TinyZones.rectangles());
        replaceInRunFile(dir, "{file: zones.geojson,", "{file: zones.gpkg, layer: provinces,");
    }

    /** Zone W drawn as a bow-tie: its ring crosses itself at (4005000, 2994000). */
    public static void selfIntersectingPolygon(Path dir) {
        double[] bowTie = {4_000_000, 3_000_000, 4_010_000, 2_988_000, 4_010_000, 3_000_000, 4_000_000, 2_988_000,
            4_000_000, 3_000_000};
        zones(dir, List.of(Zone.of("W", bowTie), Zone.of("E", TinyZones.cells(10, 0, 20, TinyRun.HEIGHT))));
    }

    /** Zone W is a MultiPolygon of two squares that overlap (columns 3–4). */
    public static void overlappingPartsOfOneZone(Path dir) {
        Zone w = new Zone("W", "Zone W", List.of(List.of(TinyZones.cells(0, 0, 5, 6)),
                List.of(TinyZones.cells(3, 0, 10, 6))));
        zones(dir, List.of(w, Zone.of("E", TinyZones.cells(10, 0, 20, TinyRun.HEIGHT))));
    }

    /** Zones W (columns 0–11) and E (columns 10–19) overlap on columns 10 and 11. */
    public static void overlappingZones(Path dir) {
        zones(dir, List.of(Zone.of("W", TinyZones.cells(0, 0, 12, TinyRun.HEIGHT)),
                Zone.of("E", TinyZones.cells(10, 0, 20, TinyRun.HEIGHT))));
    }

    /** Both zones have the id 'W'. */
    public static void duplicateZoneIds(Path dir) {
        zones(dir, List.of(Zone.of("W", TinyZones.cells(0, 0, 10, TinyRun.HEIGHT)),
                Zone.of("W", TinyZones.cells(10, 0, 20, TinyRun.HEIGHT))));
    }

    private static void zones(Path dir, List<Zone> zones) {
        TinyRun.write(dir.resolve("zones.geojson"), TinyZones.geoJson(zones).getBytes(StandardCharsets.UTF_8));
    }

    // --- run file ---

    /** A misspelt key, {@code treshold}. */
    public static void runFileWithUnknownKey(Path dir) throws IOException {
        replaceInRunFile(dir, "title: tiny", "title: tiny\ntreshold: 3");
    }

    /** A word where a number is expected: {@code thresholdPercent: ten}. */
    public static void runFileWithWrongType(Path dir) throws IOException {
        replaceInRunFile(dir, "soc2015.tif}}", "soc2015.tif}, thresholdPercent: ten}");
    }

    /** Land-cover years of the baseline given as [2015, 2000]. */
    public static void runFileWithYearsOutOfOrder(Path dir) throws IOException {
        replaceInRunFile(dir, "landCover: [2000, 2015]", "landCover: [2015, 2000]");
    }

    /** A run file in JSON ({@code ldn.json}) whose land-cover matrix opens a million nested arrays. */
    public static void runFileNestedAMillionLevels(Path dir) throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve("ldn.json"))) {
            out.write("{\"landCover\": {\"matrix\": ".getBytes(StandardCharsets.US_ASCII));
            byte[] brackets = filled(1000, '[');
            for (int i = 0; i < 1000; i++) {
                out.write(brackets);
            }
        }
    }

    // --- values ---

    /** The LPD map holds class 7 at column 14, row 6 (LPD classes are 1..5). */
    public static void lpdClassSeven(Path dir) {
        TinyRun.write(dir.resolve("lpd.tif"), TinyRun.uint8((c, r) -> c == 14 && r == 6 ? 7 : c < 10 ? 4 : 1));
    }

    /** Land cover 2015 holds code 9 at column 19, row 0, which the UNCCD legend (1..7) lacks. */
    public static void landCoverCodeMissingFromTheLegend(Path dir) {
        TinyRun.write(lc2015(dir), TinyRun.uint8((c, r) -> c == 19 && r == 0 ? 9 : 2));
    }

    /** SOC 2015 holds a stock of -3 t C/ha in row 5. */
    public static void negativeSoc(Path dir) {
        TinyRun.write(dir.resolve("soc2015.tif"), TinyRun.int16((c, r) -> r == 5 ? -3 : 50));
    }

    // --- reports ---

    /** A report whose schemaVersion is 2.0. */
    public static Path reportFromANewerSchema(Path dir) {
        return report(dir, "2.0", 60, 60);
    }

    /**
     * A report whose zone W has classes adding up to 55 km² over an area of 60 km² (the total, a copy of W, too).
     */
    public static Path reportWhoseAreasDoNotAddUp(Path dir) {
        return report(dir, "1.0", 60, 55);
    }

    /** A report whose {@code run} member opens a million nested arrays. */
    public static Path reportNestedAMillionLevels(Path dir) throws IOException {
        Path file = dir.resolve("report.json");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("{\"schemaVersion\": \"1.0\", \"run\": ".getBytes(StandardCharsets.US_ASCII));
            byte[] brackets = filled(1000, '[');
            for (int i = 0; i < 1000; i++) {
                out.write(brackets);
            }
        }
        return file;
    }

    /**
     * A report of 2 GiB + 100 bytes whose {@code createdAt} string never ends, as a sparse file (a few bytes on
     * disk; nothing of that size is ever held in memory).
     */
    public static Path reportWithATwoGigabyteString(Path dir) throws IOException {
        Path file = dir.resolve("report.json");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.write("{\"schemaVersion\": \"1.0\", \"createdAt\": \"".getBytes(StandardCharsets.US_ASCII));
            f.setLength((2L << 30) + 100);
        }
        return file;
    }

    /** A report cut in the middle, as by an interrupted copy. */
    public static Path truncatedReport(Path dir) throws IOException {
        Path file = report(dir, "1.0", 60, 60);
        byte[] b = Files.readAllBytes(file);
        return Files.write(file, Arrays.copyOf(b, b.length / 2));
    }

    /** A minimal report of one zone W, its area and the sum of its sdg classes given, and a total copying W. */
    private static Path report(Path dir, String version, double area, double classes) {
        String zone = """
                {"id": "%s", "name": "%s", "areaKm2": %s, "periods": [{"name": "baseline",
                  "sdg": {"improvedKm2": 10.0, "stableKm2": %s, "degradedKm2": 20.0, "noDataKm2": 0.0,
                  "waterKm2": 0.0, "landAreaKm2": %s}}]}""";
        String w = zone.formatted("W", "Zone W", area, classes - 30, classes);
        String t = zone.formatted("__total__", "all zones", area, classes - 30, classes);
        Path file = dir.resolve("report.json");
        TinyRun.write(file, ("{\"schemaVersion\": \"" + version + "\", \"engine\": {\"name\": \"ldn-engine\","
                + " \"version\": \"0.1.0\"}, \"zones\": [" + w + "],\n\"total\": " + t + "}\n")
                .getBytes(StandardCharsets.UTF_8));
        return file;
    }

    // --- helpers ---

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    /** Replaces {@code from} (which must occur) by {@code to} in the run's {@code ldn.yaml}. */
    public static void replaceInRunFile(Path dir, String from, String to) throws IOException {
        Path yaml = dir.resolve("ldn.yaml");
        String text = Files.readString(yaml);
        if (!text.contains(from)) {
            throw new IllegalArgumentException("ldn.yaml lacks \"" + from + "\"");
        }
        Files.writeString(yaml, text.replace(from, to));
    }
}
