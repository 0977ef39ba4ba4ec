package org.ldn.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.aggregate.CountryJson.Figures;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.AreaSummary;
import org.ldn.core.report.Report.PeriodReport;
import org.ldn.core.report.Report.ZoneReport;
import org.ldn.core.report.ReportJson;

/**
 * Aggregation of hand-made country reports (JSON files) whose regional sums are worked out by hand:
 * <pre>
 *          area water | baseline: impr stable degr nodata land | status 1..7, nodata     | status: degr land
 * KEN (Africa) 100  5 |            10     60   20      5   95 | 15 4 3 50 6 8 6, 3       |           22   95
 * TZA (Africa)  50  2 |             4     30   10      4   48 |  8 2 2 28 1 3 2, 2       |           12   48
 * IDN (Asia)   200 10 |            20    150   15      5  190 | 10 6 4 130 15 10 10, 5   |           20  190
 * </pre>
 * Africa: baseline degraded 30 of 143 km² of land, status degraded 34: change +4 km², 100·4/143 points.
 * World: baseline 45 of 333, status 54: change +9 km².
 */
class AggregationTest {
    static final CountryJson KEN = CountryJson.of("KEN", "Kenya", 100, 5, new Figures(10, 60, 20, 5),
            15, 4, 3, 50, 6, 8, 6, 3);
    static final CountryJson TZA = CountryJson.of("TZA", "Tanzania", 50, 2, new Figures(4, 30, 10, 4),
            8, 2, 2, 28, 1, 3, 2, 2);
    static final CountryJson IDN = CountryJson.of("IDN", "Indonesia", 200, 10, new Figures(20, 150, 15, 5),
            10, 6, 4, 130, 15, 10, 10, 5);
    static final Regions REGIONS = new Regions("regions.csv", List.of("region", "subregion"), Map.of(
            "KEN", Map.of("region", "Africa", "subregion", "Eastern Africa"),
            "TZA", Map.of("region", "Africa", "subregion", "Eastern Africa"),
            "IDN", Map.of("region", "Asia", "subregion", "South-eastern Asia")));

    @TempDir
    Path dir;

    @Test
    void regionsAndTheWorldAreSumsOfAreasWithProportionsFromTheSums() {
        Aggregation.Result r = Aggregation.aggregate(read(KEN.write(dir, "ken.json"), TZA.write(dir, "tza.json"),
                IDN.write(dir, "idn.json")), REGIONS);
        assertEquals(List.of("region:Africa", "region:Asia", "subregion:Eastern Africa",
                "subregion:South-eastern Asia"), r.groups().stream().map(ZoneReport::id).toList());
        assertEquals(List.of("KEN", "TZA"), r.members().get("region:Africa"));
        ZoneReport africa = r.groups().get(0);
        assertEquals(150.0, africa.areaKm2());
        AreaSummary base = africa.periods().get(0).sdg();
        assertEquals(30.0, base.degradedKm2());
        assertEquals(143.0, base.landAreaKm2());
        assertEquals(7.0, base.waterKm2());
        assertEquals(30.0 / 143, base.proportionDegraded());
        PeriodReport rep = africa.periods().get(1);
        assertEquals(34.0, rep.status3().degradedKm2());
        assertEquals(4.0, rep.change().degradedKm2());
        assertEquals(100 * 4.0 / 143, rep.change().percentagePoints(), 1e-12);
        assertEquals(Map.of("1", 23.0, "2", 6.0, "3", 5.0, "4", 78.0, "5", 7.0, "6", 11.0, "7", 8.0, "nodata", 5.0,
                "water", 7.0), rep.status7Km2());
        ZoneReport world = r.total();
        assertEquals(Report.TOTAL_ID, world.id());
        assertEquals(350.0, world.areaKm2());
        assertEquals(45.0 / 333, world.periods().get(0).sdg().proportionDegraded());
        assertEquals(9.0, world.periods().get(1).change().degradedKm2());
        assertEquals(africa.periods(), r.groups().get(2).periods(), "Eastern Africa holds the same countries");
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void zonesOutsideTheRegionsCountInTheWorldOnly() {
        Regions onlyKenya = new Regions("r.csv", List.of("region"), Map.of("KEN", Map.of("region", "Africa")));
        Aggregation.Result r = Aggregation.aggregate(read(KEN.write(dir, "ken.json"), IDN.write(dir, "idn.json")),
                onlyKenya);
        assertEquals(1, r.groups().size());
        assertEquals(300.0, r.total().areaKm2());
        assertEquals(List.of("zone 'IDN' (" + dir.resolve("idn.json") + ") is in no region of r.csv; it counts in"
                + " the total only"), r.warnings());
    }

    @Test
    void aWrongTotalIsCaughtWithItsFile() {
        Path bad = CountryJson.write(dir, "ken.json", KEN.json(96));
        List<Problem> p = AggregationCheck.check(read(bad, TZA.write(dir, "tza.json")));
        assertTrue(!p.isEmpty() && p.stream().allMatch(x -> x.source().equals(bad.toString())), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.message().contains("period 'baseline', sdg: improved + stable"
                + " + degraded + nodata = 95 km² but landAreaKm2 is 96")), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.message().contains("land area 96 + water 5 = 101 km² disagrees with"
                + " the zone's area 100 km²")), p.toString());
        AggregationProblems e = assertThrows(AggregationProblems.class,
                () -> Aggregation.aggregate(read(bad), REGIONS));
        assertEquals(p.size(), e.problems().size());
    }

    @Test
    void aCountryInTwoReportsIsCaughtNamingBothFiles() {
        Path first = KEN.write(dir, "ken.json");
        Path again = KEN.write(dir, "ken-again.json");
        List<Problem> p = AggregationCheck.check(read(first, TZA.write(dir, "tza.json"), again));
        assertEquals(List.of(new Problem(again.toString(), "zone 'KEN' (Kenya) is also in " + first
                + " (aggregate each zone once: remove one of the reports)")), p);
    }

    @Test
    void otherPeriodYearsAreCaughtWithTheirFile() {
        Path ken = KEN.write(dir, "ken.json");
        Path tza = CountryJson.write(dir, "tza.json", TZA.withReportingYears("[2015, 2020]").json());
        List<Problem> p = AggregationCheck.check(read(ken, tza));
        assertEquals(1, p.size(), p.toString());
        assertEquals(tza.toString(), p.get(0).source());
        assertEquals("zone 'TZA' does not match " + ken + ": here period 'reporting' has land-cover years"
                + " [2015, 2020], SOC years [2015, 2019], productivity years [2004, 2019] and combines [landCover],"
                + " there period 'reporting' has land-cover years [2015, 2019], SOC years [2015, 2019], productivity"
                + " years [2004, 2019] and combines [landCover] (aggregate only reports of the same periods, years"
                + " and inputs)", p.get(0).message());
    }

    @Test
    void anotherSchemaVersionIsCaught() {
        Path old = CountryJson.write(dir, "old.json", KEN.json().replace("\"schemaVersion\": \"1.0\"",
                "\"schemaVersion\": \"0.9\""));
        Report r = readUnchecked(old);
        List<Problem> p = AggregationCheck.check(List.of(new SourcedReport(old.toString(), r)));
        assertEquals(1, p.size());
        assertTrue(p.get(0).toString().startsWith(old + ": report schema version 0.9 is not supported"), p.toString());
    }

    @Test
    void consistentReportsHaveNoProblem() {
        assertEquals(List.of(), AggregationCheck.check(read(KEN.write(dir, "a.json"), TZA.write(dir, "b.json"),
                IDN.write(dir, "c.json"))));
    }

    @Test
    void aBatchReportsTotalMustBeTheSumOfItsZones() {
        EngineReports e = EngineReports.random(3, 3, Map.of());
        ZoneReport wrongTotal = ZoneReportSum.of(Report.TOTAL_ID, "All zones", e.zones().subList(0, 2));
        Report r = new Report(Report.SCHEMA_VERSION, null, null,
                Map.of("zones", Map.of("feature", Map.of("id", "XYZ", "name", "Xyz"))), null, null, null, null,
                e.zones(), wrongTotal);
        List<Problem> p = AggregationCheck.check(List.of(new SourcedReport("xyz.json", r)));
        assertTrue(p.get(0).message().startsWith("the zones' areas add up to"), p.toString());
        Report right = new Report(Report.SCHEMA_VERSION, null, null, r.run(), null, null, null, null, e.zones(),
                e.total());
        assertEquals(List.of(), AggregationCheck.check(List.of(new SourcedReport("xyz.json", right))));
        assertEquals("XYZ", AggregationUnit.of(new SourcedReport("xyz.json", right)).get(0).zone().id());
    }

    private static List<SourcedReport> read(Path... files) {
        List<SourcedReport> out = new ArrayList<>();
        for (Path f : files) {
            out.add(new SourcedReport(f.toString(), ReportJson.read(f)));
        }
        return out;
    }

    /** Reads a report of any schema version (ReportJson.read refuses other versions). */
    private static Report readUnchecked(Path f) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(f.toFile(), Report.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
