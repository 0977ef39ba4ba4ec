package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.report.DroughtReport;
import org.ldn.core.report.Report;
import org.ldn.geodata.geotiff.GeoTiffIO;
import org.ldn.testdata.TinyRun;
import org.ldn.testdata.TinyTiff;

/**
 * {@code ldn run} with a drought part on the tiny run (20 × 12 pixels of 1 km², zones W = columns 0–9 and
 * E = columns 10–19): monthly precipitation 1981–2023 in two multi-band stacks (1981-01…2000-12 and 2001-01…2023-12),
 * random around 50 mm, with a planted drought over E's rows 0–5 (60 km²) in 2003 and 2011: every month of those
 * years at 5 % of its amount. Those years and that region must be flagged severe or extreme, elsewhere only what
 * chance gives (about 7 % of pixels a year).
 */
class DroughtRunTest {
    static final int W = TinyRun.WIDTH, H = TinyRun.HEIGHT;

    static boolean planted(int year, int c, int r) {
        return (year == 2003 || year == 2011) && c >= 10 && r < 6;
    }

    /** A band-separate (planar) Float32 stack of {@code months} bands starting at {@code (year0, 1)}. */
    static byte[] stack(int year0, int months, SplittableRandom rnd, boolean dryLastMonth) {
        byte[][] bands = new byte[months][];
        for (int b = 0; b < months; b++) {
            int year = year0 + b / 12;
            ByteBuffer px = ByteBuffer.allocate(4 * W * H).order(ByteOrder.LITTLE_ENDIAN);
            for (int r = 0; r < H; r++) {
                for (int c = 0; c < W; c++) {
                    double v = 10 + 80 * rnd.nextDouble() * rnd.nextDouble();
                    boolean dry = dryLastMonth && year == 2023 && b % 12 == 11 && c >= 10;
                    px.putFloat((float) (planted(year, c, r) ? 0.05 * v : dry ? 0.01 * v : v));
                }
            }
            bands[b] = px.array();
        }
        int[] bits = new int[months], format = new int[months];
        Arrays.fill(bits, 32);
        Arrays.fill(format, 3);
        return TinyRun.geoTiff(32, 3, "-9999").shorts(TinyTiff.SAMPLES_PER_PIXEL, months)
                .shorts(TinyTiff.BITS_PER_SAMPLE, bits).shorts(TinyTiff.SAMPLE_FORMAT, format)
                .shorts(284, 2).blocks(false, bands).bytes();
    }

    static byte[] float32(IntBinaryOperator tenths) {
        ByteBuffer px = ByteBuffer.allocate(4 * W * H).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                px.putFloat(tenths.applyAsInt(c, r) / 10f);
            }
        }
        return TinyRun.geoTiff(32, 3, "-9999").blocks(false, px.array()).bytes();
    }

    static void write(Path dir, String drought) throws Exception {
        write(dir, drought, false);
    }

    /** The run; {@code dryLastMonth}: December 2023 at 1 % of its amount over E (all rows). */
    static void write(Path dir, String drought, boolean dryLastMonth) throws Exception {
        TinyRun.write(dir);
        SplittableRandom rnd = new SplittableRandom(2026);
        Files.write(dir.resolve("precip_1981_2000.tif"), stack(1981, 240, rnd, false));
        Files.write(dir.resolve("precip_2001_2023.tif"), stack(2001, 276, rnd, dryLastMonth));
        Files.write(dir.resolve("pop.tif"), float32((c, r) -> 1000 * (1 + c % 3)));
        Files.write(dir.resolve("social.tif"), float32((c, r) -> c >= 10 ? 9 : 1));
        Files.write(dir.resolve("economic.tif"), float32((c, r) -> c >= 10 ? 10 : 3));
        Files.writeString(dir.resolve("ldn.yaml"), TinyRun.RUN_FILE + "population: {total: pop.tif}\n" + drought);
    }

    static final String DROUGHT = """
            drought:
              precipitation:
                - {file: precip_1981_2000.tif, firstYear: 1981}
                - {file: precip_2001_2023.tif, firstYear: 2001, firstMonth: 1}
              vulnerability: {social: social.tif, economic: economic.tif}
            """;

    @Test
    void plantedDroughtYearsAndRegionAreFlagged(@TempDir Path dir) throws Exception {
        write(dir, DROUGHT);
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("run", dir.resolve("ldn.yaml").toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        Report report = ReportChecks.check(out.resolve("report.json"));
        DroughtReport d = report.drought();
        assertEquals(List.of(1981, 2010), d.calibration());
        assertEquals(2000, d.years().get(0));
        assertEquals(2023, d.years().get(d.years().size() - 1));
        DroughtReport.Zone west = d.zones().get(0), east = d.zones().get(1);
        assertEquals("E", east.id());
        List<Integer> worstEast = new ArrayList<>();
        for (int y : d.years()) {
            for (DroughtReport.Zone z : List.of(west, east)) {
                DroughtReport.Hazard h = z.years().get(String.valueOf(y));
                assertEquals(z.areaKm2(), h.landAreaKm2() + h.waterKm2(), 1e-9, "areas add up every year");
                assertEquals(120.0, h.landAreaKm2(), 1e-6);
            }
            DroughtReport.Hazard e = east.years().get(String.valueOf(y));
            double severe = e.classKm2().get("severe") + e.classKm2().get("extreme");
            if (severe >= 60) {
                worstEast.add(y);
            }
            double severeWest = west.years().get(String.valueOf(y)).classKm2().get("severe")
                    + west.years().get(String.valueOf(y)).classKm2().get("extreme");
            assertTrue(severeWest < 40, "no planted drought in W in " + y + ": " + severeWest);
        }
        assertEquals(List.of(2003, 2011), worstEast, "exactly the planted years");
        DroughtReport.Hazard block = east.blocks().get("2000-2003");
        assertTrue(block.classKm2().get("severe") + block.classKm2().get("extreme") >= 60);
        // exposure: population 100/200/300 by column; the planted region holds rows 0-5 of columns 10-19
        DroughtReport.Hazard e2003 = east.years().get("2003");
        assertTrue(e2003.population().get("total").byClass().get("severe")
                + e2003.population().get("total").byClass().get("extreme") >= 6 * (100 * 3 + 200 * 4 + 300 * 3));
        assertEquals(24000, e2003.population().get("total").zonePopulation(), 1e-6);
        // DVI: E = (0.9 + 1.0) / 2 = 0.95, W = (0.1 + 0.3) / 2 = 0.2
        assertEquals(0.95, east.vulnerability().meanDvi(), 1e-4);
        assertEquals(120.0, west.vulnerability().quintileKm2().get("0-0.2"), 1e-9);
        assertTrue(e2003.risk().areaKm2() >= 60);

        // maps: the class map of 2003 shows the planted region severe or extreme
        Path maps = out.resolve("maps");
        for (String f : List.of("drought_class_2003.tif", "drought_class_2003.qml", "drought_spi12_2003.tif",
                "drought_spi12_2003.qml", "drought_class_2000-2003.tif", "drought_dvi.tif")) {
            assertTrue(Files.isRegularFile(maps.resolve(f)), f);
        }
        try (RasterSource cls = new GeoTiffIO().open(maps.resolve("drought_class_2003.tif"), "class")) {
            double[] v = new double[cls.grid().width() * cls.grid().height()];
            cls.read(0, new Window(0, 0, cls.grid().width(), cls.grid().height()), v);
            int planted = 0;
            for (int i = 0; i < v.length; i++) {
                if (i % cls.grid().width() >= 10 && i / cls.grid().width() < 6) {
                    assertTrue(v[i] >= 3, "pixel " + i + " class " + v[i]);
                    planted++;
                }
            }
            assertEquals(60, planted);
        }
        for (String t : List.of("drought_hazard.csv", "drought_exposure.csv", "drought_vulnerability.csv",
                "drought_risk.csv")) {
            assertTrue(Files.isRegularFile(out.resolve("tables").resolve(t)), t);
        }
        String hazard = Files.readString(out.resolve("tables").resolve("drought_hazard.csv"));
        assertTrue(hazard.startsWith("zone_id,zone_name,period_type,period,none_km2"), hazard);
        assertFalse(hazard.contains("E,E,year,1999"), "years before the first block are not reported");
    }

    @Test
    void exportWritesTheSo3SheetsFromTheReport(@TempDir Path dir) throws Exception {
        write(dir, DROUGHT);
        Path out = dir.resolve("out");
        assertEquals(0, CliRunner.run("run", dir.resolve("ldn.yaml").toString(), "--out", out.toString(), "--quiet")
                .exitCode());
        CliRunner r = CliRunner.run("export", out.resolve("report.json").toString(), "--out",
                dir.resolve("unccd").toString());
        assertEquals(0, r.exitCode(), r.err());
        DroughtReport d = ReportChecks.check(out.resolve("report.json")).drought();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(dir.resolve("unccd/unccd_so1.xlsx").toFile())) {
            for (String sheet : List.of("SO3-1.T1", "SO3-1.T2", "SO3-2.T1", "SO3-3.T1")) {
                assertTrue(wb.getSheet(sheet) != null, sheet);
            }
            var t2 = wb.getSheet("SO3-1.T2");
            // rows: zone W's years 2000.., then its blocks; then E; columns: id, name, period, drought, land, %
            var row = t2.getRow(2);
            assertEquals("W", row.getCell(0).getStringCellValue());
            assertEquals("2000", row.getCell(2).getStringCellValue());
            assertEquals(d.zones().get(0).years().get("2000").droughtKm2(), row.getCell(3).getNumericCellValue());
            assertEquals(100 * d.zones().get(0).years().get("2000").shareOfLandUnderDrought(),
                    row.getCell(5).getNumericCellValue(), 1e-12);
        }
        assertTrue(Files.isRegularFile(dir.resolve("unccd/unccd_so1_csv/so3_2_t1_population_exposed.csv")));
        assertTrue(Files.readString(dir.resolve("unccd/unccd_so1.json")).contains("SO3-3.T1"));
    }

    @Test
    void reportIsIdenticalAcrossThreadCounts(@TempDir Path dir) throws Exception {
        write(dir, DROUGHT);
        CliRunner a = CliRunner.run("run", dir.resolve("ldn.yaml").toString(), "--out", dir.resolve("a").toString(),
                "--quiet", "--threads", "1");
        CliRunner b = CliRunner.run("run", dir.resolve("ldn.yaml").toString(), "--out", dir.resolve("b").toString(),
                "--quiet", "--threads", "2", "--tile-size", "7");
        assertEquals(0, a.exitCode(), a.err());
        assertEquals(0, b.exitCode(), b.err());
        String ra = Files.readString(dir.resolve("a/report.json")).replaceAll("\"createdAt\" : \"[^\"]*\"", "");
        String rb = Files.readString(dir.resolve("b/report.json")).replaceAll("\"createdAt\" : \"[^\"]*\"", "");
        assertEquals(ra, rb);
    }
}
