package org.ldn.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ldn.core.accounting.AreaScale;
import org.ldn.core.accounting.ZoneTally;
import org.ldn.core.correction.Correction;
import org.ldn.core.correction.Corrections;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.AreaSummary;
import org.ldn.core.report.Report.Change;
import org.ldn.core.report.Report.PeriodReport;
import org.ldn.core.report.Report.StatusReport;
import org.ldn.core.report.Report.ZoneReport;
import org.ldn.core.zone.ZoneSource;

/**
 * Turns a run's tallies into the zone reports of REPORT.md: every figure is an exact sum of tallied pixel areas,
 * rounded once to a double, so two runs of the same inputs give identical figures.
 */
public final class ReportTables {
    private static final String[] LC_LABELS = {"1", "2", "3", "4", "5", "6", "7", "nodata"};
    private static final String[] LPD_LABELS = {"1", "2", "3", "4", "5", "nodata", "water"};
    private static final String[] STATUS_LABELS = {"1", "2", "3", "4", "5", "6", "7", "nodata", "water"};
    private static final String[] CROSS_LABELS = {"-1", "0", "1", "nodata"};
    private static final SubIndicator[] SUBS = SubIndicator.values();

    private final EngineResult result;
    private final ZoneTally t;
    private final AreaScale scale;
    private final TallyLayout layout;
    private final EngineInputs in;
    private final Map<String, Double> nationalLandAreaKm2;

    /** @param nationalLandAreaKm2 zone id → the national statistics office's land area, overriding denominators */
    public ReportTables(EngineResult result, Map<String, Double> nationalLandAreaKm2) {
        this.result = result;
        this.t = result.tally();
        this.scale = result.scale();
        this.layout = result.layout();
        this.in = result.inputs();
        this.nationalLandAreaKm2 = nationalLandAreaKm2 == null ? Map.of() : nationalLandAreaKm2;
    }

    /** One report per zone, in the zone source's order. */
    public List<ZoneReport> zones() {
        ZoneSource zs = in.zones();
        List<ZoneReport> out = new ArrayList<>();
        for (int z = 0; z < zs.zoneCount(); z++) {
            out.add(zone(z, zs.id(z), zs.name(z)));
        }
        return out;
    }

    /** All zones together. */
    public ZoneReport total() {
        return zone(-1, Report.TOTAL_ID, "All zones");
    }

    /**
     * The correction polygons in file order, each with its area by class before the correction in every period it
     * applies to (all zones together), or {@code null} when the run has no corrections.
     */
    public List<Report.CorrectionReport> corrections() {
        Corrections cs = in.corrections();
        if (cs == null) {
            return null;
        }
        String[] labels = {"improved", "stable", "degraded", "nodata", "water"};
        List<Report.CorrectionReport> out = new ArrayList<>();
        for (int c = 0; c < cs.size(); c++) {
            Correction x = cs.list().get(c);
            int imposedKey = TallyLayout.classKey(x.imposed());
            List<Report.CorrectionPeriod> periods = new ArrayList<>();
            for (int p = 0; p < in.periods().size(); p++) {
                if (!cs.appliesIn(c, p)) {
                    continue;
                }
                Map<String, Double> from = new LinkedHashMap<>();
                int[] changed = new int[3];
                for (int k = 0, m = 0; k < labels.length; k++) {
                    from.put(labels[k], t.areaKm2(-1, layout.correction(c, p, k), scale));
                    if (k != imposedKey && k != 4) {
                        changed[m++] = layout.correction(c, p, k);
                    }
                }
                periods.add(new Report.CorrectionPeriod(in.periods().get(p).name(), from,
                        t.areaKm2(-1, changed, scale)));
            }
            out.add(new Report.CorrectionReport(x.id(), x.indicator().key(),
                    Correction.className(x.imposed()), x.reason(), periods));
        }
        return out;
    }

    /** True when zone {@code z} covers at least one pixel of the reference grid. */
    public boolean covered(int z) {
        return t.any(z, TallyLayout.ZONE_AREA);
    }

    private ZoneReport zone(int z, String id, String name) {
        double area = t.areaKm2(z, TallyLayout.ZONE_AREA, scale);
        if (z >= 0 && !covered(z)) {
            return new ZoneReport(id, name, 0.0, Boolean.TRUE, null, null, null);
        }
        Map<String, Map<String, Double>> lcAreas = null;
        if (!result.landCoverYears().isEmpty()) {
            lcAreas = new LinkedHashMap<>();
            for (int j = 0; j < result.landCoverYears().size(); j++) {
                lcAreas.put(String.valueOf(result.landCoverYears().get(j)),
                        labelled(LC_LABELS, z, layout.landCover(j)));
            }
        }
        Map<String, Report.SocStock> stocks = null;
        if (!result.socYears().isEmpty()) {
            stocks = new LinkedHashMap<>();
            for (int k = 0; k < result.socYears().size(); k++) {
                Map<String, Double> byClass = new LinkedHashMap<>();
                int[] all = new int[TallyLayout.SOC_VALUE_KEYS];
                for (int c = 0; c < TallyLayout.SOC_VALUE_KEYS; c++) {
                    all[c] = layout.socValue(k, c);
                    if (c < 7) {
                        byClass.put(String.valueOf(c + 1), tonnes(t.value(z, layout.socValue(k, c), true, scale)));
                    }
                }
                stocks.put(String.valueOf(result.socYears().get(k)), new Report.SocStock(
                        tonnes(t.value(z, all, true, scale)), byClass, t.areaKm2(z, layout.socNoData(k), scale)));
            }
        }
        List<PeriodReport> periods = new ArrayList<>();
        Double national = z >= 0 ? nationalLandAreaKm2.get(id) : sumNational();
        for (int p = 0; p < in.periods().size(); p++) {
            periods.add(period(z, p, national));
        }
        return new ZoneReport(id, name, area, null, lcAreas, stocks, periods, landAreaByYear(z, national));
    }

    /** CP-1.T1 per land-cover year: total, water (class 7) and land (classes 1–6 and nodata), each summed once. */
    private Map<String, Report.LandArea> landAreaByYear(int z, Double national) {
        if (result.landCoverYears().isEmpty()) {
            return null;
        }
        Map<String, Report.LandArea> out = new LinkedHashMap<>();
        for (int j = 0; j < result.landCoverYears().size(); j++) {
            int first = layout.landCover(j);
            int[] all = new int[TallyLayout.LC_KEYS];
            int[] land = new int[TallyLayout.LC_KEYS - 1];
            for (int k = 0, l = 0; k < TallyLayout.LC_KEYS; k++) {
                all[k] = first + k;
                if (k != 6) {
                    land[l++] = first + k;
                }
            }
            out.put(String.valueOf(result.landCoverYears().get(j)), new Report.LandArea(t.areaKm2(z, all, scale),
                    t.areaKm2(z, first + 6, scale), t.areaKm2(z, land, scale), national));
        }
        return out;
    }

    private Double sumNational() {
        if (nationalLandAreaKm2.isEmpty()) {
            return null;
        }
        double s = 0;
        for (int z = 0; z < in.zones().zoneCount(); z++) {
            Double v = nationalLandAreaKm2.get(in.zones().id(z));
            if (v == null) {
                return null;
            }
            s += v;
        }
        return s;
    }

    /** km² × t/ha → tonnes (1 km² = 100 ha). */
    private static double tonnes(double km2TimesTonnesPerHa) {
        return km2TimesTonnesPerHa * 100;
    }

    private PeriodReport period(int z, int p, Double national) {
        Period period = in.periods().get(p);
        int base = layout.period(p);
        AreaSummary sdg = summary(z, base + TallyLayout.SDG, national);
        AreaSummary[] subs = new AreaSummary[3];
        List<String> combined = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
            if (in.uses(SUBS[j])) {
                subs[j] = summary(z, base + TallyLayout.SDG + (j + 1) * TallyLayout.CLASS_KEYS, null);
                combined.add(SUBS[j].key());
            }
        }
        boolean prod = in.uses(SubIndicator.PRODUCTIVITY);
        Map<String, Double> lpd = prod ? labelled(LPD_LABELS, z, base + TallyLayout.LPD) : null;
        Map<String, Map<String, Double>> lpdByLc = null;
        Map<String, Map<String, Double>> transitions = null;
        if (!result.landCoverYears().isEmpty()) {
            transitions = new LinkedHashMap<>();
            for (int a = 0; a < TallyLayout.LC_KEYS; a++) {
                transitions.put(LC_LABELS[a],
                        labelled(LC_LABELS, z, base + TallyLayout.TRANSITION + a * TallyLayout.LC_KEYS));
            }
            if (prod) {
                lpdByLc = new LinkedHashMap<>();
                for (int a = 0; a < TallyLayout.LC_KEYS; a++) {
                    lpdByLc.put(LC_LABELS[a],
                            labelled(LPD_LABELS, z, base + TallyLayout.LPD_BY_LC + a * TallyLayout.LPD_KEYS));
                }
            }
        }
        Report.Population population = population(z, p);
        StatusReport[] status = new StatusReport[4];
        Report.LdnByLandType ldn = null;
        if (p > 0) {
            for (int j = 0; j < 4; j++) {
                if (j == 0 || in.uses(SUBS[j - 1])) {
                    AreaSummary baseSummary = j == 0 ? summary(z, layout.period(0) + TallyLayout.SDG, null)
                            : summary(z, layout.period(0) + TallyLayout.SDG + j * TallyLayout.CLASS_KEYS, null);
                    status[j] = status(z, layout.status(p, j), baseSummary);
                }
            }
            ldn = landTypes(z, p);
        }
        List<Integer> lcYears = List.of(period.landCoverStart(), period.landCoverEnd());
        List<Integer> socYears = List.of(period.socStart(), period.socEnd());
        List<Integer> prodYears = List.of(period.productivityFirst(), period.productivityLast());
        StatusReport s0 = status[0];
        AreaSummary[] metrics = new AreaSummary[3];
        if (in.computesProductivity()) {
            for (int k = 0; k < 3; k++) {
                metrics[k] = summary(z, base + TallyLayout.METRICS + k * TallyLayout.CLASS_KEYS, null);
            }
        }
        return new PeriodReport(period.name(), lcYears, socYears, prodYears, combined, sdg, subs[0], subs[1], subs[2],
                metrics[0], metrics[1], metrics[2], lpd, lpdByLc, transitions, population,
                s0 == null ? null : s0.status7Km2(), s0 == null ? null : s0.status3(),
                s0 == null ? null : s0.crossTableKm2(), s0 == null ? null : s0.change(),
                status[1], status[2], status[3], ldn);
    }

    private AreaSummary summary(int z, int first, Double national) {
        double improved = t.areaKm2(z, first, scale);
        double stable = t.areaKm2(z, first + 1, scale);
        double degraded = t.areaKm2(z, first + 2, scale);
        double nodata = t.areaKm2(z, first + 3, scale);
        double water = t.areaKm2(z, first + 4, scale);
        double land = t.areaKm2(z, new int[] {first, first + 1, first + 2, first + 3}, scale);
        double valid = t.areaKm2(z, new int[] {first, first + 1, first + 2}, scale);
        return new AreaSummary(improved, stable, degraded, nodata, water, land,
                land > 0 ? degraded / land : null, valid > 0 ? degraded / valid : null,
                national, national != null && national > 0 ? degraded / national : null);
    }

    private StatusReport status(int z, int first, AreaSummary baseline) {
        Map<String, Double> s7 = labelled(STATUS_LABELS, z, first);
        int[] degraded = {first, first + 1, first + 2};
        int[] improved = {first + 4, first + 5, first + 6};
        double deg = t.areaKm2(z, degraded, scale);
        double imp = t.areaKm2(z, improved, scale);
        double stable = t.areaKm2(z, first + 3, scale);
        double nodata = t.areaKm2(z, first + 7, scale);
        double water = t.areaKm2(z, first + 8, scale);
        double land = t.areaKm2(z, new int[] {first, first + 1, first + 2, first + 3, first + 4, first + 5, first + 6,
            first + 7}, scale);
        double valid = t.areaKm2(z, new int[] {first, first + 1, first + 2, first + 3, first + 4, first + 5,
            first + 6}, scale);
        AreaSummary s3 = new AreaSummary(imp, stable, deg, nodata, water, land, land > 0 ? deg / land : null,
                valid > 0 ? deg / valid : null, null, null);
        Map<String, Map<String, Double>> cross = new LinkedHashMap<>();
        int c0 = first + TallyLayout.STATUS_KEYS;
        for (int b = 0; b < 4; b++) {
            cross.put(CROSS_LABELS[b], labelled(CROSS_LABELS, z, c0 + b * 4));
        }
        Double pp = s3.proportionDegraded() != null && baseline.proportionDegraded() != null
                ? 100 * (s3.proportionDegraded() - baseline.proportionDegraded()) : null;
        return new StatusReport(s7, s3, cross, new Change(deg - baseline.degradedKm2(), pp));
    }

    private Report.LdnByLandType landTypes(int z, int p) {
        Map<String, Report.LandTypeBalance> types = new LinkedHashMap<>();
        boolean all = true;
        for (Map.Entry<Integer, Integer> e : result.landTypeIndexByCode().entrySet()) {
            int gainKey = layout.landType(p, e.getValue(), true);
            int lossKey = layout.landType(p, e.getValue(), false);
            if (z >= 0 && !t.any(z, layout.landTypeArea(p, e.getValue()))) {
                continue; // the type does not occur in this zone
            }
            double gains = t.areaKm2(z, gainKey, scale);
            double losses = t.areaKm2(z, lossKey, scale);
            boolean achieved = gains >= losses;
            all &= achieved;
            types.put(String.valueOf(e.getKey()), new Report.LandTypeBalance(gains, losses, gains - losses, achieved));
        }
        // METHOD.md §7: pixels without a land type are the type "nodata", listed when present, outside `achieved`
        int nd = TallyLayout.NODATA_LAND_TYPE;
        if (t.areaKm2(z, layout.landTypeArea(p, nd), scale) > 0) {
            double gains = t.areaKm2(z, layout.landType(p, nd, true), scale);
            double losses = t.areaKm2(z, layout.landType(p, nd, false), scale);
            types.put(Report.NODATA_LAND_TYPE,
                    new Report.LandTypeBalance(gains, losses, gains - losses, gains >= losses));
        }
        return new Report.LdnByLandType(types, all);
    }

    private Report.Population population(int z, int p) {
        List<String> series = result.populationSeries();
        if (series.isEmpty()) {
            return null;
        }
        Report.Population[] bySeries = new Report.Population[series.size()];
        for (int s = 0; s < series.size(); s++) {
            double[] v = new double[5];
            int[] keys = new int[5];
            for (int c = 0; c < 5; c++) {
                keys[c] = layout.population(p, s, c);
                v[c] = t.value(z, keys[c], false, scale);
            }
            double total = t.value(z, keys, false, scale);
            double onLand = t.value(z, new int[] {keys[0], keys[1], keys[2], keys[3]}, false, scale);
            bySeries[s] = new Report.Population(v[0], v[1], v[2], v[3], v[4], total,
                    onLand > 0 ? v[2] / onLand : null, null, null);
        }
        Report.Population tot = bySeries[0];
        Report.Population female = series.indexOf("female") >= 0 ? bySeries[series.indexOf("female")] : null;
        Report.Population male = series.indexOf("male") >= 0 ? bySeries[series.indexOf("male")] : null;
        return new Report.Population(tot.improved(), tot.stable(), tot.degraded(), tot.noData(), tot.water(),
                tot.total(), tot.shareOnDegraded(), female, male);
    }

    private Map<String, Double> labelled(String[] labels, int z, int first) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int k = 0; k < labels.length; k++) {
            m.put(labels[k], t.areaKm2(z, first + k, scale));
        }
        return m;
    }
}
