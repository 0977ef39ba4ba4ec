package org.ldn.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.AreaSummary;
import org.ldn.core.report.Report.Change;
import org.ldn.core.report.Report.LandTypeBalance;
import org.ldn.core.report.Report.LdnByLandType;
import org.ldn.core.report.Report.PeriodReport;
import org.ldn.core.report.Report.Population;
import org.ldn.core.report.Report.ZoneReport;

class ZoneReportSumTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The engine's total comes from exact tallies: a second method for the sum of its zones. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void sumOfTheZonesIsTheEnginesTotal(long seed) {
        EngineReports r = EngineReports.random(seed, 4, Map.of());
        ZoneReport sum = ZoneReportSum.of(Report.TOTAL_ID, "All zones", r.zones());
        assertClose(JSON.valueToTree(r.total()), JSON.valueToTree(sum), 1e-12, "total");
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 6, 7})
    void theOrderOfThePartsDoesNotChangeABit(long seed) {
        List<ZoneReport> zones = new ArrayList<>(EngineReports.random(seed, 6, Map.of()).zones());
        ZoneReport inOrder = ZoneReportSum.of("r", "region", zones);
        Collections.shuffle(zones, new Random(seed));
        assertEquals(inOrder, ZoneReportSum.of("r", "region", zones));
    }

    @ParameterizedTest
    @ValueSource(longs = {8, 9})
    void realReportsAndTheirSumsAddUp(long seed) {
        EngineReports r = EngineReports.random(seed, 3, Map.of("Z0", 500.0, "Z1", 800.0, "Z2", 900.0));
        for (ZoneReport z : r.zones()) {
            assertEquals(List.of(), ZoneReportConsistency.check(z), z.id());
        }
        assertEquals(List.of(), ZoneReportConsistency.check(r.total()));
        ZoneReport sum = ZoneReportSum.of("r", "region", r.zones());
        assertEquals(List.of(), ZoneReportConsistency.check(sum));
        assertEquals(2200.0, sum.periods().get(0).sdg().nationalLandAreaKm2());
    }

    @Test
    void aSinglePartIsItself() {
        ZoneReport z = EngineReports.random(10, 2, Map.of()).zones().get(1);
        ZoneReport one = ZoneReportSum.of(z.id(), z.name(), List.of(z));
        assertEquals(z.areaKm2(), one.areaKm2());
        assertEquals(z.landCoverClassKm2(), one.landCoverClassKm2());
        assertEquals(z.periods().get(1).status7Km2(), one.periods().get(1).status7Km2());
        assertClose(JSON.valueToTree(z), JSON.valueToTree(one), 1e-15, "zone");
    }

    /** Two hand-made zones; every expected figure is worked out in the comments. */
    @Test
    void handMadeZonesSumToTheFiguresWorkedOutByHand() {
        ZoneReport a = zone("A", 100, summary(10, 60, 20, 5, 5, 95.0), summary(20, 50, 22, 3, 5, null),
                new Population(100, 200, 300, 50, 10, 660, 300.0 / 650, null, null), balance(5, 2));
        ZoneReport b = zone("B", 50, summary(4, 30, 10, 4, 2, null), summary(6, 28, 12, 2, 2, null),
                new Population(10, 20, 30, 5, 1, 66, 30.0 / 65, null, null), balance(1, 6));
        ZoneReport s = ZoneReportSum.plus("AB", "A and B", a, b);
        assertEquals(150.0, s.areaKm2());
        AreaSummary base = s.periods().get(0).sdg();
        // improved 14, stable 90, degraded 30, nodata 9, water 7, land 143
        assertEquals(List.of(14.0, 90.0, 30.0, 9.0, 7.0, 143.0), List.of(base.improvedKm2(), base.stableKm2(),
                base.degradedKm2(), base.noDataKm2(), base.waterKm2(), base.landAreaKm2()));
        assertEquals(30.0 / 143, base.proportionDegraded());
        assertEquals(30.0 / 134, base.proportionDegradedOfValid());
        // the mean of the two proportions would be (20/95 + 10/48) / 2 = 0.2094..., not 30/143 = 0.2098...
        assertFalse(Math.abs(base.proportionDegraded() - (20.0 / 95 + 10.0 / 48) / 2) < 1e-4);
        assertNull(base.nationalLandAreaKm2(), "B has no national land area, so the sum has none");
        PeriodReport rep = s.periods().get(1);
        // status degraded 22 + 12 = 34 against the baseline's 30: +4 km², 100 * (34 − 30) / 143 points
        assertEquals(34.0, rep.status3().degradedKm2());
        assertEquals(4.0, rep.change().degradedKm2());
        assertEquals(100 * (34.0 / 143 - 30.0 / 143), rep.change().percentagePoints(), 1e-12);
        // population on land = improved + stable + degraded + nodata = 110 + 220 + 330 + 55 = 715
        assertEquals(330.0, rep.population().degraded());
        assertEquals(330.0 / 715, rep.population().shareOnDegraded());
        // land type 1: gains 5 + 1 = 6, losses 2 + 6 = 8: not achieved, though A alone achieved it
        LandTypeBalance t1 = rep.ldnByLandType().types().get("1");
        assertEquals(new LandTypeBalance(6, 8, -2, false), t1);
        assertFalse(rep.ldnByLandType().achieved());
        assertTrue(a.periods().get(1).ldnByLandType().achieved());
    }

    @Test
    void zonesWithoutPixelsAddNothing() {
        ZoneReport a = zone("A", 100, summary(10, 60, 20, 5, 5, null), summary(20, 50, 22, 3, 5, null), null, null);
        ZoneReport none = new ZoneReport("N", "none", 0.0, Boolean.TRUE, null, null, null);
        ZoneReport s = ZoneReportSum.of("s", "s", List.of(none, a));
        assertEquals(ZoneReportSum.of("s", "s", List.of(a)), s);
        assertEquals(Boolean.TRUE, ZoneReportSum.of("s", "s", List.of(none)).noPixels());
    }

    @Test
    void partsWithOtherYearsCannotBeSummed() {
        ZoneReport a = zone("A", 100, summary(10, 60, 20, 5, 5, null), summary(20, 50, 22, 3, 5, null), null, null);
        ZoneReport b = a;
        List<PeriodReport> ps = new ArrayList<>(b.periods());
        PeriodReport p = ps.get(1);
        ps.set(1, new PeriodReport(p.name(), List.of(2015, 2020), p.socYears(), p.productivityYears(),
                p.combinedFrom(), p.sdg(), null, null, null, null, null, null, null, null, p.status3(), null,
                p.change(), null, null, null, null));
        ZoneReport c = new ZoneReport("C", "C", 100, null, null, null, ps);
        assertThrows(IllegalArgumentException.class, () -> ZoneReportSum.plus("x", "x", a, c));
    }

    static AreaSummary summary(double improved, double stable, double degraded, double nodata, double water,
            Double national) {
        double land = improved + stable + degraded + nodata;
        return new AreaSummary(improved, stable, degraded, nodata, water, land, degraded / land,
                degraded / (improved + stable + degraded), national, national == null ? null : degraded / national);
    }

    private static LdnByLandType balance(double gains, double losses) {
        return new LdnByLandType(Map.of("1", new LandTypeBalance(gains, losses, gains - losses, gains >= losses)),
                gains >= losses);
    }

    /** A zone with a baseline (sdg only) and a reporting period (sdg = its status3, and the change). */
    static ZoneReport zone(String id, double area, AreaSummary baseline, AreaSummary status3, Population pop,
            LdnByLandType ldn) {
        PeriodReport p0 = new PeriodReport("baseline", List.of(2000, 2015), List.of(2000, 2015), List.of(2000, 2015),
                List.of("landCover"), baseline, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
        Change change = new Change(status3.degradedKm2() - baseline.degradedKm2(),
                100 * (status3.proportionDegraded() - baseline.proportionDegraded()));
        PeriodReport p1 = new PeriodReport("reporting", List.of(2015, 2019), List.of(2015, 2019), List.of(2004, 2019),
                List.of("landCover"), status3, null, null, null, null, null, null, pop, null, status3, null, change,
                null, null, null, ldn);
        return new ZoneReport(id, id, area, null, null, null, List.of(p0, p1));
    }

    /** Equal JSON trees, numbers within {@code rel} of each other (relative to the larger, or absolute below 1). */
    static void assertClose(JsonNode expected, JsonNode actual, double rel, String path) {
        if (expected.isNumber() && actual.isNumber()) {
            double e = expected.doubleValue();
            double a = actual.doubleValue();
            if (Math.abs(e - a) > rel * Math.max(1, Math.max(Math.abs(e), Math.abs(a)))) {
                fail(path + ": expected " + e + " but was " + a);
            }
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Map<String, JsonNode> e = fields(expected);
            Map<String, JsonNode> a = fields(actual);
            assertEquals(e.keySet(), a.keySet(), path);
            e.forEach((k, v) -> assertClose(v, a.get(k), rel, path + "." + k));
            return;
        }
        if (expected.isArray() && actual.isArray()) {
            assertEquals(expected.size(), actual.size(), path);
            for (int i = 0; i < expected.size(); i++) {
                assertClose(expected.get(i), actual.get(i), rel, path + "[" + i + "]");
            }
            return;
        }
        assertEquals(expected, actual, path);
    }

    private static Map<String, JsonNode> fields(JsonNode n) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNull()) {
                m.put(e.getKey(), e.getValue());
            }
        }
        return m;
    }
}
