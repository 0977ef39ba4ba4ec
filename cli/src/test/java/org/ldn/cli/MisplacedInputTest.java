package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.cli.command.ExitCodes;
import org.ldn.core.report.Report;
import org.ldn.testdata.TinyRun;
import org.ldn.testdata.TinyTiff;

/**
 * Files given in the wrong place: a multi-band GeoTIFF where one band is read (a warning, in the report and on the
 * console), and one land-cover file for two years (an error unless {@code --allow-same-file}).
 */
class MisplacedInputTest {
    @TempDir
    Path dir;

    @Test
    void aThreeBandLandCoverMapIsReadAsBandOneWithAWarning() throws Exception {
        TinyRun.write(dir);
        byte[] px = new byte[3 * TinyRun.WIDTH * TinyRun.HEIGHT];
        for (int r = 0; r < TinyRun.HEIGHT; r++) {
            for (int c = 0; c < TinyRun.WIDTH; c++) {
                int i = 3 * (r * TinyRun.WIDTH + c);
                px[i] = (byte) (c < 5 ? 3 : 2); // band 1: the tiny run's 2015 land cover
                px[i + 1] = 9;
                px[i + 2] = 9;
            }
        }
        Files.write(dir.resolve("lc2015.tif"), TinyRun.geoTiff(8, 1, "0").shorts(TinyTiff.SAMPLES_PER_PIXEL, 3)
                .shorts(TinyTiff.BITS_PER_SAMPLE, 8, 8, 8).blocks(false, px).bytes());
        CliRunner r = CliRunner.run("run", dir.resolve("ldn.yaml").toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        String w = "landCover 2015 (lc2015.tif) has 3 bands; only band 1 is read (if another band was meant, extract"
                + " it, e.g. gdal_translate -b N in.tif out.tif)";
        Report report = ReportChecks.check(dir.resolve("output/report.json"));
        assertEquals(List.of(w), report.warnings());
        assertTrue(r.out().contains("warning: " + w), r.out());
        // band 1 it is: 60 km² of grassland became cropland
        assertEquals(60.0, report.total().periods().get(0).lcTransitionKm2().get("2").get("3"));
    }

    @Test
    void oneLandCoverFileForTwoYearsNeedsAllowSameFile() throws Exception {
        TinyRun.write(dir);
        Files.writeString(dir.resolve("ldn.yaml"), TinyRun.RUN_FILE.replace("2015: lc2015.tif", "2015: lc2000.tif"));
        String runFile = dir.resolve("ldn.yaml").toString();
        String refused = "ldn: " + runFile + ": landCover.maps gives the same file lc2000.tif for 2000 and 2015, so no"
                + " land-cover change between them could be seen (give each year its own map, or pass"
                + " --allow-same-file if this is intended)";
        CliRunner r = CliRunner.run("run", runFile);
        assertEquals(ExitCodes.INPUT, r.exitCode(), r.err());
        assertEquals(refused, r.err().strip());
        r = CliRunner.run("validate", runFile);
        assertEquals(ExitCodes.INVALID, r.exitCode(), r.err());
        assertTrue(r.err().contains(refused.substring(5)), r.err());
        r = CliRunner.run("batch", runFile, "--zones", dir.resolve("zones.geojson").toString(), "--id-field", "id",
                "--out", dir.resolve("batch").toString(), "-q");
        assertEquals(ExitCodes.INPUT, r.exitCode(), r.err());

        // the same file by another path is the same file
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("ldn.yaml"), TinyRun.RUN_FILE.replace("2015: lc2015.tif",
                "2015: sub/../lc2000.tif"));
        r = CliRunner.run("run", runFile);
        assertEquals(ExitCodes.INPUT, r.exitCode(), r.err());
        assertTrue(r.err().contains("gives the same file sub/../lc2000.tif for 2000 and 2015"), r.err());

        // a copy under another name (a map copied for a year without a newer product) runs, with a warning
        Files.copy(dir.resolve("lc2000.tif"), dir.resolve("copy.tif"));
        Files.writeString(dir.resolve("ldn.yaml"), TinyRun.RUN_FILE.replace("2015: lc2015.tif", "2015: copy.tif"));
        r = CliRunner.run("run", runFile);
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("warning: landCover 2000 (lc2000.tif) and 2015 (copy.tif) have identical content:"
                + " no land-cover change between them can be seen"), r.out());

        Files.writeString(dir.resolve("ldn.yaml"), TinyRun.RUN_FILE.replace("2015: lc2015.tif", "2015: lc2000.tif"));
        assertEquals(ExitCodes.OK, CliRunner.run("validate", runFile, "--allow-same-file").exitCode());
        assertEquals(ExitCodes.OK, CliRunner.run("run", runFile, "--allow-same-file", "--quiet").exitCode());
        r = CliRunner.run("batch", runFile, "--zones", dir.resolve("zones.geojson").toString(), "--id-field", "id",
                "--out", dir.resolve("batch").toString(), "-q", "--allow-same-file");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    }
}
