package org.ldn.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.AreaSummary;
import org.ldn.core.report.Report.PeriodReport;
import org.ldn.core.report.Report.ZoneReport;

/**
 * comparison.csv gives for each period the figure a country reports (SO1-4.T2): for a reporting period its status
 * against the baseline, not the period's own assessment, which comes in its own, named columns.
 */
class ScenarioComparisonTest {
    @Test
    void reportingPeriodsCompareTheReportedStatus() throws Exception {
        // baseline: 8 of 100 km² degraded; reporting1 on its own: 5 of 100; its status against the baseline: 12 of 100
        AreaSummary base = new AreaSummary(10, 82, 8, 0, 0, 100, 0.08, 0.08, null, null);
        AreaSummary own = new AreaSummary(15, 80, 5, 0, 0, 100, 0.05, 0.05, null, null);
        AreaSummary status = new AreaSummary(8, 80, 12, 0, 0, 100, 0.12, 0.12, null, null);
        PeriodReport b = new PeriodReport("baseline", List.of(2000, 2015), List.of(2000, 2015), List.of(2000, 2015),
                List.of("landCover"), base, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
        PeriodReport r = new PeriodReport("reporting1", List.of(2015, 2019), List.of(2015, 2019),
                List.of(2004, 2019), List.of("landCover"), own, null, null, null, null, null, null, null, null, null,
                null, Map.of(), status, null, new Report.Change(4, 4.0), null, null, null, null);
        ZoneReport z = new ZoneReport("Z", "Zed", 100, null, null, null, List.of(b, r));
        Report report = new Report(Report.SCHEMA_VERSION, null, null, null, null, null, null, null, List.of(z),
                new ZoneReport(Report.TOTAL_ID, "All zones", 100, null, null, null, List.of(b, r)));
        Map<String, Report> variants = new LinkedHashMap<>();
        variants.put("run", report);
        List<String> lines = ScenarioCommand.comparison(variants).lines().toList();
        assertEquals("variant,zone_id,zone_name,period,proportion_degraded_fraction,degraded_km2,soc_degraded_km2,"
                + "land_cover_degraded_km2,net_delta_ldn_km2,ldn_achieved,period_own_proportion_degraded_fraction,"
                + "period_own_degraded_km2", lines.get(0));
        assertEquals("run,Z,Zed,baseline,0.08,8,,,,,0.08,8", lines.get(1));
        assertEquals("run,Z,Zed,reporting1,0.12,12,,,,,0.05,5", lines.get(2));
        assertEquals("run,__total__,All zones,reporting1,0.12,12,,,,,0.05,5", lines.get(4));
    }
}
