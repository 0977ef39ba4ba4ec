package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.report.Report;

/** The bundled example, run as a user runs it: schema-valid, figures that add up, deterministic, all outputs. */
class ExampleRunTest {
    static final Path EXAMPLE = Path.of("..", "example", "ldn.yaml");

    @TempDir
    Path tmp;

    @Test
    void runsAndIsIdenticalForAnyThreadCountAndTileSize() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        CliRunner ra = CliRunner.run("run", EXAMPLE.toString(), "--out", a.toString(), "--threads", "2");
        assertEquals(0, ra.exitCode(), ra.err());
        assertTrue(ra.out().contains("outputs: " + a.toAbsolutePath().normalize()), ra.out());
        Path timings = tmp.resolve("timings.json");
        CliRunner rb = CliRunner.run("run", EXAMPLE.toString(), "--out", b.toString(), "--threads", "1",
                "--tile-size", "300", "--quiet", "--timings", timings.toString());
        assertEquals(0, rb.exitCode(), rb.err());
        assertEquals("", rb.out(), "--quiet prints nothing");
        org.ldn.cli.output.RunTimings.Timings timed = org.ldn.cli.output.RunTimings.read(timings);
        // seconds since the process start: the first tile starts after the set-up, the last pass ends after it
        assertTrue(timed.firstTileSeconds() > 0 && timed.lastTileSeconds() > timed.firstTileSeconds(), "" + timed);
        assertTrue(timed.firstTileSeconds() >= timed.setupSeconds() - 0.02, "" + timed);
        // the process's CPU by the end of the run includes what it had used by the first tile
        assertTrue(timed.cpuSeconds() >= timed.firstTileCpuSeconds(), "" + timed);
        assertTrue(timed.compileSeconds() > 0 && timed.gcSeconds() >= 0, "" + timed);

        Report r = ReportChecks.check(a.resolve("report.json"));
        summaryPrintsTheReportedFigures(ra.out(), r);
        tablesNameTheirClasses(a.resolve("tables"));
        assertEquals(17, r.zones().size());
        assertEquals(List.of("baseline", "reporting1"), r.total().periods().stream().map(Report.PeriodReport::name).toList());
        Report.PeriodReport rep = r.total().periods().get(1);
        assertNotNull(rep.status7Km2());
        assertNotNull(rep.ldnByLandType());
        assertEquals(7360, r.grid().width());

        String ja = withoutCreatedAt(Files.readString(a.resolve("report.json")));
        String jb = withoutCreatedAt(Files.readString(b.resolve("report.json")));
        assertEquals(ja, jb, "report.json must not depend on threads or tile size");
        for (String t : List.of("degradation.csv", "land_cover_areas.csv", "land_cover_change.csv", "status.csv",
                "soc_stock.csv", "lpd_by_land_cover.csv", "ldn_by_land_type.csv", "land_area.csv")) {
            assertEquals(Files.readString(a.resolve("tables").resolve(t)), Files.readString(b.resolve("tables").resolve(t)), t);
        }
        try (Stream<Path> maps = Files.list(a.resolve("maps"))) {
            assertEquals(19, maps.count(), "9 maps, their QGIS styles and the QGIS project ldn.qgs");
        }
        assertTrue(Files.exists(a.resolve("manifest.json")));
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertFalse(siblings.anyMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary folder left");
        }
    }

    /**
     * The console gives, for each period, the figure a country reports (SO1-4.T2): the baseline's own assessment, a
     * reporting period's status against the baseline; a reporting period's own assessment comes below it, named.
     */
    static void summaryPrintsTheReportedFigures(String out, Report r) {
        List<String> lines = out.lines().toList();
        for (Report.PeriodReport p : r.total().periods()) {
            int i = lines.indexOf(lines.stream().filter(l -> l.startsWith(p.name() + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no line for " + p.name() + " in\n" + out)));
            Report.AreaSummary reported = p.status3() != null ? p.status3() : p.sdg();
            assertEquals(List.of(km2(reported.landAreaKm2()), km2(reported.degradedKm2()),
                    pct(reported.proportionDegraded())), figures(lines.get(i)), lines.get(i));
            assertTrue(lines.get(i).contains("reported: ") && lines.get(i).contains("(SO1-4.T2)"), lines.get(i));
            if (p.status3() != null) {
                assertTrue(lines.get(i).contains("status against the baseline"), lines.get(i));
                String own = lines.get(i + 1);
                assertEquals(List.of(km2(p.sdg().landAreaKm2()), km2(p.sdg().degradedKm2()),
                        pct(p.sdg().proportionDegraded())), figures(own), own);
                assertTrue(own.startsWith("  " + p.name() + " on its own ") && own.contains("not reported"), own);
            }
        }
        // the example's reporting1: status 43,684.0 km² (5.53 %) reported, its own assessment 26,449.6 km² beside it
        assertTrue(r.total().periods().get(1).status3().degradedKm2() > r.total().periods().get(1).sdg().degradedKm2());
    }

    private static List<String> figures(String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9][0-9,]*\\.[0-9]) +([0-9][0-9,]*\\.[0-9])"
                + " +([0-9]+\\.[0-9]{2}) %").matcher(line);
        assertTrue(m.find(), line);
        return List.of(m.group(1), m.group(2), m.group(3));
    }

    private static String km2(double v) {
        return String.format(java.util.Locale.ROOT, "%,.1f", v);
    }

    private static String pct(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", 100 * v);
    }

    /** Status and land-type codes of the example come with their names, as the reporting manual gives them. */
    static void tablesNameTheirClasses(Path tables) throws Exception {
        CsvColumnsTest.checkTables(tables);
        java.util.Map<String, String> status = java.util.Map.of("1", "Persistent degradation", "2",
                "Recent degradation", "3", "Baseline degradation", "4", "Stable", "5", "Baseline improvement",
                "6", "Recent improvement", "7", "Persistent improvement", "nodata", "No data", "water", "Water bodies");
        int rows = 0;
        for (List<String> row : CsvColumnsTest.rows(tables.resolve("status.csv"))) {
            assertEquals(status.get(row.get(4)), row.get(5), row.toString());
            rows++;
        }
        assertTrue(rows > 100, "status rows: " + rows);
        for (List<String> row : CsvColumnsTest.rows(tables.resolve("ldn_by_land_type.csv"))) {
            if (!row.get(3).startsWith("all")) {
                assertEquals(CsvColumnsTest.LAND_COVER.get(row.get(3)), row.get(4), "default land types are the"
                        + " baseline's land-cover classes: " + row);
            }
        }
    }

    static String withoutCreatedAt(String json) {
        return json.replaceFirst("\"createdAt\" : \"[^\"]*\"", "\"createdAt\" : \"\"");
    }
}
