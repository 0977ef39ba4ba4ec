package org.ldn.core.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.AreaSummary;
import org.ldn.core.report.Report.PeriodReport;
import org.ldn.core.report.Report.SocStock;
import org.ldn.core.report.Report.ZoneReport;

class UnccdTablesTest {

    /** One zone: land cover 2000 and 2015, SOC 2010 (classed by the 2000 map) and 2015, one baseline period. */
    static ZoneReport zone(double socNoData) {
        Map<String, Map<String, Double>> lc = Map.of(
                "2000", Map.of("1", 60.0, "2", 30.0, "3", 5.0, "4", 0.0, "5", 0.0, "6", 0.0, "7", 5.0, "nodata", 0.0),
                "2015", Map.of("1", 50.0, "2", 35.0, "3", 10.0, "4", 0.0, "5", 0.0, "6", 0.0, "7", 5.0, "nodata", 0.0));
        Map<String, Double> byClass2010 = Map.of("1", 600_000.0, "2", 150_000.0, "3", 20_000.0, "4", 0.0, "5", 0.0,
                "6", 0.0, "7", 0.0);
        Map<String, SocStock> soc = Map.of("2010", new SocStock(770_000.0, byClass2010, socNoData));
        AreaSummary sdg = new AreaSummary(5, 80, 8, 2, 5, 95, 8.0 / 95, 8.0 / 93, 100.0, 8.0 / 100);
        PeriodReport p = new PeriodReport("baseline", List.of(2000, 2015), List.of(2010, 2015), List.of(2000, 2015),
                List.of("landCover"), sdg, sdg, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
        return new ZoneReport("Z", "Zed", 100, null, lc, soc, List.of(p));
    }

    static Report report(ZoneReport z) {
        return new Report(Report.SCHEMA_VERSION, null, null, null, null, null, null, null, List.of(z), z);
    }

    static ReportingTable table(List<ReportingTable> ts, String id) {
        return ts.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    static Object cell(ReportingTable t, int row, String key) {
        for (int c = 0; c < t.columns().size(); c++) {
            if (t.columns().get(c).key().equals(key)) {
                return t.rows().get(row).get(c);
            }
        }
        throw new AssertionError("no column " + key + " in " + t.id());
    }

    @Test
    void meanSocStockPerHectareUsesTheLandCoverOfTheLatestYearNotAfterTheStock() {
        ReportingTable soc = table(UnccdTables.of(report(zone(0))), "SO1-3.T1");
        // 2010 stocks are classed by the 2000 map: tree-covered 600,000 t over 60 km² = 6,000 ha → 100 t/ha
        assertEquals("Tree-covered areas", cell(soc, 0, "land_cover_class"));
        assertEquals(600_000.0, cell(soc, 0, "soc_stock_t"));
        assertEquals(60.0, cell(soc, 0, "area_km2"));
        assertEquals(100.0, cell(soc, 0, "mean_soc_stock_t_per_ha"));
        assertEquals(50.0, cell(soc, 1, "mean_soc_stock_t_per_ha"), "150,000 t over 3,000 ha");
        assertNull(cell(soc, 3, "mean_soc_stock_t_per_ha"), "no wetland: no mean");
        assertEquals("Total", cell(soc, 7, "land_cover_class"));
        assertEquals(770_000.0, cell(soc, 7, "soc_stock_t"));
    }

    @Test
    void noMeanWhenSomePixelsLackAStock() {
        ReportingTable soc = table(UnccdTables.of(report(zone(1.5))), "SO1-3.T1");
        assertNull(cell(soc, 0, "mean_soc_stock_t_per_ha"), "which class the 1.5 km² without stock are is unknown");
        assertEquals(1.5, cell(soc, 8, "area_km2"));
    }

    /** Blank class means are explained; the total row's mean is over the area with a stock, which is known. */
    @Test
    void blankMeansAreExplainedAndTheTotalMeanIsOverTheAreaWithAStock() {
        ReportingTable soc = table(UnccdTables.of(report(zone(1.5))), "SO1-3.T1");
        assertEquals("Total", cell(soc, 7, "land_cover_class"));
        assertEquals(100.0, cell(soc, 7, "area_km2"), "the zone's area");
        // 770,000 t over (100 - 1.5) km² = 9,850 ha
        assertEquals(770_000.0 / 9_850, (Double) cell(soc, 7, "mean_soc_stock_t_per_ha"), 1e-12);
        assertEquals(1, soc.notes().size());
        assertTrue(soc.notes().get(0).startsWith("Mean SOC stock per class is blank where some pixels"),
                soc.notes().get(0));
        ReportingTable exact = table(UnccdTables.of(report(zone(0))), "SO1-3.T1");
        assertEquals(List.of(), exact.notes(), "nothing blank, nothing to explain");
        assertEquals(770_000.0 / 10_000, (Double) cell(exact, 7, "mean_soc_stock_t_per_ha"), 1e-12);
        assertTrue(ReportingTablesJson.toJson("r", List.of(soc)).contains("\"notes\" : [ \"Mean SOC stock"));
    }

    @Test
    void classLabelsAreTheUnccdNames() {
        assertEquals("Grassland", ClassLabels.landCover("2"));
        assertEquals("Water bodies", ClassLabels.landCover("7"));
        assertEquals("No data", ClassLabels.landCover("nodata"));
        assertNull(ClassLabels.landCover("8"), "no name is invented");
        assertEquals("Declining", ClassLabels.lpd("1"));
        assertEquals("Increasing", ClassLabels.lpd("5"));
        assertEquals("Persistent degradation", ClassLabels.status("1"));
        assertEquals("Persistent improvement", ClassLabels.status("7"));
        assertEquals("Water bodies", ClassLabels.status("water"));
    }

    @Test
    void landCoverProportionsAndNationalArea() {
        List<ReportingTable> ts = UnccdTables.of(report(zone(0)));
        assertEquals(List.of("CP-1.T1", "SO1-1.T4", "SO1-1.T7", "SO1-3.T1", "SO1-4.T2"),
                ts.stream().map(ReportingTable::id).toList(), "tables the report cannot fill are left out");
        ReportingTable lc = table(ts, "SO1-1.T4");
        assertEquals(2, lc.rows().size(), "one zone: no separate total row");
        assertEquals(2015, cell(lc, 1, "year"));
        assertEquals(35.0, cell(lc, 1, "grassland_km2"));
        assertEquals(100.0, cell(lc, 1, "total_km2"));
        assertEquals("Tree-covered areas (km²)", lc.columns().get(3).label());
        ReportingTable t7 = table(ts, "SO1-1.T7");
        assertEquals(100 * (8.0 / 95), cell(t7, 0, "degraded_pct_of_land"));
        ReportingTable t2 = table(ts, "SO1-4.T2");
        assertEquals(100 * (8.0 / 95), cell(t2, 0, "proportion_degraded_pct"));
        assertEquals(8.0, cell(t2, 0, "proportion_of_national_land_area_pct"));
        assertEquals(100.0, cell(t2, 0, "national_land_area_km2"));
        assertTrue(t2.columns().stream().anyMatch(c -> c.label().equals(
                "Change in the proportion since the baseline (percentage points)")));
    }
}
