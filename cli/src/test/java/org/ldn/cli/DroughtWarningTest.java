package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.drought.Calibration;
import org.ldn.core.drought.DroughtClass;
import org.ldn.core.drought.MonthlyCalendar;
import org.ldn.core.drought.SpiSeries;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.report.DroughtBulletin;
import org.ldn.geodata.geotiff.GeoTiffIO;

/**
 * {@code ldn drought --latest} on the drought fixture with December 2023 at 1 % of its amount over zone E: E's class
 * worsens from November to December at SPI-1 and W's does not; the bulletin's SPI agrees with the yearly kernel
 * recomputed pixel by pixel; fits written to --fits are read again, not recomputed, by the next run.
 */
class DroughtWarningTest {
    @Test
    void bulletinFlagsTheZoneThatWorsenedAndReusesItsFits(@TempDir Path dir) throws Exception {
        DroughtRunTest.write(dir, DroughtRunTest.DROUGHT, true);
        Path fits = dir.resolve("fits");
        CliRunner r = CliRunner.run("drought", dir.resolve("ldn.yaml").toString(), "--latest", "--fits",
                fits.toString(), "--out", dir.resolve("b1").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("fits computed"), r.out());
        DroughtBulletin b = new ObjectMapper().readValue(dir.resolve("b1/bulletin.json").toFile(),
                DroughtBulletin.class);
        assertEquals("2023-12", b.month());
        assertEquals("2023-11", b.previousMonth());
        assertEquals(List.of(1981, 2010), b.calibration());
        assertEquals(List.of("E"), b.worsenedZones().get("1"));
        DroughtBulletin.Scale e1 = b.zones().get(1).spi().get("1");
        assertEquals(120.0, e1.classKm2().get("extreme"), 1e-9, "1 % of December's rain is extreme drought at SPI-1");
        assertTrue(e1.worsened());
        assertFalse(b.zones().get(0).spi().get("1").worsened());
        assertEquals(144, Files.list(fits).filter(f -> f.toString().endsWith(".tif")).count());
        for (String f : List.of("bulletin.csv", "worsened.csv", "maps/spi1_2023-12.tif", "maps/class12_2023-12.tif",
                "maps/spi3_2023-12.qml")) {
            assertTrue(Files.isRegularFile(dir.resolve("b1").resolve(f)), f);
        }

        // SPI-3 of December 2023 in the map equals the yearly kernel's SPI-3 at December for that year
        GeoTiffIO io = new GeoTiffIO();
        try (RasterSource stack = io.open(dir.resolve("precip_2001_2023.tif"), "p");
                RasterSource early = io.open(dir.resolve("precip_1981_2000.tif"), "q");
                RasterSource map = io.open(dir.resolve("b1/maps/spi3_2023-12.tif"), "spi3")) {
            int n = stack.grid().width() * stack.grid().height();
            Window all = new Window(0, 0, stack.grid().width(), stack.grid().height());
            MonthlyCalendar cal = new MonthlyCalendar(1981, 1, 516);
            float[] p = new float[516 * n];
            double[] band = new double[n];
            for (int t = 0; t < 516; t++) {
                (t < 240 ? early : stack).read(t < 240 ? t : t - 240, all, band);
                for (int i = 0; i < n; i++) {
                    p[t * n + i] = (float) band[i];
                }
            }
            float[] spi = new float[n];
            SpiSeries.yearly(p, n, cal, 3, 12, new Calibration(1981, 2010), 2023, 1, spi);
            double[] got = new double[n];
            map.read(0, all, got);
            for (int i = 0; i < n; i++) {
                assertEquals(spi[i], got[i], 1e-4, "pixel " + i);
                assertTrue(DroughtClass.of(spi[i]) == DroughtClass.of(got[i]) || Math.abs(spi[i] + 1) < 1e-3
                        || Math.abs(spi[i] + 1.5) < 1e-3 || Math.abs(spi[i] + 2) < 1e-3 || Math.abs(spi[i]) < 1e-3);
            }
        }

        FileTime before = Files.getLastModifiedTime(fits.resolve("spi12_12_alpha.tif"));
        CliRunner again = CliRunner.run("drought", dir.resolve("ldn.yaml").toString(), "--latest", "--fits",
                fits.toString(), "--out", dir.resolve("b2").toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("fits read from"), again.out());
        assertEquals(before, Files.getLastModifiedTime(fits.resolve("spi12_12_alpha.tif")));
        assertEquals(Files.readString(dir.resolve("b1/bulletin.csv")), Files.readString(dir.resolve("b2/bulletin.csv")));
    }
}
