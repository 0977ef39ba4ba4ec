package org.ldn.core.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.PeriodReport;
import org.ldn.core.report.Report.ZoneReport;

/**
 * Everything that must hold before reports are summed, each problem listed with the report it came from: the
 * schema version is the one this engine writes; no zone (country) is in two reports; every report has the same
 * periods with the same land-cover, SOC and productivity years, the same land-cover and SOC-stock years and the same
 * tables as the first report; and every zone's tables add up ({@link ZoneReportConsistency}: land + water is the
 * zone's area, classes add up to their totals, proportions are their ratios). A batch report's total must also be
 * the sum of its zones. Stateless.
 */
public final class AggregationCheck {
    private AggregationCheck() {
    }

    /** Every problem of {@code reports}, in report order; empty when they can be summed. */
    public static List<Problem> check(List<SourcedReport> reports) {
        List<Problem> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String refSource = null;
        List<String> refShape = null;
        for (int index = 0; index < reports.size(); index++) {
            SourcedReport r = reports.get(index);
            Report report = r.report();
            if (!Report.SCHEMA_VERSION.equals(report.schemaVersion())) {
                out.add(new Problem(r.source(), "report schema version " + report.schemaVersion()
                        + " is not supported (this engine reads " + Report.SCHEMA_VERSION + "; recompute the report)"));
                continue;
            }
            List<AggregationUnit> units = AggregationUnit.of(r);
            if (units.isEmpty()) {
                out.add(new Problem(r.source(), "the report has no zones"));
                continue;
            }
            if (AggregationUnit.featureId(report) != null && report.zones() != null && report.zones().size() > 1) {
                totalOfZones(r, out);
            }
            boolean shapeReported = false;
            for (AggregationUnit u : units) {
                ZoneReport z = u.zone();
                Integer before = seen.putIfAbsent(z.id(), index);
                if (before != null) {
                    String other = reports.get(before).source();
                    out.add(new Problem(r.source(), "zone '" + z.id() + "' (" + z.name() + ") is "
                            + (before == index ? "twice in this report"
                                    : "also in " + other + (other.equals(r.source()) ? " (the same file given twice)"
                                            : "")) + " (aggregate each zone once: remove one of the reports)"));
                }
                for (String p : ZoneReportConsistency.check(z)) {
                    out.add(new Problem(r.source(), p));
                }
                if (Boolean.TRUE.equals(z.noPixels()) || shapeReported) {
                    continue;
                }
                List<String> shape = shape(z);
                if (refShape == null) {
                    refShape = shape;
                    refSource = r.source();
                } else if (!shape.equals(refShape)) {
                    out.add(new Problem(r.source(), "zone '" + z.id() + "' does not match " + refSource + ": "
                            + firstDifference(shape, refShape) + " (aggregate only reports of the same periods,"
                            + " years and inputs)"));
                    shapeReported = true;
                }
            }
        }
        return out;
    }

    /** A batch report's total must be the sum of its zones (its sub-national units). */
    private static void totalOfZones(SourcedReport r, List<Problem> out) {
        Report report = r.report();
        ZoneReport sum;
        try {
            sum = ZoneReportSum.of("sum", "sum", report.zones());
        } catch (IllegalArgumentException e) {
            out.add(new Problem(r.source(), "its zones cannot be summed: " + e.getMessage()));
            return;
        }
        ZoneReport t = report.total();
        if (t == null || !ZoneReportConsistency.agree(sum.areaKm2(), t.areaKm2())) {
            out.add(new Problem(r.source(), "the zones' areas add up to " + sum.areaKm2() + " km² but the total's"
                    + " area is " + (t == null ? "absent" : t.areaKm2() + " km²")));
            return;
        }
        if (sum.periods() == null || t.periods() == null || sum.periods().size() != t.periods().size()) {
            return;
        }
        for (int p = 0; p < t.periods().size(); p++) {
            PeriodReport a = sum.periods().get(p);
            PeriodReport b = t.periods().get(p);
            if (a.sdg() != null && b.sdg() != null
                    && (!ZoneReportConsistency.agree(a.sdg().degradedKm2(), b.sdg().degradedKm2())
                    || !ZoneReportConsistency.agree(a.sdg().landAreaKm2(), b.sdg().landAreaKm2()))) {
                out.add(new Problem(r.source(), "period '" + b.name() + "': the zones' degraded and land areas add"
                        + " up to " + a.sdg().degradedKm2() + " and " + a.sdg().landAreaKm2() + " km² but the total"
                        + " has " + b.sdg().degradedKm2() + " and " + b.sdg().landAreaKm2() + " km²"));
            }
        }
    }

    /** What two zone reports must share to be summed, as readable lines. */
    static List<String> shape(ZoneReport z) {
        List<String> s = new ArrayList<>();
        List<PeriodReport> ps = z.periods() == null ? List.of() : z.periods();
        s.add("periods " + ps.stream().map(PeriodReport::name).toList());
        for (PeriodReport p : ps) {
            s.add("period '" + p.name() + "' has land-cover years " + p.landCoverYears() + ", SOC years "
                    + p.socYears() + ", productivity years " + p.productivityYears() + " and combines "
                    + p.combinedFrom());
        }
        s.add("land-cover maps of " + (z.landCoverClassKm2() == null ? "no year"
                : new TreeMap<>(z.landCoverClassKm2()).keySet()));
        s.add("SOC stocks of " + (z.socStockTonnes() == null ? "no year" : new TreeMap<>(z.socStockTonnes()).keySet()));
        for (PeriodReport p : ps) {
            List<String> tables = new ArrayList<>();
            add(tables, "lpdClassKm2", p.lpdClassKm2());
            add(tables, "lpdByLandCoverKm2", p.lpdByLandCoverKm2());
            add(tables, "lcTransitionKm2", p.lcTransitionKm2());
            add(tables, "population", p.population());
            add(tables, "status", p.status7Km2());
            add(tables, "statusLandCover", p.statusLandCover());
            add(tables, "statusProductivity", p.statusProductivity());
            add(tables, "statusSoc", p.statusSoc());
            add(tables, "ldnByLandType", p.ldnByLandType());
            s.add("period '" + p.name() + "' has the tables " + tables);
        }
        return s;
    }

    private static void add(List<String> tables, String name, Object table) {
        if (table != null) {
            tables.add(name);
        }
    }

    private static String firstDifference(List<String> here, List<String> there) {
        for (int i = 0; i < Math.min(here.size(), there.size()); i++) {
            if (!here.get(i).equals(there.get(i))) {
                return "here " + here.get(i) + ", there " + there.get(i);
            }
        }
        return "here " + here.size() + " items, there " + there.size();
    }
}
