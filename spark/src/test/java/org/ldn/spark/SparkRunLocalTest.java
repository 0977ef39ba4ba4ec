package org.ldn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.cli.command.ExitCodes;
import org.ldn.core.grid.Grid;
import org.ldn.core.raster.RasterSink;
import org.ldn.core.raster.SampleType;
import org.ldn.geodata.geotiff.GeoTiffIO;
import org.ldn.testdata.SyntheticCountry;
import picocli.CommandLine;

/**
 * {@code ldn-spark run} in local mode when an executor meets bad input: the job fails with {@code ldn run}'s one
 * line naming the file and the pixel, exit code 3, and leaves no output folder (not even a hidden one).
 */
class SparkRunLocalTest {
    @TempDir
    Path dir;

    @Test
    void badInputOnAnExecutorFailsTheJobInOneLineAndLeavesNoOutputFolder() throws Exception {
        SyntheticCountry.Spec spec = new SyntheticCountry.Spec(128, 8, 0, 2);
        Path run = SyntheticCountry.write(dir, new GeoTiffIO(), spec, 1, k -> { });
        // the baseline's LPD holds 9, not an LPD class, everywhere
        Grid g = spec.grid();
        try (RasterSink s = new GeoTiffIO().create(dir.resolve("lpd_baseline.tif"), g, SampleType.UINT8, 0)) {
            short[] nine = new short[g.width() * g.height()];
            Arrays.fill(nine, (short) 9);
            s.write(g.extent(), nine);
            s.commit();
        }
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();
        CommandLine cl = LdnSpark.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        System.setProperty("spark.ui.enabled", "false");
        int exit = cl.execute("run", run.toString(), "--out", out.toString(), "--tile-size", "32", "--tasks", "4",
                "--master", "local[2]", "-q");
        assertEquals(ExitCodes.INPUT, exit, err.toString());
        assertTrue(err.toString().contains("lpd_baseline.tif: value 9 at pixel"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
        assertFalse(Files.exists(out));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".out")).toList());
        }
    }
}
