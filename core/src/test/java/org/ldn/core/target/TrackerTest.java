package org.ldn.core.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.InputException;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.AreaSummary;
import org.ldn.core.report.Report.LandTypeBalance;
import org.ldn.core.report.Report.PeriodReport;

/** Tracking on hand-built reports whose right answers are worked out in the comments. */
class TrackerTest {
    private static final Report.GridInfo GRID = new Report.GridInfo("EPSG:4326", 10, 10, List.of(0.0, 1.0, 0.0, 0.0, 0.0, -1.0));

    /** Land area 1000 km²: the baseline 2000→2015 has {@code baseDegraded} km² degraded. */
    static PeriodReport baseline(double baseDegraded) {
        AreaSummary sdg = summary(baseDegraded, 1000);
        Map<String, Map<String, Double>> tr = transitions(0);
        return new PeriodReport("baseline", List.of(2000, 2015), List.of(2000, 2015), List.of(2000, 2015), null, sdg,
                null, null, null, null, null, tr, null, null, null, null, null, null, null, null, null);
    }

    /** A reporting period ending in {@code end}: status-3 degraded area, forest → cropland km², and land types. */
    static PeriodReport reporting(String name, int end, double degraded, double forestToCrop,
            Map<String, LandTypeBalance> types) {
        boolean all = types.values().stream().allMatch(LandTypeBalance::achieved);
        return new PeriodReport(name, List.of(2015, end), List.of(2015, end), List.of(end - 15, end), null,
                summary(degraded, 1000), null, null, null, null, null, transitions(forestToCrop), null, null,
                summary(degraded, 1000), null, null, null, null, null, new Report.LdnByLandType(types, all));
    }

    static AreaSummary summary(double degraded, double land) {
        return new AreaSummary(0, land - degraded, degraded, 0, 0, land, degraded / land, degraded / land, null, null);
    }

    static Map<String, Map<String, Double>> transitions(double forestToCrop) {
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        for (String a : List.of("1", "2", "3", "4", "5", "6", "7", "nodata")) {
            Map<String, Double> row = new LinkedHashMap<>();
            for (String b : List.of("1", "2", "3", "4", "5", "6", "7", "nodata")) {
                row.put(b, a.equals("1") && b.equals("3") ? forestToCrop : 0.0);
            }
            m.put(a, row);
        }
        return m;
    }

    static LandTypeBalance balance(double gains, double losses) {
        return new LandTypeBalance(gains, losses, gains - losses, gains >= losses);
    }

    static Tracker.Source source(String file, PeriodReport... periods) {
        Report.ZoneReport total = new Report.ZoneReport(Report.TOTAL_ID, "All", 1000, null, null, null, List.of(periods));
        Report.ZoneReport ke30 = new Report.ZoneReport("KE-30", "Zone 30", 1000, null, null, null, List.of(periods));
        Report r = new Report("1.0", new Report.Engine("ldn-engine", "test"), "2026-01-01T00:00:00Z", Map.of(), Map.of(),
                List.of(), GRID, null, List.of(ke30), total);
        return new Tracker.Source(Path.of(file), r);
    }

    static Target target(String id, Metric m, Goal g, Unit u, Integer landType) {
        return new Target(id, m, null, landType, null, m == Metric.CONVERSION_RATE ? 1 : null,
                m == Metric.CONVERSION_RATE ? 3 : null, 2015, 2030, g, u);
    }

    @Test
    void netLdnIsLikeForLikeANationalGainDoesNotHideALossInOneType() {
        // 2019: type 1 loses 50 (gains 10, losses 60); type 2 gains 200 → national net +150 but type 1 is negative.
        Map<String, LandTypeBalance> types = new LinkedHashMap<>();
        types.put("1", balance(10, 60));
        types.put("2", balance(200, 0));
        Tracker tr = new Tracker(List.of(source("r.json", baseline(100), reporting("r1", 2019, 120, 8, types))));
        Tracking t = tr.track(target("ldn", Metric.NET_LDN, new Goal.NoNetLoss(), Unit.KM2, null));
        assertEquals(150, t.observations().get(0).value(), 1e-12, "net over all types");
        assertFalse(t.onTrack(), "type 1 projects 0 → −50 over 4 years → −187.5 in 2030");
        assertEquals(-50.0 / 4 * 15, t.byLandType().get("1").projection().valueAtTargetYear(), 1e-9);
        assertTrue(t.byLandType().get("2").onTrack());
        assertEquals(50, t.gap(), 1e-12, "type 1 is 50 km² short of no net loss");
        assertEquals("off track", t.status());
    }

    @Test
    void proportionDegradedProjectionPathAndGap() {
        // baseline 2015: 10 % degraded; 2019: 12 %; 2023: 11 %. Goal: at most 8 % in 2030 (percent).
        // Path: 10 → 8 over 15 years: 2019 → 9.4667, 2023 → 8.9333.
        // OLS through (2015, 10), (2019, 12), (2023, 11): slope = Σ(x−x̄)(y−ȳ)/Σ(x−x̄)² = (−4·−1 + 0 + 4·0)/(32) = 0.125,
        // mean 11 at 2019 → 2030: 11 + 0.125·11 = 12.375 → off track; gap 11 − 8 = 3 points.
        Tracker tr = new Tracker(List.of(source("a.json", baseline(100), reporting("r1", 2019, 120, 0, Map.of())),
                source("b.json", baseline(100), reporting("r1", 2019, 120, 0, Map.of()),
                        reporting("r2", 2023, 110, 0, Map.of()))));
        Tracking t = tr.track(target("pd", Metric.PROPORTION_DEGRADED, new Goal.AtMost(8), Unit.PERCENT, null));
        assertEquals(new Tracking.Point(2015, 10), t.baseline());
        assertEquals(2, t.observations().size(), "r1 appears in both reports once");
        assertEquals(12, t.observations().get(0).value(), 1e-12);
        assertEquals(10 - 2 * 4 / 15.0, t.observations().get(0).pathValue(), 1e-12);
        assertFalse(t.observations().get(0).onPath());
        assertEquals(0.125, t.projection().slopePerYear(), 1e-12);
        assertEquals(12.375, t.projection().valueAtTargetYear(), 1e-9);
        assertFalse(t.onTrack());
        assertEquals(3, t.gap(), 1e-12);
    }

    @Test
    void conversionRatePerYearInHectares() {
        // forest → cropland: 8 km² over 2015–2019 = 2 km²/yr = 200 ha/yr; baseline 0 over 15 years. Goal ≤ 250 ha/yr:
        // trend from 0 (2015) to 200 (2019): 50 ha/yr² → 750 in 2030 → off track; the latest value meets it (gap 0).
        Tracker tr = new Tracker(List.of(source("r.json", baseline(100), reporting("r1", 2019, 100, 8, Map.of()))));
        Tracking t = tr.track(target("forest", Metric.CONVERSION_RATE, new Goal.PerYear(250), Unit.HA, null));
        assertEquals(200, t.observations().get(0).value(), 1e-9);
        assertTrue(t.observations().get(0).onPath());
        assertEquals(750, t.projection().valueAtTargetYear(), 1e-6);
        assertFalse(t.onTrack());
        assertEquals(0, t.gap());
    }

    @Test
    void improvedAreaOfOneLandTypeAtLeast() {
        // type 2 gains 30 km² by 2019 = 3000 ha; from 0 in 2015: 750 ha/yr → 11250 ha in 2030 ≥ 9000 → on track;
        // the remaining gap is 9000 − 3000 = 6000 ha.
        Map<String, LandTypeBalance> types = Map.of("2", balance(30, 5), "3", balance(100, 0));
        Tracker tr = new Tracker(List.of(source("r.json", baseline(100), reporting("r1", 2019, 100, 0, types))));
        Tracking t = tr.track(target("restore", Metric.IMPROVED_AREA, new Goal.AtLeast(9000), Unit.HA, 2));
        assertEquals(3000, t.observations().get(0).value(), 1e-9);
        assertEquals(11250, t.projection().valueAtTargetYear(), 1e-6);
        assertTrue(t.onTrack());
        assertEquals(6000, t.gap(), 1e-9);
    }

    @Test
    void onlyABaselineGivesNoVerdict() {
        Tracker tr = new Tracker(List.of(source("r.json", baseline(100))));
        Tracking t = tr.track(target("pd", Metric.DEGRADED_AREA, new Goal.Change(-20), Unit.KM2, null));
        assertNull(t.onTrack());
        assertEquals("no observation yet", t.status());
        assertEquals(80, t.goalValue());
    }

    @Test
    void inconsistentInputsAreErrors() {
        Tracker.Source a = source("a.json", baseline(100), reporting("r1", 2019, 120, 0, Map.of()));
        Report r = a.report();
        Report otherGrid = new Report(r.schemaVersion(), r.engine(), r.createdAt(), r.run(), r.parameters(), r.inputs(),
                new Report.GridInfo("EPSG:4326", 11, 10, GRID.geoTransform()), null, r.zones(), r.total());
        InputException e = assertThrows(InputException.class,
                () -> new Tracker(List.of(a, new Tracker.Source(Path.of("b.json"), otherGrid))));
        assertEquals("b.json: its grid differs from a.json's; reports tracked together must come from runs on the same"
                + " grid", e.getMessage());
        Tracker tr = new Tracker(List.of(a));
        Target unknownZone = new Target("z", Metric.DEGRADED_AREA, "KE-99", null, null, null, null, null, 2030,
                new Goal.AtMost(1), Unit.KM2);
        assertEquals("a.json: unknown zone 'KE-99' (target z; zones: KE-30)",
                assertThrows(InputException.class, () -> tr.track(List.of(unknownZone))).getMessage());
        Target wrongYear = new Target("y", Metric.DEGRADED_AREA, null, null, null, null, null, 2010, 2030,
                new Goal.AtMost(1), Unit.KM2);
        assertEquals("target y: inconsistent years: baselineYear 2010 but the reports' baseline period baseline ends"
                + " in 2015", assertThrows(InputException.class, () -> tr.track(List.of(wrongYear))).getMessage());
        List<Tracker.Source> disagree = new ArrayList<>(List.of(a,
                source("c.json", baseline(100), reporting("r1", 2019, 130, 0, Map.of()))));
        assertTrue(assertThrows(InputException.class, () -> new Tracker(disagree).track(List.of(target("pd",
                Metric.DEGRADED_AREA, new Goal.AtMost(1), Unit.KM2, null)))).getMessage()
                .startsWith("c.json: period r1 disagrees with the same period in another report"));
    }

    @Test
    void targetsFileParsesTheDocumentedExample(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("targets.yaml");
        Files.writeString(f, """
                targets:
                  - {id: national-ldn, level: national, metric: netLdn, goal: noNetLoss, baselineYear: 2015, targetYear: 2030}
                  - {id: forest-loss, zone: KE-30, metric: conversionRate, from: 1, to: 3, goal: {perYear: 4}, unit: km2,
                     baselineYear: 2015, targetYear: 2030}
                  - {id: restore, metric: improvedArea, landType: 2, goal: {atLeast: 9000}, unit: ha, targetYear: 2030}
                """);
        List<Target> t = TargetFiles.read(f);
        assertEquals(3, t.size());
        assertEquals(new Goal.PerYear(4), t.get(1).goal());
        assertEquals("KE-30", t.get(1).zone());
        assertEquals(Unit.HA, t.get(2).unit());
        Files.writeString(f, "targets:\n  - {id: x, metric: greenness, goal: noNetLoss, targetYear: 2030}\n");
        assertEquals(f + ": targets[0] (x): unknown metric 'greenness' (known: proportionDegraded, degradedArea, netLdn,"
                + " improvedArea, landCoverArea, conversionRate, lpdClassArea, socStock)",
                assertThrows(InputException.class, () -> TargetFiles.read(f)).getMessage());
    }

    @Test
    void aShareGoalBelowOneWithoutAUnitIsReadAsPercentWithAWarning(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("targets.yaml");
        Files.writeString(f, """
                targets:
                  - {id: pd, metric: proportionDegraded, goal: {atMost: 0.2}, targetYear: 2030}
                  - {id: pd-explicit, metric: proportionDegraded, goal: {atMost: 0.2}, unit: percent, targetYear: 2030}
                  - {id: pd-proportion, metric: proportionDegraded, goal: {atMost: 0.2}, unit: proportion, targetYear: 2030}
                  - {id: pd-20, metric: proportionDegraded, goal: {atMost: 20}, targetYear: 2030}
                """);
        List<String> warnings = new java.util.ArrayList<>();
        List<Target> t = TargetFiles.read(f, warnings);
        assertEquals(Unit.PERCENT, t.get(0).unit());
        assertEquals(List.of(f + ": targets[0] (pd): goal 0.2 is read as 0.2 % (no unit: key; the default unit of"
                + " proportionDegraded is percent); if you meant 20 %, add unit: proportion (or write 20)"), warnings,
                "only the target without a unit: key and a value below 1 is warned about");
    }
}
