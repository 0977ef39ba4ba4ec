package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.testdata.TinyRun;

/** Bad drought input: one line naming the file and the problem, exit code 3, and no output folder written. */
class DroughtBadInputTest {
    @TempDir
    Path dir;

    private CliRunner run(String drought) throws Exception {
        DroughtRunTest.write(dir, drought);
        Files.write(dir.resolve("m1.tif"), month(12));
        return CliRunner.run("run", dir.resolve("ldn.yaml").toString(), "--out", dir.resolve("out").toString(),
                "--quiet");
    }

    private void assertError(CliRunner r, String message) {
        assertEquals(3, r.exitCode(), r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertEquals("ldn: " + message, err);
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    private static byte[] month(float value) {
        ByteBuffer px = ByteBuffer.allocate(4 * TinyRun.WIDTH * TinyRun.HEIGHT).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < TinyRun.WIDTH * TinyRun.HEIGHT; i++) {
            px.putFloat(value);
        }
        return TinyRun.geoTiff(32, 3, "-9999").blocks(false, px.array()).bytes();
    }

    @Test
    void aMissingMonth() throws Exception {
        CliRunner r = run("""
                drought:
                  precipitation: {"2001-01": m1.tif, "2001-02": m1.tif, "2001-04": m1.tif}
                """);
        assertError(r, dir.resolve("ldn.yaml") + ": drought.precipitation: month 2001-03 is missing (the series must"
                + " run without a gap from 2001-01 to 2001-04)");
    }

    @Test
    void aMonthGivenTwiceByOverlappingStacks() throws Exception {
        CliRunner r = run("""
                drought:
                  precipitation:
                    - {file: precip_1981_2000.tif, firstYear: 1981}
                    - {file: precip_2001_2023.tif, firstYear: 2000, firstMonth: 12}
                """);
        assertError(r, dir.resolve("ldn.yaml") + ": drought.precipitation: month 2000-12 is given twice"
                + " (precip_1981_2000.tif band 240 and precip_2001_2023.tif band 1)");
    }

    @Test
    void aMonthKeyWrittenTwice() throws Exception {
        CliRunner r = run("""
                drought:
                  precipitation: {"2001-01": m1.tif, "2001-01": m1.tif}
                """);
        assertEquals(3, r.exitCode(), r.err());
        assertTrue(r.err().contains("duplicate key \"2001-01\" (line "), r.err());
        assertEquals(1, r.err().strip().lines().count());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void negativePrecipitation() throws Exception {
        Files.createDirectories(dir);
        TinyRun.write(dir);
        Files.write(dir.resolve("m1.tif"), month(12));
        Files.write(dir.resolve("neg.tif"), month(-1.5f));
        StringBuilder sb = new StringBuilder("drought:\n  precipitation:\n");
        for (int y = 1981; y <= 2010; y++) {
            for (int m = 1; m <= 12; m++) {
                sb.append(String.format("    \"%d-%02d\": %s%n", y, m, y == 1990 && m == 7 ? "neg.tif" : "m1.tif"));
            }
        }
        Files.writeString(dir.resolve("ldn.yaml"), TinyRun.RUN_FILE + sb);
        CliRunner r = CliRunner.run("run", dir.resolve("ldn.yaml").toString(), "--out", dir.resolve("out").toString(),
                "--quiet");
        assertError(r, "neg.tif: precipitation -1.5 mm at pixel (col 0, row 0) (1990-07) is negative or infinite");
    }

    @Test
    void aVulnerabilityComponentOutsideZeroToOne() throws Exception {
        DroughtRunTest.write(dir, "");
        Files.write(dir.resolve("bad.tif"), month(1.25f));
        Files.writeString(dir.resolve("ldn.yaml"), Files.readString(dir.resolve("ldn.yaml")) + DroughtRunTest.DROUGHT
                .replace("economic: economic.tif", "economic: bad.tif"));
        CliRunner r = CliRunner.run("run", dir.resolve("ldn.yaml").toString(), "--out", dir.resolve("out").toString(),
                "--quiet");
        assertError(r, "bad.tif: vulnerability component value 1.25 at pixel (col 0, row 0) is outside 0..1"
                + " (rescale it to 0..1)");
    }

    @Test
    void calibrationYearsOutsideTheSeries() throws Exception {
        CliRunner r = run(DroughtRunTest.DROUGHT + "  calibration: [1971, 2000]\n");
        assertError(r, "precip_1981_2000.tif: the precipitation series covers 1981–2023 but the calibration period"
                + " 1971–2000 is not inside it (give calibration years inside the series, or leave them out to use"
                + " 1981–2010 where covered, else the whole series)");
    }

}
