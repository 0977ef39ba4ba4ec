package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.grid.Grid;
import org.ldn.core.raster.SampleType;
import org.ldn.cli.command.ExitCodes;

/**
 * Bad input at the command line: one line naming the file and the problem, the input exit code, no stack trace,
 * and no output folder (not even a temporary one) left behind.
 */
class BadInputTest {
    @TempDir
    Path dir;

    private Path yaml;
    private Path out;
    private Grid grid;

    @BeforeEach
    void setUp() throws Exception {
        SyntheticRunTest.write(dir);
        yaml = dir.resolve("ldn.yaml");
        out = dir.resolve("out");
        grid = new Grid(SyntheticFiles.LAEA_EUROPE, SyntheticRunTest.X0, SyntheticRunTest.Y0, 1000, -1000, 100, 60);
    }

    private String fails(String... extra) throws Exception {
        String[] args = new String[3 + extra.length];
        args[0] = "run";
        args[1] = yaml.toString();
        args[2] = "--out=" + out;
        System.arraycopy(extra, 0, args, 3, extra.length);
        CliRunner r = CliRunner.run(args);
        assertEquals(ExitCodes.INPUT, r.exitCode(), r.out() + r.err());
        String err = r.err().strip();
        assertTrue(err.startsWith("ldn: "), err);
        assertEquals(1, err.lines().count(), "one line, no stack trace: " + err);
        assertFalse(Files.exists(out), "no output folder");
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".out")), "no temporary folder");
        }
        return err.substring("ldn: ".length());
    }

    private void replaceInRunFile(String from, String to) throws Exception {
        String text = Files.readString(yaml);
        assertTrue(text.contains(from), from);
        Files.writeString(yaml, text.replace(from, to));
    }

    @Test
    void missingRunFile() throws Exception {
        Files.delete(yaml);
        assertEquals(yaml + ": run file not found", fails());
    }

    @Test
    void unknownKeyInTheRunFile() throws Exception {
        replaceInRunFile("title: synthetic", "title: synthetic\ntreshold: 3");
        assertTrue(fails().startsWith(yaml + ": unknown key 'treshold' (known keys: "));
    }

    @Test
    void missingRaster() throws Exception {
        Files.delete(dir.resolve("lc2015.tif"));
        String msg = fails();
        assertTrue(msg.contains("lc2015.tif") && msg.contains("not found"), msg);
    }

    @Test
    void truncatedRaster() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("lc2015.tif").toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        String msg = fails();
        assertTrue(msg.startsWith("lc2015.tif"), msg);
    }

    @Test
    void lpdClassOutOfRange() throws Exception {
        Grid coarse = new Grid(SyntheticFiles.LAEA_EUROPE, SyntheticRunTest.X0, SyntheticRunTest.Y0, 2000, -2000, 50, 30);
        SyntheticFiles.raster(dir.resolve("lpd.tif"), coarse, SampleType.UINT8, 0, (c, r) -> c == 7 && r == 3 ? 7 : 4);
        assertEquals("lpd.tif: value 7 at pixel (col 14, row 6) is not an LPD class (1..5, or 0 and 15 for nodata)",
                fails());
    }

    @Test
    void negativeSoc() throws Exception {
        SyntheticFiles.raster(dir.resolve("soc2015.tif"), grid, SampleType.INT16, -32768, (c, r) -> r == 5 ? -3 : 50);
        assertEquals("soc2015.tif: SOC stock -3 at pixel (col 0, row 5) is negative or infinite (stocks are t C/ha >= 0;"
                + " mark missing values as nodata)", fails());
    }

    @Test
    void landCoverCodeMissingFromTheLegend() throws Exception {
        SyntheticFiles.raster(dir.resolve("lc2015.tif"), grid, SampleType.UINT8, 0, (c, r) -> c == 99 ? 9 : 2);
        assertEquals("lc2015.tif: land-cover value 9 at pixel (col 99, row 0) is not a code of the legend 'unccd' (add"
                + " it to the legend with its UNCCD class, or declare it nodata)", fails());
    }

    @Test
    void missingYear() throws Exception {
        replaceInRunFile("landCover: [2000, 2015]", "landCover: [2000, 2019]");
        assertEquals("land cover: no map for 2019 (period baseline needs it; given: [2000, 2015])", fails());
    }

    @Test
    void zonesOutsideTheRaster() throws Exception {
        SyntheticFiles.rectangles(dir.resolve("zones.geojson"), 3035,
                new Object[] {"FAR", 9_000_000, 9_000_000, 9_100_000, 9_100_000});
        String msg = fails();
        assertTrue(msg.startsWith("zones.geojson: the zones do not overlap the reference grid"), msg);
    }

    @Test
    void unusableThreadCount() throws Exception {
        assertEquals("--threads must be at least 1", fails("--threads", "0"));
    }

    @Test
    void validateListsEveryProblemAtOnce() throws Exception {
        Files.delete(dir.resolve("soc2000.tif"));
        SyntheticFiles.raster(dir.resolve("lc2015.tif"), grid, SampleType.UINT8, 0, (c, r) -> c == 99 ? 9 : 2);
        Files.delete(dir.resolve("lpd.tif"));
        CliRunner r = CliRunner.run("validate", yaml.toString());
        assertEquals(ExitCodes.INVALID, r.exitCode());
        assertTrue(r.err().contains("2 problem(s)"), r.err());
        assertTrue(r.err().contains("soc2000.tif: file not found"), r.err());
        assertTrue(r.err().contains("lpd.tif: file not found"), r.err());
        SyntheticRunTest.write(dir);
        SyntheticFiles.raster(dir.resolve("lc2015.tif"), grid, SampleType.UINT8, 0, (c, r2) -> c == 99 ? 9 : c == 98 ? 8 : 2);
        r = CliRunner.run("validate", yaml.toString());
        assertEquals(ExitCodes.INVALID, r.exitCode());
        assertTrue(r.err().contains("lc2015.tif: land-cover value(s) 8, 9 are not in the legend 'unccd'"), r.err());
        SyntheticRunTest.write(dir);
        r = CliRunner.run("validate", yaml.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    }
}
