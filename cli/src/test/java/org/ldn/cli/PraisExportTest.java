package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.AreaSummary;
import org.ldn.core.report.Report.PeriodReport;
import org.ldn.core.report.Report.ZoneReport;

/**
 * {@code ldn export --prais} of the bundled example: the JSON loads under Trends.Earth's published reporting schema
 * ({@link PraisSchema}), every area in it is the report's figure, and the boundary beside it is the 17 provinces in
 * longitude/latitude.
 */
class PraisExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] LONG = {"Tree-covered areas", "Grassland", "Cropland", "Wetland",
        "Artificial surfaces", "Other land", "Water bodies"};

    @TempDir
    static Path dir;
    static Report report;
    static JsonNode prais;
    static JsonNode boundary;

    @BeforeAll
    static void runAndExport() throws Exception {
        CliRunner r = CliRunner.run("run", ExampleRunTest.EXAMPLE.toString(), "--out", dir.resolve("out").toString(),
                "--threads", "2", "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        report = ReportChecks.check(dir.resolve("out/report.json"));
        CliRunner e = CliRunner.run("export", dir.resolve("out/report.json").toString(), "--prais", "--zones",
                ExampleRunTest.EXAMPLE.resolveSibling("provinces.gpkg").toString(), "--out",
                dir.resolve("export").toString());
        assertEquals(0, e.exitCode(), e.err());
        prais = JSON.readTree(dir.resolve("export/prais_so1.json").toFile());
        boundary = JSON.readTree(dir.resolve("export/prais_boundary.geojson").toFile());
    }

    @Test
    void loadsUnderTheTrendsEarthReportingSchema() {
        assertEquals(List.of(), PraisSchema.validate(prais));
        assertEquals(List.of("baseline", "report_1"), fieldNames(prais.get("land_condition")));
        assertTrue(prais.at("/land_condition/baseline/status_assessment").isMissingNode(), "no status at baseline");
        assertFalse(prais.at("/land_condition/report_1/status_assessment").isMissingNode());
    }

    @Test
    void theSchemaCheckCatchesWhatTrendsEarthWouldRefuse() {
        ObjectNode bad = prais.deepCopy();
        ((ObjectNode) bad.at("/land_condition/baseline/period_assessment/sdg/summary")).put("unit", "km2");
        ((ObjectNode) bad.get("metadata")).remove("title");
        ((ObjectNode) bad.at("/land_condition/baseline/period_assessment/land_cover/legend_nesting/nesting"))
                .remove("7");
        ((ObjectNode) bad.get("metadata")).put("date", "2026-12-03T06:00:00Z");
        ((ObjectNode) bad.get("metadata")).put("extra", 1);
        List<String> errors = PraisSchema.validate(bad);
        assertEquals(4, errors.size(), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("\"km2\" is not one of")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("ReportMetadata.title is required")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("is not a datetime")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("unknown field 'extra'")), errors.toString());
        ObjectNode nesting = prais.deepCopy();
        ((ObjectNode) nesting.at("/land_condition/baseline/period_assessment/land_cover/legend_nesting/nesting"))
                .remove("7");
        List<String> nested = PraisSchema.validate(nesting);
        assertEquals(2, nested.size(), "the nesting must list every parent and child code: " + nested);
        assertTrue(nested.get(0).contains("are not the parent legend's codes"), nested.toString());
    }

    @Test
    void everyAreaIsTheReportsFigure() {
        ZoneReport z = report.total();
        int compared = 0;
        for (int i = 0; i < z.periods().size(); i++) {
            PeriodReport p = z.periods().get(i);
            JsonNode lcr = prais.get("land_condition").get(i == 0 ? "baseline" : "report_" + i);
            JsonNode a = lcr.get("period_assessment");
            compared += areas(a.at("/sdg/summary"), p.sdg(), false);
            compared += areas(a.at("/productivity/summaries/non_water"), p.productivity(), false);
            compared += areas(a.at("/productivity/summaries/all_cover_types"), p.productivity(), true);
            compared += areas(a.at("/land_cover/summary"), p.landCover(), false);
            compared += areas(a.at("/soil_organic_carbon/summaries/non_water"), p.soc(), false);
            compared += areas(a.at("/soil_organic_carbon/summaries/all_cover_types"), p.soc(), true);
            JsonNode trans = a.at("/land_cover/crosstabs_by_land_cover_class/0");
            assertEquals(p.landCoverYears().get(0), trans.get("initial_year").asInt());
            assertEquals(49, trans.get("values").size());
            for (JsonNode e : trans.get("values")) {
                String from = classKey(e.get("initial_label").asText());
                String to = classKey(e.get("final_label").asText());
                assertEquals(p.lcTransitionKm2().get(from).get(to), e.get("value").asDouble(), 0.0, from + ">" + to);
                compared++;
            }
            JsonNode byYear = a.at("/land_cover/land_cover_areas_by_year/values");
            for (int y : p.landCoverYears()) {
                Map<String, Double> classes = z.landCoverClassKm2().get(String.valueOf(y));
                for (int c = 0; c < 7; c++) {
                    assertEquals(classes.get(String.valueOf(c + 1)), byYear.get(String.valueOf(y)).get(LONG[c])
                            .asDouble(), 0.0);
                    compared++;
                }
                assertEquals(classes.get("nodata"), byYear.get(String.valueOf(y)).get("No data").asDouble(), 0.0);
            }
            JsonNode stocks = a.at("/soil_organic_carbon/soc_stock_by_year/values");
            for (int y : p.socYears()) {
                Report.SocStock s = z.socStockTonnes().get(String.valueOf(y));
                for (int c = 0; c < 7; c++) {
                    assertEquals(s.byLandCoverClass().get(String.valueOf(c + 1)),
                            stocks.get(String.valueOf(y)).get(LONG[c]).asDouble(), 0.0);
                    compared++;
                }
            }
            if (i > 0) {
                JsonNode st = lcr.get("status_assessment");
                compared += areas(st.get("sdg"), p.status3(), false);
                compared += areas(st.get("land_cover"), p.statusLandCover().status3(), false);
                compared += areas(st.at("/productivity/non_water"), p.statusProductivity().status3(), false);
                compared += areas(st.at("/soil_organic_carbon/non_water"), p.statusSoc().status3(), false);
                compared += cross(lcr.at("/change_assessment/sdg"), p.crossTableKm2());
                compared += cross(lcr.at("/change_assessment/land_cover"), p.statusLandCover().crossTableKm2());
                compared += cross(lcr.at("/change_assessment/productivity"),
                        p.statusProductivity().crossTableKm2());
                compared += cross(lcr.at("/change_assessment/soil_organic_carbon"), p.statusSoc().crossTableKm2());
            }
        }
        assertTrue(compared > 250, "compared " + compared);
    }

    @Test
    void theBoundaryIsTheProvincesInLongitudeLatitude() {
        assertEquals(boundary, prais.at("/metadata/area_of_interest/geojson"));
        assertEquals(17, boundary.get("features").size());
        for (JsonNode f : boundary.get("features")) {
            assertTrue(report.zones().stream().anyMatch(z -> z.id().equals(f.at("/properties/id").asText())));
            JsonNode first = f.at("/geometry/coordinates/0/0/0");
            if (first.isNumber()) { // a Polygon: [ring][point][x, y]
                first = f.at("/geometry/coordinates/0/0");
            }
            double lon = first.get(0).asDouble();
            double lat = first.get(1).asDouble();
            assertTrue(lon > 129 && lon < 157 && lat > -12 && lat < 1, lon + " " + lat + " is in New Guinea");
        }
        assertTrue(prais.at("/metadata/area_of_interest/crs_wkt").asText().contains("WGS"));
    }

    /** AreaList (Improved, Stable, Degraded, No data) against an area summary. */
    private static int areas(JsonNode list, AreaSummary a, boolean waterAsNoData) {
        assertEquals("sq km", list.get("unit").asText());
        JsonNode v = list.get("areas");
        assertEquals(List.of("Improved", "Stable", "Degraded", "No data"),
                List.of(v.get(0).get("name").asText(), v.get(1).get("name").asText(), v.get(2).get("name").asText(),
                        v.get(3).get("name").asText()));
        assertEquals(a.improvedKm2(), v.get(0).get("area").asDouble(), 0.0);
        assertEquals(a.stableKm2(), v.get(1).get("area").asDouble(), 0.0);
        assertEquals(a.degradedKm2(), v.get(2).get("area").asDouble(), 0.0);
        assertEquals(waterAsNoData ? a.noDataKm2() + a.waterKm2() : a.noDataKm2(), v.get(3).get("area").asDouble(),
                0.0);
        return 4;
    }

    private static int cross(JsonNode tab, Map<String, Map<String, Double>> t) {
        Map<String, String> key = Map.of("Improved", "1", "Stable", "0", "Degraded", "-1", "No data", "nodata");
        assertEquals(16, tab.get("values").size());
        for (JsonNode e : tab.get("values")) {
            assertEquals(t.get(key.get(e.get("initial_label").asText())).get(key.get(e.get("final_label").asText())),
                    e.get("value").asDouble(), 0.0);
        }
        return 16;
    }

    private static String classKey(String longName) {
        for (int c = 0; c < 7; c++) {
            if (LONG[c].equals(longName)) {
                return String.valueOf(c + 1);
            }
        }
        throw new AssertionError(longName);
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
