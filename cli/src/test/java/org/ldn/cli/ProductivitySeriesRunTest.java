package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.engine.EngineOptions;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;
import org.ldn.core.productivity.MannKendallNull;
import org.ldn.core.productivity.Trajectory;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.raster.SampleType;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.AreaSummary;
import org.ldn.core.report.Report.PeriodReport;
import org.ldn.core.report.Report.ZoneReport;
import org.ldn.core.run.ResolvedRun;
import org.ldn.core.run.RunFiles;
import org.ldn.geodata.geotiff.GeoTiffIO;
import org.ldn.testdata.TestData;
import org.ldn.cli.output.RunWriter;
import org.ldn.cli.run.AssembledRun;
import org.ldn.cli.run.RunAssembler;

/**
 * The real productivity series of the test data run end to end (run file → assembly → engine → report and maps):
 * China LAI (20 annual bands, NaN nodata, zones from the world layer) and Alaska GIMMS NDVI (360 monthly bands,
 * nodata −3.4e38, a rectangle zone). A sample of pixels' trajectory classes and slopes is compared with a naive
 * implementation written here (centred least squares, a double loop for S), and the areas must add up.
 */
class ProductivitySeriesRunTest {
    private static final GeoTiffIO IO = new GeoTiffIO();

    @TempDir
    Path dir;

    private Report run(String yaml, Path out, int tile, int threads) throws Exception {
        Path runFile = dir.resolve("ldn.yaml");
        Files.writeString(runFile, yaml);
        ResolvedRun run = RunFiles.resolve(RunFiles.read(runFile), runFile);
        try (AssembledRun a = new RunAssembler(IO).assemble(run)) {
            return new RunWriter(IO).run(a, out, new EngineOptions(tile, threads, null)).report();
        }
    }

    @Test
    void chinaLaiAnnualStack() throws Exception {
        Path lai = TestData.file(TestData.CHINA_LAI);
        Path world = TestData.file(TestData.WORLD);
        String yaml = """
                title: China LAI
                zones: {file: %s, idField: name_long, layer: world}
                productivity:
                  series: {stack: %s, firstYear: 2001}
                  scale: 1
                subIndicators: [productivity]
                periods:
                  - {name: baseline, landCover: [2001, 2016], soc: [2001, 2016], productivity: [2001, 2016]}
                  - {name: reporting1, landCover: [2016, 2020], soc: [2016, 2020], productivity: [2005, 2020]}
                """.formatted(world, lai);
        Path out = dir.resolve("china");
        Report report = run(yaml, out, 64, 2);
        checkSchema(out.resolve("report.json"));
        checkAreas(report);
        try (RasterSource stack = IO.open(lai, "lai")) {
            checkTrajectories(stack, 1, 2001, out, "baseline", 2001, 2016, 1.0, 11, false);
            checkTrajectories(stack, 1, 2001, out, "reporting1", 2005, 2020, 1.0, 12, false);
        }
        ZoneReport china = report.zones().stream().filter(z -> z.id().equals("China")).findFirst().orElseThrow();
        assertTrue(china.areaKm2() > 8.5e6 && china.areaKm2() < 1.0e7, "China at 0.5°: " + china.areaKm2());
        // the same run on other tiles and threads gives the same figures
        Report other = run(yaml, dir.resolve("china2"), 17, 1);
        assertEquals(report.total(), other.total());
        assertEquals(report.zones(), other.zones());
    }

    @Test
    void alaskaGimmsMonthlyStack() throws Exception {
        Path ndvi = TestData.file(TestData.ALASKA_NDVI);
        Path zones = dir.resolve("alaska.geojson");
        Files.writeString(zones, """
                {"type": "FeatureCollection", "features": [
                {"type": "Feature", "properties": {"id": "N", "name": "North half"}, "geometry": {"type": "Polygon",
                 "coordinates": [[[-153.5, 67.5], [-150.5, 67.5], [-150.5, 69.0], [-153.5, 69.0], [-153.5, 67.5]]]}},
                {"type": "Feature", "properties": {"id": "S", "name": "South half"}, "geometry": {"type": "Polygon",
                 "coordinates": [[[-153.5, 66.0], [-150.5, 66.0], [-150.5, 67.5], [-153.5, 67.5], [-153.5, 66.0]]]}}]}
                """);
        String yaml = """
                title: Alaska GIMMS
                zones: {file: alaska.geojson, idField: id, nameField: name}
                productivity:
                  series: {stack: %s, firstYear: 1982}
                  monthly: true
                subIndicators: [productivity]
                periods:
                  - {name: baseline, landCover: [1982, 1997], soc: [1982, 1997], productivity: [1982, 1997]}
                  - {name: reporting1, landCover: [1997, 2011], soc: [1997, 2011], productivity: [1996, 2011]}
                """.formatted(ndvi);
        Path out = dir.resolve("alaska");
        Report report = run(yaml, out, 9, 2);
        checkSchema(out.resolve("report.json"));
        checkAreas(report);
        try (RasterSource stack = IO.open(ndvi, "ndvi")) {
            checkTrajectories(stack, 12, 1982, out, "baseline", 1982, 1997, 1.0, 21, true);
            checkTrajectories(stack, 12, 1982, out, "reporting1", 1996, 2011, 1.0, 22, true);
        }
        assertEquals(2, report.zones().size());
    }

    @Test
    void perYearFilesEqualTheStackAndLandUnitsSplitThePerformanceP90() throws Exception {
        Path lai = TestData.file(TestData.CHINA_LAI);
        Path world = TestData.file(TestData.WORLD);
        StringBuilder files = new StringBuilder();
        try (RasterSource stack = IO.open(lai, "lai")) {
            Window all = new Window(0, 0, stack.grid().width(), stack.grid().height());
            double[] band = new double[all.length()];
            for (int y = 2001; y <= 2016; y++) {
                stack.read(y - 2001, all, band);
                float[] f = new float[band.length];
                for (int i = 0; i < f.length; i++) {
                    f[i] = (float) band[i];
                }
                try (var sink = IO.create(dir.resolve("lai_" + y + ".tif"), stack.grid(), SampleType.FLOAT32,
                        Double.NaN)) {
                    sink.write(all, f);
                    sink.commit();
                }
                files.append(y == 2001 ? "" : ", ").append(y).append(": lai_").append(y).append(".tif");
            }
            // land units on a 1° grid (twice as coarse, aligned): code 1 + (coarse column mod 3)
            Grid coarse = new Grid(stack.grid().crs(), stack.grid().x0(), stack.grid().y0(), 1.0, -1.0, 70, 40);
            short[] units = new short[70 * 40];
            for (int i = 0; i < units.length; i++) {
                units[i] = (short) (1 + (i % 70) % 3);
            }
            try (var sink = IO.create(dir.resolve("units.tif"), coarse, SampleType.INT16, -32768)) {
                sink.write(new Window(0, 0, 70, 40), units);
                sink.commit();
            }
        }
        String common = """
                zones: {file: %s, idField: name_long, layer: world}
                subIndicators: [productivity]
                periods:
                  - {name: baseline, landCover: [2001, 2016], soc: [2001, 2016], productivity: [2001, 2016]}
                productivity:
                  scale: 1
                """.formatted(world);
        Report fromFiles = run(common + "  series: {" + files + "}\n", dir.resolve("files"), 32, 2);
        Report fromStack = run(common + "  series: {stack: " + lai + ", firstYear: 2001}\n", dir.resolve("stack"),
                64, 1);
        assertEquals(fromStack.total(), fromFiles.total());
        assertEquals(fromStack.zones(), fromFiles.zones());
        Path out = dir.resolve("units");
        Report withUnits = run(common + "  series: {stack: " + lai + ", firstYear: 2001}\n  landUnits: units.tif\n",
                out, 48, 2);
        assertTrue(withUnits.warnings().stream().anyMatch(w -> w.startsWith("land units (units.tif) is on another grid")),
                String.valueOf(withUnits.warnings()));
        checkAreas(withUnits);
        // naive performance: per unit, the type-7 p90 of the means rounded half up to 0.0001, over the pixels of
        // every zone (those with a trajectory: the series has no nodata), then m / p90 <= 0.5
        try (RasterSource stack = IO.open(lai, "lai");
                RasterSource traj = IO.open(out.resolve("maps/baseline_productivity_trajectory.tif"), "t");
                RasterSource perf = IO.open(out.resolve("maps/baseline_productivity_performance.tif"), "p")) {
            int w = stack.grid().width();
            int h = stack.grid().height();
            assertEquals(w, traj.grid().width(), "the world zones cover the whole LAI grid's extent");
            Window all = new Window(0, 0, w, h);
            double[] values = new double[16 * w * h];
            stack.readBands(0, 16, all, values);
            double[] t = new double[w * h];
            double[] p = new double[w * h];
            traj.read(0, all, t);
            perf.read(0, all, p);
            double[] mean = new double[w * h];
            List<List<Double>> byUnit = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < w * h; i++) {
                double sum = 0;
                for (int y = 0; y < 16; y++) {
                    sum += values[y * w * h + i];
                }
                mean[i] = sum / 16;
                if (!Double.isNaN(t[i])) {
                    byUnit.get((i % w / 2) % 3).add(Math.floor(mean[i] * 10000 + 0.5) / 10000);
                }
            }
            double[] p90 = new double[3];
            for (int u = 0; u < 3; u++) {
                List<Double> m = byUnit.get(u);
                m.sort(null);
                double hh = 0.9 * (m.size() - 1);
                int j = (int) Math.floor(hh);
                double v = j + 1 < m.size() ? m.get(j) + (hh - j) * (m.get(j + 1) - m.get(j)) : m.get(j);
                p90[u] = Math.floor(v * 10000 + 0.5) / 10000;
            }
            assertTrue(p90[0] != p90[1] || p90[1] != p90[2], "the units differ");
            int checked = 0;
            for (int i = 0; i < w * h; i++) {
                if (Double.isNaN(t[i])) {
                    assertTrue(Double.isNaN(p[i]));
                    continue;
                }
                double expected = mean[i] / p90[(i % w / 2) % 3] <= 0.5 ? -1 : 0;
                assertEquals(expected, p[i], "pixel " + i);
                checked++;
            }
            assertTrue(checked > 5000, "checked " + checked);
        }
    }

    /**
     * Compares the engine's trajectory map with the naive method on 150 random pixels, and the kernel's slope with
     * the naive slope. With {@code insideZones} every pixel of the map is inside a zone; otherwise pixels outside
     * every zone (nodata in the map) are skipped.
     */
    private static void checkTrajectories(RasterSource stack, int bandsPerYear, int firstYear, Path out,
            String period, int first, int last, double scale, long seed, boolean insideZones) {
        int years = last - first + 1;
        try (RasterSource map = IO.open(out.resolve("maps").resolve(period + "_productivity_trajectory.tif"), "map")) {
            int w = map.grid().width();
            int h = map.grid().height();
            double[] classes = new double[w * h];
            map.read(0, new Window(0, 0, w, h), classes);
            SplittableRandom rnd = new SplittableRandom(seed);
            int compared = 0;
            int significant = 0;
            for (int k = 0; k < 150; k++) {
                int col = rnd.nextInt(w);
                int row = rnd.nextInt(h);
                // the map is cropped to the zones: find the pixel in the stack by coordinates
                int sc = (int) Math.floor((map.grid().centreX(col) - stack.grid().x0()) / stack.grid().dx());
                int sr = (int) Math.floor((map.grid().centreY(row) - stack.grid().y0()) / stack.grid().dy());
                double[] months = new double[years * bandsPerYear];
                stack.readBands((first - firstYear) * bandsPerYear, years * bandsPerYear, new Window(sc, sr, 1, 1),
                        months);
                double[] x = new double[years];
                for (int y = 0; y < years; y++) {
                    double sum = 0;
                    int n = 0;
                    for (int m = 0; m < bandsPerYear; m++) {
                        double v = months[y * bandsPerYear + m];
                        if (!Double.isNaN(v)) {
                            sum += v;
                            n++;
                        }
                    }
                    x[y] = n == 0 ? Double.NaN : sum / n;
                }
                double got = classes[row * w + col];
                if (!insideZones && Double.isNaN(got)) {
                    continue;
                }
                int expected = naiveClass(x, scale);
                if (expected == Integer.MIN_VALUE) {
                    assertTrue(Double.isNaN(got), period + " pixel " + col + "," + row + " is nodata");
                    continue;
                }
                assertEquals(expected, got, period + " pixel " + col + "," + row);
                double[] slope = new double[1];
                Trajectory.slope(x, 1, 0, years, slope);
                assertEquals(naiveSlope(x), slope[0], 1e-9 * Math.max(1, Math.abs(slope[0])), "slope");
                compared++;
                significant += expected != 0 ? 1 : 0;
            }
            assertTrue(compared > 50, "compared " + compared + " pixels");
            assertTrue(significant > 0, "no significant trend in the sample");
        }
    }

    /** Centred least-squares slope per year over the valid years. */
    private static double naiveSlope(double[] x) {
        double mt = 0;
        double mx = 0;
        int n = 0;
        for (int y = 0; y < x.length; y++) {
            if (!Double.isNaN(x[y])) {
                mt += y;
                mx += x[y];
                n++;
            }
        }
        mt /= n;
        mx /= n;
        double cov = 0;
        double var = 0;
        for (int y = 0; y < x.length; y++) {
            if (!Double.isNaN(x[y])) {
                cov += (y - mt) * (x[y] - mx);
                var += (y - mt) * (y - mt);
            }
        }
        return cov / var;
    }

    /** METHOD.md §3 trajectory, written from the text; Integer.MIN_VALUE for nodata. */
    private static int naiveClass(double[] x, double scale) {
        List<Double> v = new ArrayList<>();
        for (double d : x) {
            if (!Double.isNaN(d)) {
                v.add(d);
            }
        }
        if (v.size() < 4) {
            return Integer.MIN_VALUE;
        }
        int s = 0;
        for (int j = 0; j < v.size(); j++) {
            for (int k = j + 1; k < v.size(); k++) {
                s += Double.compare(v.get(k), v.get(j)) > 0 ? 1 : v.get(k).equals(v.get(j)) ? 0 : -1;
            }
        }
        double slope = naiveSlope(x);
        if (Math.abs(slope * scale) <= 0.001 || Math.abs(s) < MannKendallNull.upperCriticalValue(v.size(), 1, 40)) {
            return 0;
        }
        return slope > 0 ? 1 : -1;
    }

    /** LPD classes, the 3-class productivity and the three metrics each add up to the zone's area. */
    private static void checkAreas(Report r) {
        List<ZoneReport> all = new ArrayList<>(r.zones());
        all.add(r.total());
        double zonesSum = 0;
        for (ZoneReport z : r.zones()) {
            zonesSum += z.areaKm2();
        }
        assertEquals(zonesSum, r.total().areaKm2(), 1e-9 * zonesSum, "zones do not overlap: their areas add up");
        for (ZoneReport z : all) {
            if (z.periods() == null) {
                continue;
            }
            for (PeriodReport p : z.periods()) {
                String what = z.id() + " " + p.name();
                double lpd = p.lpdClassKm2().values().stream().mapToDouble(Double::doubleValue).sum();
                assertEquals(z.areaKm2(), lpd, 1e-9 * z.areaKm2(), what + " LPD classes");
                for (AreaSummary a : new AreaSummary[] {p.productivity(), p.trajectory(), p.state(), p.performance()}) {
                    double sum = a.improvedKm2() + a.stableKm2() + a.degradedKm2() + a.noDataKm2() + a.waterKm2();
                    assertEquals(z.areaKm2(), sum, 1e-9 * z.areaKm2(), what);
                }
                var c = p.lpdClassKm2();
                assertEquals(c.get("5"), p.productivity().improvedKm2(), 1e-9 * z.areaKm2(), what);
                assertEquals(c.get("1") + c.get("2"), p.productivity().degradedKm2(), 1e-9 * z.areaKm2(), what);
                assertEquals(c.get("3") + c.get("4"), p.productivity().stableKm2(), 1e-9 * z.areaKm2(), what);
            }
        }
    }

    private static void checkSchema(Path reportJson) throws Exception {
        JsonSchema schema;
        try (InputStream in = Report.class.getResourceAsStream("report.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        JsonNode node = new ObjectMapper().readTree(reportJson.toFile());
        Set<ValidationMessage> errors = schema.validate(node);
        assertEquals(Set.of(), errors);
        JsonNode period = node.get("total").get("periods").get(0);
        for (String k : new String[] {"trajectory", "state", "performance"}) {
            assertTrue(period.has(k), k + " is in the report");
        }
    }
}
