package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ldn.testdata.BadInputs;
import org.ldn.testdata.TinyRun;
import org.ldn.cli.command.ExitCodes;

/**
 * The bad-input catalogue (issue 8) at the command line: each case breaks one thing in a {@link TinyRun} folder (or
 * writes one bad report) with a generator of {@link BadInputs}, runs {@code ldn run} (or {@code ldn check-report}),
 * and expects exactly one line on standard error, the input exit code, no stack trace and no output folder, not even
 * a temporary one. {@code {dir}} in an expected message stands for the case's folder.
 */
class BadInputCatalogueTest {
    @TempDir
    Path dir;

    interface Generator {
        void make(Path dir) throws Exception;
    }

    private static Arguments run(String name, Generator g, String expected) {
        return Arguments.of(name, g, "ldn.yaml", expected);
    }

    private static Arguments report(String name, Generator g, String expected) {
        return Arguments.of(name, g, "report.json", expected);
    }

    static Stream<Arguments> catalogue() {
        return Stream.of(
                run("TIFF header only", BadInputs::tiffHeaderOnly,
                        "lc2015.tif: not a TIFF file: only 6 bytes (re-create the file)"),
                run("TIFF cut in its directory", BadInputs::tiffCutInDirectory,
                        "lc2015.tif: truncated or corrupt file: first IFD at byte 10 (+168) lies beyond the end of"
                        + " the file (46 bytes) (re-create the file)"),
                run("TIFF cut in a strip", BadInputs::tiffCutInStrip,
                        "lc2015.tif: truncated or corrupt file: strip 0 (240 bytes at 286) does not lie within the"
                        + " file's 516 bytes (re-create the file)"),
                run("strip offset past the end", BadInputs::stripOffsetPastTheEnd,
                        "lc2015.tif: truncated or corrupt file: strip 0 (240 bytes at 1526) does not lie within"
                        + " the file's 526 bytes (re-create the file)"),
                run("tile offset past the end", BadInputs::tileOffsetPastTheEnd,
                        "lc2015.tif: truncated or corrupt file: tile 1 (256 bytes at 2147483648) does not lie"
                        + " within the file's 826 bytes (re-create the file)"),
                run("10^6 x 10^6 pixels in a tiny file", BadInputs::absurdImageSize,
                        "lc2015.tif: corrupt TIFF: strip 0 holds 12 bytes, which cannot decode to the"
                        + " 1000000000000 bytes its pixels need (re-create the file)"),
                run("tiles sharing their bytes (decompression bomb)", BadInputs::tilesSharingTheirBytes,
                        "lc2015.tif: corrupt TIFF: 10000 tiles decode to 5242880000 bytes, more than a file of 80837"
                        + " bytes can hold with this compression (re-create the file)"),
                run("unsupported compression", BadInputs::unsupportedCompression,
                        "lc2015.tif: unsupported compression ZSTD (50000) (re-encode with e.g. `gdal_translate -co"
                        + " COMPRESS=DEFLATE in.tif out.tif`)"),
                run("unsupported sample format", BadInputs::unsupportedSampleFormat,
                        "lc2015.tif: unsupported sample type: 32-bit complex floating-point (re-encode with e.g."
                        + " `gdal_translate -co COMPRESS=DEFLATE in.tif out.tif`)"),
                run("mixed bits per sample", BadInputs::mixedBitsPerSample,
                        "lc2015.tif: unsupported mixed bits per sample across bands (re-encode with e.g."
                        + " `gdal_translate -co COMPRESS=DEFLATE in.tif out.tif`)"),
                run("bits per sample disagree with the strip", BadInputs::bitsPerSampleDisagreeWithStrip,
                        "lc2015.tif: corrupt TIFF: strip 0 holds 240 bytes, which cannot decode to the 480 bytes"
                        + " its pixels need (re-create the file)"),
                run("no CRS", BadInputs::noCrs,
                        "lc2015.tif: no coordinate reference system (no GeoTIFF keys) (assign one, e.g."
                        + " `gdal_edit.py -a_srs EPSG:4326 lc2015.tif`)"),
                run("no geotransform", BadInputs::noGeotransform,
                        "lc2015.tif: no geotransform (ModelPixelScale and ModelTiepoint, or ModelTransformation)"
                        + " (georeference it, e.g. `gdal_translate -a_ullr ulx uly lrx lry in.tif out.tif`)"),
                run("contradictory georeferencing", BadInputs::contradictoryGeoreferencing,
                        "lc2015.tif: contradictory georeferencing: ModelTransformation gives [4000000.0, 2000.0,"
                        + " 0.0, 3000000.0, 0.0, -2000.0] but ModelPixelScale and ModelTiepoint give [4000000.0,"
                        + " 1000.0, 0.0, 3000000.0, 0.0, -1000.0] (keep one of them, e.g. re-create the file with"
                        + " `gdal_translate -a_ullr ulx uly lrx lry in.tif out.tif`)"),
                run("rotated grid", BadInputs::rotatedGrid,
                        "lc2015.tif: rotated or sheared geotransform [4000000.0, 1000.0, 100.0, 3000000.0, 100.0,"
                        + " -1000.0] is not supported, grids must be north-up (warp it: `gdalwarp in.tif out.tif`)"),
                run("corrupt DEFLATE stream", BadInputs::corruptDeflateStream,
                        "lc2015.tif: corrupt strip 0: corrupt DEFLATE data (invalid block type) (re-create the"
                        + " file)"),
                run("corrupt LZW stream", BadInputs::corruptLzwStream,
                        "lc2015.tif: corrupt strip 0: LZW code 511 before any string was defined (re-create the"
                        + " file)"),
                run("Shapefile without .shx", BadInputs::shapefileWithoutShx,
                        "{dir}/zones.shp: the Shapefile has no zones.shx beside it (copy all of its files: .shp,"
                        + " .shx, .dbf, .prj)"),
                run("Shapefile without .dbf", BadInputs::shapefileWithoutDbf,
                        "{dir}/zones.shp: the Shapefile has no zones.dbf beside it (copy all of its files: .shp,"
                        + " .shx, .dbf, .prj)"),
                run(".dbf with fewer records than the .shp", BadInputs::dbfWithFewerRecordsThanShapes,
                        "{dir}/zones.shp: the .dbf has 1 record(s) but the .shp has 2 shapes (the files do not"
                        + " belong together; re-export the Shapefile)"),
                run("GeoPackage without the layer", BadInputs::geoPackageWithoutTheLayer,
                        "{dir}/zones.gpkg: no feature layer 'provinces' (available: zones)"),
                run("self-intersecting polygon", BadInputs::selfIntersectingPolygon,
                        "{dir}/zones.geojson: zone 'W' (Zone W) is not a valid polygon: Self-intersection at"
                        + " (4005000, 2994000) (repair it, e.g. `ogr2ogr -makevalid out.gpkg in.gpkg` or QGIS 'Fix"
                        + " geometries', and check the repaired zone)"),
                run("overlapping parts of one zone", BadInputs::overlappingPartsOfOneZone,
                        "{dir}/zones.geojson: zone 'W' (Zone W) is not a valid polygon: Self-intersection at"
                        + " (4003000, 3000000) (repair it, e.g. `ogr2ogr -makevalid out.gpkg in.gpkg` or QGIS 'Fix"
                        + " geometries', and check the repaired zone)"),
                run("overlapping zones", BadInputs::overlappingZones,
                        "zones.geojson: zones 'W' (Zone W) and 'E' (Zone E) overlap: 24 pixel centres of the grid"
                        + " lie in both, the first at column 10, row 0 (x 4010500.00, y 2999500.00) (make the zones"
                        + " disjoint, e.g. clean the shared borders, so that each pixel centre lies in one zone only)"),
                run("duplicate zone ids", BadInputs::duplicateZoneIds,
                        "{dir}/zones.geojson: feature 1 'Zone W' and feature 2 'Zone W' have the same id 'W' (zone"
                        + " ids must be unique; choose another id attribute or merge the features)"),
                run("run file with an unknown key", BadInputs::runFileWithUnknownKey,
                        "{dir}/ldn.yaml: unknown key 'treshold' (known keys: drought, grid, landCover, landTypes,"
                        + " nationalLandAreaKm2, periods, population, productivity, soc, subIndicators, title, zones)"),
                run("run file with a wrong type", BadInputs::runFileWithWrongType,
                        "{dir}/ldn.yaml: soc.thresholdPercent: \"ten\" is not a number (line 5)"),
                run("run file with years out of order", BadInputs::runFileWithYearsOutOfOrder,
                        "{dir}/ldn.yaml: periods[0] (baseline).landCover: years out of order (2015 after 2000)"),
                Arguments.of("run file nested a million levels", (Generator) BadInputs::runFileNestedAMillionLevels,
                        "ldn.json", "{dir}/ldn.json: not valid JSON: nested deeper than 1000 levels"),
                run("LPD class 7", BadInputs::lpdClassSeven,
                        "lpd.tif: value 7 at pixel (col 14, row 6) is not an LPD class (1..5, or 0 and 15 for"
                        + " nodata)"),
                run("land-cover code missing from the legend", BadInputs::landCoverCodeMissingFromTheLegend,
                        "lc2015.tif: land-cover value 9 at pixel (col 19, row 0) is not a code of the legend"
                        + " 'unccd' (add it to the legend with its UNCCD class, or declare it nodata)"),
                run("negative SOC", BadInputs::negativeSoc,
                        "soc2015.tif: SOC stock -3 at pixel (col 0, row 5) is negative or infinite (stocks are t"
                        + " C/ha >= 0; mark missing values as nodata)"),
                report("report from a newer schema", BadInputs::reportFromANewerSchema,
                        "{dir}/report.json: report schema version \"2.0\" is not supported (this engine reads 1.0;"
                        + " the report was made by a newer engine: upgrade ldn-engine)"),
                report("report whose areas do not add up", BadInputs::reportWhoseAreasDoNotAddUp,
                        "{dir}/report.json: zone 'W' period 'baseline' sdg: improved + stable + degraded + nodata"
                        + " + water = 55 km2 but the zone's area is 60 km2 (and 1 more problem(s); list them with"
                        + " --all)"),
                report("report nested a million levels", BadInputs::reportNestedAMillionLevels,
                        "{dir}/report.json: not a valid report: nested deeper than 64 levels"),
                report("report with a 2 GB string", BadInputs::reportWithATwoGigabyteString,
                        "{dir}/report.json: 2147483748 bytes is too large for a report (at most 268435456 bytes"
                        + " are read; a report of 250 zones is a few megabytes)"),
                report("truncated report", BadInputs::truncatedReport,
                        "{dir}/report.json: not a valid report (line 3): Unexpected end-of-input in field name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void failsWithOneClearLine(String name, Generator generator, String file, String expected) throws Exception {
        TinyRun.write(dir);
        generator.make(dir);
        Path out = dir.resolve("out");
        CliRunner r = file.equals("report.json") ? CliRunner.run("check-report", dir.resolve(file).toString())
                : CliRunner.run("run", dir.resolve(file).toString(), "--out", out.toString(), "--quiet");
        String err = r.err().strip();
        assertEquals(ExitCodes.INPUT, r.exitCode(), r.out() + r.err());
        assertEquals(1, err.lines().count(), "one line, no stack trace: " + err);
        assertEquals("ldn: " + expected.replace("{dir}", dir.toString()), err);
        assertFalse(Files.exists(out), "no output folder");
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".out")), "no temporary folder");
        }
    }

    @Test
    void theTinyRunItselfRuns() throws Exception {
        TinyRun.write(dir);
        CliRunner r = CliRunner.run("run", dir.resolve("ldn.yaml").toString(), "--out", dir.resolve("out").toString(),
                "--quiet");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(Files.isRegularFile(dir.resolve("out/report.json")));
        CliRunner check = CliRunner.run("check-report", dir.resolve("out/report.json").toString());
        assertEquals(ExitCodes.OK, check.exitCode(), check.err());
        assertEquals(List.of(dir.resolve("out/report.json") + ": OK (schema 1.0, 2 zone(s))"),
                check.out().lines().toList());
    }
}
