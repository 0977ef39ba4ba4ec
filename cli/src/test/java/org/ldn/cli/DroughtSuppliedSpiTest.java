package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.report.DroughtReport;
import org.ldn.core.report.Report;
import org.ldn.geodata.geotiff.GeoTiffIO;
import org.ldn.testdata.TinyRun;

/**
 * The drought part of {@code ldn run} on hand-made inputs over the tiny run (20 × 12 pixels of 1 km² on an
 * equal-area grid; zones W = columns 0–9, E = columns 10–19): a supplied SPI series (one Float32 map a year,
 * 2000–2005, {@code drought.spi}), the population split into female and male maps with the total their sum, and
 * three vulnerability components with weights 2 : 1 : 1. Every expected figure is summed here pixel by pixel from
 * tables written by hand — the class of each SPI value (the bounds −1, −1.5 and −2 exactly, and the Float32 value
 * just above each), the weighted DVI of each component triple — not from the engine's kernels.
 */
class DroughtSuppliedSpiTest {
    static final int W = TinyRun.WIDTH, H = TinyRun.HEIGHT;
    static final int FIRST = 2000, YEARS = 6;
    static final String[] CLASSES = {"none", "mild", "moderate", "severe", "extreme"};

    /** SPI values and, by hand, their class (METHOD.md §9: −1 is moderate, −1.5 severe, −2 extreme). */
    static final float[] SPI = {0f, 0.8f, -0.5f, Math.nextUp(-1f), -1f, -1.25f, Math.nextUp(-1.5f), -1.5f, -1.75f,
        Math.nextUp(-2f), -2f, -2.6f, Float.NaN};
    static final String[] SPI_CLASS = {"none", "none", "mild", "mild", "moderate", "moderate", "moderate", "severe",
        "severe", "severe", "extreme", "extreme", "nodata"};

    /** Components (social, economic, infrastructural) and, by hand, their DVI with weights 2 : 1 : 1. */
    static final float[][] COMPONENTS = {{0, 0, 0}, {0.25f, 0.5f, 0.5f}, {1, 0, 0}, {0.75f, 0.5f, 1}, {1, 1, 0.5f},
        {1, 1, 1}, {0.2f, 0.2f, 0.2f}, {Float.NaN, 0.5f, 0.5f}};
    /** (2·0.25 + 0.5 + 0.5) / 4 = 0.375; (2·1 + 0 + 0) / 4 = 0.5 (the plain mean would be 1/3); 0.2: bound inclusive. */
    static final double[] DVI = {0, 0.375, 0.5, 0.75, 0.875, 1, 0.2f, Double.NaN};
    static final String[] DVI_CLASS = {"0-0.2", "0.2-0.4", "0.4-0.6", "0.6-0.8", "0.8-1", "0.8-1", "0-0.2", "nodata"};

    @TempDir
    static Path dir;
    static Report report;
    static DroughtReport drought;

    /** The SPI value index of pixel (c, r) in year index y; the bottom-right pixel has no SPI in any year. */
    static int spiIndex(int c, int r, int y) {
        return c == W - 1 && r == H - 1 ? SPI.length - 1 : (c + 2 * r + 5 * y) % SPI.length;
    }

    static int componentIndex(int c, int r) {
        return (3 * c + r) % COMPONENTS.length;
    }

    static double female(int c, int r) {
        return 10 + c + 20 * r;
    }

    static double male(int c, int r) {
        return 7 + 3 * c + r;
    }

    static int zone(int c) {
        return c < 10 ? 0 : 1;
    }

    static int rank(String cls) {
        return List.of(CLASSES).indexOf(cls);
    }

    /** A Float32 map of the tiny grid, nodata −9999 (written for NaN). */
    static byte[] float32(java.util.function.BiFunction<Integer, Integer, Double> value) {
        ByteBuffer px = ByteBuffer.allocate(4 * W * H).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                double v = value.apply(c, r);
                px.putFloat(Double.isNaN(v) ? -9999f : (float) v);
            }
        }
        return TinyRun.geoTiff(32, 3, "-9999").blocks(false, px.array()).bytes();
    }

    static final String DROUGHT = """
            drought:
              spi: {2000: spi2000.tif, 2001: spi2001.tif, 2002: spi2002.tif, 2003: spi2003.tif, 2004: spi2004.tif,
                    2005: spi2005.tif}
              vulnerability: {social: s.tif, economic: e.tif, infrastructural: i.tif,
                              weights: %s}
            """;

    /** Writes the run with the given weights (a YAML map) into {@code d}. */
    static void write(Path d, String weights) throws Exception {
        TinyRun.write(d);
        for (int y = 0; y < YEARS; y++) {
            int yy = y;
            Files.write(d.resolve("spi" + (FIRST + y) + ".tif"), float32((c, r) -> (double) SPI[spiIndex(c, r, yy)]));
        }
        Files.write(d.resolve("female.tif"), float32((c, r) -> female(c, r)));
        Files.write(d.resolve("male.tif"), float32((c, r) -> male(c, r)));
        Files.write(d.resolve("total.tif"), float32((c, r) -> female(c, r) + male(c, r)));
        String[] names = {"s", "e", "i"};
        for (int k = 0; k < 3; k++) {
            int kk = k;
            Files.write(d.resolve(names[k] + ".tif"), float32((c, r) -> (double) COMPONENTS[componentIndex(c, r)][kk]));
        }
        Files.writeString(d.resolve("ldn.yaml"), TinyRun.RUN_FILE
                + "population: {total: total.tif, female: female.tif, male: male.tif}\n"
                + DROUGHT.formatted(weights));
    }

    @BeforeAll
    static void run() throws Exception {
        write(dir, "{social: 2, economic: 1, infrastructural: 1}");
        CliRunner r = CliRunner.run("run", dir.resolve("ldn.yaml").toString(), "--out", dir.resolve("out").toString(),
                "--quiet", "--threads", "2", "--tile-size", "7");
        assertEquals(0, r.exitCode(), r.err());
        report = ReportChecks.check(dir.resolve("out/report.json"));
        drought = report.drought();
    }

    /** The hand class of every pixel in period p (years 0..5, then the blocks 2000–2003 and 2004–2005). */
    static String classOf(int c, int r, int p) {
        if (p < YEARS) {
            return SPI_CLASS[spiIndex(c, r, p)];
        }
        int from = p == YEARS ? 0 : 4, to = p == YEARS ? 4 : YEARS;
        String worst = "nodata";
        for (int y = from; y < to; y++) {
            String cls = SPI_CLASS[spiIndex(c, r, y)];
            if (rank(cls) > rank(worst)) {
                worst = cls;
            }
        }
        return worst;
    }

    static DroughtReport.Hazard hazard(DroughtReport.Zone z, int p) {
        return p < YEARS ? z.years().get(String.valueOf(FIRST + p))
                : z.blocks().get(p == YEARS ? "2000-2003" : "2004-2007");
    }

    @Test
    void classesAreasAndBlockMaximaFollowTheSuppliedSpiExactlyOnTheBounds() throws Exception {
        assertEquals("spi", drought.source());
        assertNull(drought.calibration(), "no calibration when SPI is supplied");
        assertEquals(List.of(2000, 2001, 2002, 2003, 2004, 2005), drought.years());
        assertEquals(List.of("2000-2003", "2004-2007"), drought.blocks());
        // the hand table holds every class at least once in each zone and year
        for (int p = 0; p < YEARS + 2; p++) {
            for (int z = 0; z < 2; z++) {
                Map<String, Double> want = new LinkedHashMap<>();
                for (String k : List.of("none", "mild", "moderate", "severe", "extreme", "nodata")) {
                    want.put(k, 0.0);
                }
                for (int r = 0; r < H; r++) {
                    for (int c = 0; c < W; c++) {
                        if (zone(c) == z) {
                            want.merge(classOf(c, r, p), 1.0, Double::sum);
                        }
                    }
                }
                DroughtReport.Hazard h = hazard(drought.zones().get(z), p);
                String where = drought.zones().get(z).id() + " period " + p;
                for (var e : want.entrySet()) {
                    assertEquals(e.getValue(), h.classKm2().get(e.getKey()), 1e-6, where + " " + e.getKey());
                    if (p < YEARS && !e.getKey().equals("nodata")) {
                        assertTrue(e.getValue() > 0, "the table reaches " + e.getKey());
                    }
                }
                double droughtKm2 = want.get("mild") + want.get("moderate") + want.get("severe") + want.get("extreme");
                assertEquals(droughtKm2, h.droughtKm2(), 1e-6, where);
                assertEquals(120.0, h.landAreaKm2(), 1e-6, where);
                assertEquals(0.0, h.waterKm2(), 0.0, where);
                assertEquals(droughtKm2 / 120.0, h.shareOfLandUnderDrought(), 1e-9, where);
            }
        }
        // the bottom-right pixel has no SPI in any year: nodata in the block too; elsewhere a block is never nodata
        assertEquals(1.0, drought.zones().get(1).blocks().get("2000-2003").classKm2().get("nodata"), 1e-6);
        assertEquals(0.0, drought.zones().get(0).blocks().get("2000-2003").classKm2().get("nodata"), 1e-6);

        // the class maps, pixel by pixel (0 none … 4 extreme, nodata where no SPI)
        Path maps = dir.resolve("out/maps");
        for (int p = 0; p < YEARS + 2; p++) {
            String name = p < YEARS ? String.valueOf(FIRST + p) : p == YEARS ? "2000-2003" : "2004-2007";
            try (RasterSource m = new GeoTiffIO().open(maps.resolve("drought_class_" + name + ".tif"), "class")) {
                double[] v = new double[W * H];
                m.read(0, new Window(0, 0, W, H), v);
                for (int i = 0; i < W * H; i++) {
                    String cls = classOf(i % W, i / W, p);
                    if (cls.equals("nodata")) {
                        assertTrue(Double.isNaN(v[i]), name + " pixel " + i + ": nodata, not " + v[i]);
                    } else {
                        assertEquals(rank(cls), v[i], 0.0, name + " pixel " + i + " (" + cls + ")");
                    }
                }
            }
        }
    }

    @Test
    void femaleAndMaleExposureAreHandSumsAndAddUpToTheTotal() {
        for (int p = 0; p < YEARS + 2; p++) {
            for (int z = 0; z < 2; z++) {
                Map<String, Double> f = new LinkedHashMap<>(), m = new LinkedHashMap<>();
                for (String k : List.of("none", "mild", "moderate", "severe", "extreme", "nodata", "water")) {
                    f.put(k, 0.0);
                    m.put(k, 0.0);
                }
                double fz = 0, mz = 0;
                for (int r = 0; r < H; r++) {
                    for (int c = 0; c < W; c++) {
                        if (zone(c) == z) {
                            f.merge(classOf(c, r, p), female(c, r), Double::sum);
                            m.merge(classOf(c, r, p), male(c, r), Double::sum);
                            fz += female(c, r);
                            mz += male(c, r);
                        }
                    }
                }
                DroughtReport.Hazard h = hazard(drought.zones().get(z), p);
                String where = drought.zones().get(z).id() + " period " + p;
                DroughtReport.Exposure total = h.population().get("total");
                DroughtReport.Exposure female = h.population().get("female");
                DroughtReport.Exposure male = h.population().get("male");
                assertEquals(fz, female.zonePopulation(), 1e-6, where);
                assertEquals(mz, male.zonePopulation(), 1e-6, where);
                assertEquals(fz + mz, total.zonePopulation(), 1e-6, where);
                for (String k : f.keySet()) {
                    assertEquals(f.get(k), female.byClass().get(k), 1e-6, where + " female " + k);
                    assertEquals(m.get(k), male.byClass().get(k), 1e-6, where + " male " + k);
                    assertEquals(female.byClass().get(k) + male.byClass().get(k), total.byClass().get(k), 1e-6,
                            where + " total = female + male, " + k);
                    assertEquals(f.get(k) / fz, female.shareByClass().get(k), 1e-12, where + " female share " + k);
                    assertEquals(m.get(k) / mz, male.shareByClass().get(k), 1e-12, where + " male share " + k);
                }
            }
        }
        // the national figures are the two zones' sums
        DroughtReport.Exposure all = drought.total().years().get("2003").population().get("female");
        double sum = 0;
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                sum += female(c, r);
            }
        }
        assertEquals(sum, all.zonePopulation(), 1e-6);
    }

    @Test
    void weightedDviPerPixelAndPerZoneIsTheHandWeightedMean() throws Exception {
        assertEquals(List.of("social", "economic", "infrastructural"), drought.vulnerabilityComponents());
        assertEquals(Map.of("social", 2.0, "economic", 1.0, "infrastructural", 1.0), drought.vulnerabilityWeights());
        try (RasterSource m = new GeoTiffIO().open(dir.resolve("out/maps/drought_dvi.tif"), "dvi")) {
            double[] v = new double[W * H];
            m.read(0, new Window(0, 0, W, H), v);
            for (int i = 0; i < W * H; i++) {
                double want = DVI[componentIndex(i % W, i / W)];
                if (Double.isNaN(want)) {
                    assertTrue(Double.isNaN(v[i]), "pixel " + i + ": no DVI where a component has none");
                } else {
                    assertEquals((float) want, v[i], 0.0, "DVI of pixel " + i);
                }
            }
        }
        for (int z = 0; z < 2; z++) {
            Map<String, Double> quintiles = new LinkedHashMap<>();
            for (String k : List.of("0-0.2", "0.2-0.4", "0.4-0.6", "0.6-0.8", "0.8-1", "nodata")) {
                quintiles.put(k, 0.0);
            }
            double sum = 0;
            int n = 0;
            for (int r = 0; r < H; r++) {
                for (int c = 0; c < W; c++) {
                    if (zone(c) == z) {
                        int t = componentIndex(c, r);
                        quintiles.merge(DVI_CLASS[t], 1.0, Double::sum);
                        if (!Double.isNaN(DVI[t])) {
                            sum += DVI[t];
                            n++;
                        }
                    }
                }
            }
            DroughtReport.Vulnerability v = drought.zones().get(z).vulnerability();
            // every pixel is 1 km², so the area-weighted mean is the plain mean of the pixels' DVIs; the tallies hold
            // each value as a multiple of 2^-16 (exact integer sums), hence 2^-17 (the plain mean of the components
            // would be 0.02 off)
            assertEquals(sum / n, v.meanDvi(), 0x1p-17, "area-weighted mean DVI of " + drought.zones().get(z).id());
            for (var e : quintiles.entrySet()) {
                assertEquals(e.getValue(), v.quintileKm2().get(e.getKey()), 1e-6, "quintile " + e.getKey());
            }
            // risk: DVI in (0.8, 1] where the class is severe or extreme
            for (int p = 0; p < YEARS + 2; p++) {
                double area = 0, people = 0;
                for (int r = 0; r < H; r++) {
                    for (int c = 0; c < W; c++) {
                        String cls = classOf(c, r, p);
                        if (zone(c) == z && DVI_CLASS[componentIndex(c, r)].equals("0.8-1")
                                && (cls.equals("severe") || cls.equals("extreme"))) {
                            area++;
                            people += female(c, r) + male(c, r);
                        }
                    }
                }
                DroughtReport.Risk risk = hazard(drought.zones().get(z), p).risk();
                assertEquals(area, risk.areaKm2(), 1e-6, "risk area, period " + p);
                assertEquals(people, risk.population().get("total"), 1e-6, "risk population, period " + p);
            }
        }
    }

    @Test
    void negativeWeightsAreOneLineNamingTheRunFile(@TempDir Path d) throws Exception {
        write(d, "{social: 2, economic: -1, infrastructural: 1}");
        assertOneLineError(d, d.resolve("ldn.yaml") + ": drought.vulnerability.weights: the weight of 'economic' must"
                + " be a number ≥ 0, not -1.0");
    }

    @Test
    void allZeroWeightsAreOneLineNamingTheRunFile(@TempDir Path d) throws Exception {
        write(d, "{social: 0, economic: 0, infrastructural: 0}");
        assertOneLineError(d, d.resolve("ldn.yaml") + ": drought.vulnerability.weights: every weight is 0 (give at"
                + " least one weight above 0, or no weights for the plain mean)");
    }

    private static void assertOneLineError(Path d, String message) {
        CliRunner r = CliRunner.run("run", d.resolve("ldn.yaml").toString(), "--out", d.resolve("out").toString(),
                "--quiet");
        assertEquals(3, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("ldn: " + message, r.err().strip());
        assertFalse(Files.exists(d.resolve("out")), "nothing written");
    }
}
