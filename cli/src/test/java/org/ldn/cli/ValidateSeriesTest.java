package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.cli.command.ExitCodes;
import org.ldn.testdata.TinyRun;

/**
 * {@code ldn validate} checks a productivity series as it checks the other inputs: its files (found, georeferenced),
 * the years the periods need, and the values inside the zones the run would stop at.
 */
class ValidateSeriesTest {
    @TempDir
    Path dir;

    /** A FLOAT32 GeoTIFF of the tiny run's grid, value 0.5 + 0.01 × year offset, {@code odd} at pixel (3, 2). */
    private void series(int year, float odd) throws Exception {
        ByteBuffer px = ByteBuffer.allocate(4 * TinyRun.WIDTH * TinyRun.HEIGHT).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < TinyRun.HEIGHT; r++) {
            for (int c = 0; c < TinyRun.WIDTH; c++) {
                px.putFloat(c == 3 && r == 2 ? odd : 0.5f + 0.01f * (year - 2000));
            }
        }
        Files.write(dir.resolve("s" + year + ".tif"), TinyRun.geoTiff(32, 3, "nan").blocks(false, px.array()).bytes());
    }

    private void runFile(int lastYear) throws Exception {
        StringBuilder years = new StringBuilder();
        for (int y = 2000; y <= lastYear; y++) {
            years.append(y == 2000 ? "" : ", ").append(y).append(": s").append(y).append(".tif");
        }
        Files.writeString(dir.resolve("ldn.yaml"), TinyRun.RUN_FILE.replace("productivity: {lpd: {baseline: lpd.tif}}",
                "productivity: {series: {" + years + "}}"));
    }

    @Test
    void aCleanSeriesValidates() throws Exception {
        TinyRun.write(dir);
        for (int y = 2000; y <= 2015; y++) {
            series(y, 0.4f);
        }
        runFile(2015);
        CliRunner r = CliRunner.run("validate", dir.resolve("ldn.yaml").toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    }

    @Test
    void infiniteAndHugeValuesAndAMissingFileAreListed() throws Exception {
        TinyRun.write(dir);
        for (int y = 2000; y <= 2015; y++) {
            series(y, y == 2003 ? Float.POSITIVE_INFINITY : y == 2007 ? 1e30f : 0.4f);
        }
        runFile(2015);
        CliRunner r = CliRunner.run("validate", dir.resolve("ldn.yaml").toString());
        assertEquals(ExitCodes.INVALID, r.exitCode(), r.err());
        String tail = " are infinite or too large for scale 1.0 (mark missing values as nodata, or check"
                + " productivity.scale)";
        assertEquals(List.of(dir.resolve("ldn.yaml") + ": 2 problem(s):",
                "  - s2003.tif: productivity value(s) Infinity (year 2003)" + tail,
                "  - s2007.tif: productivity value(s) 1.0000000150474662E30 (year 2007)" + tail),
                r.err().lines().toList());

        Files.delete(dir.resolve("s2005.tif"));
        r = CliRunner.run("validate", dir.resolve("ldn.yaml").toString());
        assertEquals(List.of(dir.resolve("ldn.yaml") + ": 1 problem(s):",
                "  - s2005.tif: file not found (looked in " + dir + ")"), r.err().lines().toList());
    }
}
