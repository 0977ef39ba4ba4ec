package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.cli.command.ExitCodes;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.AreaSummary;

/**
 * {@code corrections:} in a run file, end to end, on {@link SyntheticRunTest}'s country (1 km² pixels; baseline:
 * improved 1800, stable 600, degraded 3600 km²). Two polygons (EPSG:3035 GeoJSON):
 * <pre>
 * FP1  sdg, stable,        columns 60–79, rows 0–9   (200 km², all degraded: SOC −20 % in rows 0–29)
 * FN1  productivity, degraded, columns 60–69, rows 40–49 (100 km², LPD increasing, land cover and SOC stable:
 *      combined improved → degraded through one-out-all-out)
 * </pre>
 * → improved 1700, stable 800, degraded 3500 km², all in zone E (columns 50–99).
 */
class CorrectionsRunTest {
    @TempDir
    Path dir;

    @BeforeEach
    void writeInputs() throws Exception {
        SyntheticRunTest.write(dir);
    }

    private void corrections(String... features) throws Exception {
        Files.writeString(dir.resolve("corrections.geojson"), "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":"
                + "\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::3035\"}},\"features\":["
                + String.join(",", features) + "]}", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("ldn.yaml"), Files.readString(dir.resolve("ldn.yaml"))
                + "corrections: corrections.geojson\n");
    }

    /** A polygon over columns c0..c1 and rows r0..r1 of the synthetic grid, with its attributes. */
    private static String feature(String id, String period, String indicator, String cls, String reason, int c0,
            int c1, int r0, int r1) {
        double x0 = SyntheticRunTest.X0 + c0 * 1000.0;
        double x1 = SyntheticRunTest.X0 + (c1 + 1) * 1000.0;
        double y0 = SyntheticRunTest.Y0 - r0 * 1000.0;
        double y1 = SyntheticRunTest.Y0 - (r1 + 1) * 1000.0;
        return "{\"type\":\"Feature\",\"properties\":{\"id\":\"" + id + "\",\"period\":\"" + period
                + "\",\"indicator\":\"" + indicator + "\",\"class\":\"" + cls + "\",\"reason\":\"" + reason
                + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + x0 + "," + y0 + "],[" + x1 + ","
                + y0 + "],[" + x1 + "," + y1 + "],[" + x0 + "," + y1 + "],[" + x0 + "," + y0 + "]]]}}";
    }

    @Test
    void correctionsMoveTheirAreasAndAreReportedTabledAndExported() throws Exception {
        corrections(feature("FP1", "baseline", "sdg", "stable", "irrigated orchards, field-checked", 60, 79, 0, 9),
                feature("FN1", "all", "productivity", "degraded", "overgrazing seen in 2014 survey", 60, 69, 40, 49));
        Files.writeString(dir.resolve("ldn.yaml"), Files.readString(dir.resolve("ldn.yaml"))
                + "nationalLandAreaKm2: {W: 2900, E: 3100}\n");
        CliRunner r = CliRunner.run("run", dir.resolve("ldn.yaml").toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, r.exitCode(), r.err());
        Report rep = ReportChecks.check(dir.resolve("out/report.json"));
        assertEquals(new AreaSummary(1700, 800, 3500, 0, 0, 6000, 3500 / 6000.0, 3500 / 6000.0, 6000.0,
                3500 / 6000.0), rep.total().periods().get(0).sdg());
        // CP-1.T1 by land-cover year: no water in this country, so land = total; the office's figure beside it
        assertEquals(List.of("zone_id,zone_name,year,total_area_km2,water_km2,land_area_km2,national_land_area_km2",
                "W,Zone W,2000,3000,0,3000,2900", "W,Zone W,2015,3000,0,3000,2900",
                "E,Zone E,2000,3000,0,3000,3100", "E,Zone E,2015,3000,0,3000,3100",
                "__total__,All zones,2000,6000,0,6000,6000", "__total__,All zones,2015,6000,0,6000,6000"),
                Files.readAllLines(dir.resolve("out/tables/land_area_by_year.csv")));
        // zone E's productivity: declining in columns 50–59 (600 km²), increasing in 60–99 but for FN1's 100 km²
        assertEquals(new AreaSummary(2300, 0, 700, 0, 0, 3000, 700 / 3000.0, 700 / 3000.0, null, null),
                rep.zones().get(1).periods().get(0).productivity());
        assertEquals(new AreaSummary(1200 - 100, 200, 1800 - 200 + 100, 0, 0, 3000, 1700 / 3000.0, 1700 / 3000.0,
                3100.0, 1700 / 3100.0), rep.zones().get(1).periods().get(0).sdg());
        List<Report.CorrectionReport> cs = rep.corrections();
        assertEquals(2, cs.size());
        assertEquals(new Report.CorrectionReport("FP1", "sdg", "stable", "irrigated orchards, field-checked",
                List.of(new Report.CorrectionPeriod("baseline", Map.of("improved", 0.0, "stable", 0.0, "degraded",
                        200.0, "nodata", 0.0, "water", 0.0), 200))), cs.get(0));
        assertEquals(new Report.CorrectionReport("FN1", "productivity", "degraded", "overgrazing seen in 2014 survey",
                List.of(new Report.CorrectionPeriod("baseline", Map.of("improved", 100.0, "stable", 0.0, "degraded",
                        0.0, "nodata", 0.0, "water", 0.0), 100))), cs.get(1));
        List<String> csv = Files.readAllLines(dir.resolve("out/tables/corrections.csv"));
        assertEquals("correction_id,period,indicator,to_class,improved_before_km2,stable_before_km2,"
                + "degraded_before_km2,nodata_before_km2,water_km2,changed_km2,reason", csv.get(0));
        assertEquals("FP1,baseline,sdg,stable,0,0,200,0,0,200,\"irrigated orchards, field-checked\"", csv.get(1));
        assertEquals("FN1,baseline,productivity,degraded,100,0,0,0,0,100,overgrazing seen in 2014 survey",
                csv.get(2));

        CliRunner e = CliRunner.run("export", dir.resolve("out/report.json").toString(), "--prais", "--out",
                dir.resolve("export").toString());
        assertEquals(0, e.exitCode(), e.err());
        // --prais finds the run's zones file in the report's parent folder; the summary is the corrected figures
        JsonNode prais = new ObjectMapper().readTree(dir.resolve("export/prais_so1.json").toFile());
        assertEquals(List.of(), PraisSchema.validate(prais));
        assertEquals(2, prais.at("/metadata/area_of_interest/geojson/features").size());
        assertEquals(3500.0, prais.at("/land_condition/baseline/period_assessment/sdg/summary/areas/2/area")
                .asDouble());
        JsonNode tables = new ObjectMapper().readTree(dir.resolve("export").toFile().listFiles(
                f -> f.getName().endsWith(".json"))[0]);
        JsonNode t3 = null;
        for (JsonNode t : tables.has("tables") ? tables.get("tables") : tables) {
            if ("SO1-4.T3".equals(t.path("id").asText())) {
                t3 = t;
            }
        }
        assertTrue(t3 != null, "the export has SO1-4.T3: " + tables);
        assertEquals(2, t3.get("rows").size());
        assertTrue(t3.get("rows").get(0).toString().contains("False positive"), t3.toString());
        assertTrue(t3.get("rows").get(1).toString().contains("False negative"), t3.toString());
    }

    @Test
    void overlappingCorrectionsWithDifferentClassesAreOneLineNamingBoth() throws Exception {
        corrections(feature("FP1", "baseline", "sdg", "stable", "", 60, 79, 0, 9),
                feature("X", "baseline", "sdg", "degraded", "", 70, 89, 5, 20));
        CliRunner r = CliRunner.run("run", dir.resolve("ldn.yaml").toString(), "--out", dir.resolve("out").toString());
        assertEquals(ExitCodes.INPUT, r.exitCode(), r.out());
        assertEquals("ldn: corrections.geojson: corrections 'FP1' (stable) and 'X' (degraded) overlap on sdg in period"
                + " baseline: 50 pixel centres lie in both, the first at x 4070500.00, y 2994500.00 (make them"
                + " disjoint or give them the same class)", r.err().strip());
    }

    @Test
    void aWrongAttributeValueIsOneLineNamingThePolygon() throws Exception {
        corrections(feature("FP1", "baseline", "sdg", "fine", "", 60, 79, 0, 9));
        CliRunner r = CliRunner.run("run", dir.resolve("ldn.yaml").toString(), "--out", dir.resolve("out").toString());
        assertEquals(ExitCodes.INPUT, r.exitCode(), r.out());
        assertEquals("ldn: corrections.geojson: correction 'FP1': 'fine' is not a class (use degraded, stable or"
                + " improved)", r.err().strip());
    }
}
