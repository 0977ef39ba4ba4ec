package org.ldn.core.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.AreaSummary;
import org.ldn.core.report.Report.Change;
import org.ldn.core.report.Report.LandTypeBalance;
import org.ldn.core.report.Report.LdnByLandType;
import org.ldn.core.report.Report.PeriodReport;
import org.ldn.core.report.Report.Population;
import org.ldn.core.report.Report.SocStock;
import org.ldn.core.report.Report.StatusReport;
import org.ldn.core.report.Report.ZoneReport;

/**
 * The zone report of several disjoint zones taken together (countries into a region): every area, stock and
 * population is the exact sum of the parts rounded once (so the order of the parts does not matter), and every
 * proportion, share, difference and "achieved" flag is recomputed from those sums with the formulas of
 * {@code ReportTables}, never averaged. The sum of a single part is that part: the same areas, and the same ratios
 * to the last bit or two (a ratio's denominator is re-added from rounded areas).
 * <p>
 * The parts must have the same structure (periods, years, tables present; {@link AggregationCheck} says where they
 * do not): a table that one part lacks is a figure not computed, so it is absent from the sum, but two parts that
 * disagree on periods or years cannot be summed. Parts reported with {@code noPixels} add nothing. A national land
 * area is summed only when every part has one. Land types are the union of the parts' types, in code order.
 */
public final class ZoneReportSum {
    private ZoneReportSum() {
    }

    /** {@code a + b} under the id and name given. */
    public static ZoneReport plus(String id, String name, ZoneReport a, ZoneReport b) {
        return of(id, name, List.of(a, b));
    }

    /**
     * The parts taken together under the id and name given.
     *
     * @throws IllegalArgumentException when the parts differ in periods or years
     */
    public static ZoneReport of(String id, String name, List<ZoneReport> parts) {
        List<ZoneReport> zs = parts.stream().filter(z -> !Boolean.TRUE.equals(z.noPixels())).toList();
        if (zs.isEmpty()) {
            return new ZoneReport(id, name, 0.0, Boolean.TRUE, null, null, null);
        }
        double area = sum(zs, ZoneReport::areaKm2);
        Map<String, Map<String, Double>> lc = nested(all(zs, ZoneReport::landCoverClassKm2), "landCoverClassKm2");
        Map<String, SocStock> soc = socStocks(all(zs, ZoneReport::socStockTonnes));
        List<PeriodReport> periods = null;
        List<List<PeriodReport>> byZone = all(zs, ZoneReport::periods);
        if (byZone != null) {
            int n = byZone.get(0).size();
            for (List<PeriodReport> ps : byZone) {
                if (ps.size() != n) {
                    throw new IllegalArgumentException("the parts have different numbers of periods");
                }
            }
            periods = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                int k = p;
                periods.add(period(byZone.stream().map(ps -> ps.get(k)).toList(),
                        byZone.stream().map(ps -> ps.get(0)).toList()));
            }
        }
        return new ZoneReport(id, name, area, null, lc, soc, periods,
                landAreas(all(zs, ZoneReport::landAreaByYearKm2)));
    }

    /** CP-1.T1 by year: every figure summed; the national land area only when every part gives it. */
    private static Map<String, Report.LandArea> landAreas(List<Map<String, Report.LandArea>> ms) {
        if (ms == null) {
            return null;
        }
        Map<String, Report.LandArea> out = new LinkedHashMap<>();
        for (String year : sameKeys(ms, "landAreaByYearKm2")) {
            List<Report.LandArea> ls = ms.stream().map(m -> m.get(year)).toList();
            List<Double> national = all(ls, Report.LandArea::nationalLandAreaKm2);
            out.put(year, new Report.LandArea(sum(ls, Report.LandArea::totalKm2), sum(ls, Report.LandArea::waterKm2),
                    sum(ls, Report.LandArea::landKm2), national == null ? null : sum(national, v -> v)));
        }
        return out;
    }

    private static PeriodReport period(List<PeriodReport> ps, List<PeriodReport> baselines) {
        PeriodReport f = ps.get(0);
        for (PeriodReport p : ps) {
            if (!Objects.equals(p.name(), f.name()) || !Objects.equals(p.landCoverYears(), f.landCoverYears())
                    || !Objects.equals(p.socYears(), f.socYears())
                    || !Objects.equals(p.productivityYears(), f.productivityYears())) {
                throw new IllegalArgumentException("the parts differ in period " + f.name() + " (name or years)");
            }
        }
        AreaSummary sdg = summary(all(ps, PeriodReport::sdg));
        AreaSummary status3 = summary(all(ps, PeriodReport::status3));
        AreaSummary baseSdg = plainSummary(all(baselines, PeriodReport::sdg));
        Change change = status3 == null || baseSdg == null ? null : change(status3, baseSdg);
        return new PeriodReport(f.name(), f.landCoverYears(), f.socYears(), f.productivityYears(), f.combinedFrom(),
                sdg, summary(all(ps, PeriodReport::landCover)), summary(all(ps, PeriodReport::productivity)),
                summary(all(ps, PeriodReport::soc)), summary(all(ps, PeriodReport::trajectory)),
                summary(all(ps, PeriodReport::state)), summary(all(ps, PeriodReport::performance)),
                flat(all(ps, PeriodReport::lpdClassKm2), "lpdClassKm2"),
                nested(all(ps, PeriodReport::lpdByLandCoverKm2), "lpdByLandCoverKm2"),
                nested(all(ps, PeriodReport::lcTransitionKm2), "lcTransitionKm2"),
                population(all(ps, PeriodReport::population)), flat(all(ps, PeriodReport::status7Km2), "status7Km2"),
                status3, nested(all(ps, PeriodReport::crossTableKm2), "crossTableKm2"), change,
                status(all(ps, PeriodReport::statusLandCover), plainSummary(all(baselines, PeriodReport::landCover))),
                status(all(ps, PeriodReport::statusProductivity),
                        plainSummary(all(baselines, PeriodReport::productivity))),
                status(all(ps, PeriodReport::statusSoc), plainSummary(all(baselines, PeriodReport::soc))),
                landTypes(all(ps, PeriodReport::ldnByLandType)));
    }

    /** Sums the areas; proportions from the sums; a national land area only when every part has one. */
    private static AreaSummary summary(List<AreaSummary> as) {
        if (as == null) {
            return null;
        }
        double improved = sum(as, AreaSummary::improvedKm2);
        double stable = sum(as, AreaSummary::stableKm2);
        double degraded = sum(as, AreaSummary::degradedKm2);
        double noData = sum(as, AreaSummary::noDataKm2);
        double water = sum(as, AreaSummary::waterKm2);
        double land = sum(as, AreaSummary::landAreaKm2);
        double valid = ExactSum.of(improved, stable, degraded);
        Double national = as.stream().allMatch(a -> a.nationalLandAreaKm2() != null)
                ? sum(as, AreaSummary::nationalLandAreaKm2) : null;
        return new AreaSummary(improved, stable, degraded, noData, water, land, land > 0 ? degraded / land : null,
                valid > 0 ? degraded / valid : null, national,
                national != null && national > 0 ? degraded / national : null);
    }

    /** The baseline against which a status is measured: as {@link #summary}, without the national land area. */
    private static AreaSummary plainSummary(List<AreaSummary> as) {
        AreaSummary s = summary(as);
        return s == null ? null : new AreaSummary(s.improvedKm2(), s.stableKm2(), s.degradedKm2(), s.noDataKm2(),
                s.waterKm2(), s.landAreaKm2(), s.proportionDegraded(), s.proportionDegradedOfValid(), null, null);
    }

    private static StatusReport status(List<StatusReport> ss, AreaSummary baseline) {
        if (ss == null) {
            return null;
        }
        AreaSummary s3 = summary(all(ss, StatusReport::status3));
        return new StatusReport(flat(all(ss, StatusReport::status7Km2), "status7Km2"), s3,
                nested(all(ss, StatusReport::crossTableKm2), "crossTableKm2"),
                s3 == null || baseline == null ? null : change(s3, baseline));
    }

    /** Degraded area (reporting status) − degraded area (baseline), in km² and percentage points of land area. */
    private static Change change(AreaSummary status3, AreaSummary baseline) {
        Double pp = status3.proportionDegraded() != null && baseline.proportionDegraded() != null
                ? 100 * (status3.proportionDegraded() - baseline.proportionDegraded()) : null;
        return new Change(status3.degradedKm2() - baseline.degradedKm2(), pp);
    }

    private static Population population(List<Population> ps) {
        if (ps == null) {
            return null;
        }
        double improved = sum(ps, Population::improved);
        double stable = sum(ps, Population::stable);
        double degraded = sum(ps, Population::degraded);
        double noData = sum(ps, Population::noData);
        double water = sum(ps, Population::water);
        double total = sum(ps, Population::total);
        double onLand = ExactSum.of(improved, stable, degraded, noData);
        return new Population(improved, stable, degraded, noData, water, total, onLand > 0 ? degraded / onLand : null,
                population(all(ps, Population::female)), population(all(ps, Population::male)));
    }

    private static LdnByLandType landTypes(List<LdnByLandType> ls) {
        if (ls == null) {
            return null;
        }
        Map<String, ExactSum> gains = new TreeMap<>(CODE_ORDER);
        Map<String, ExactSum> losses = new TreeMap<>(CODE_ORDER);
        for (LdnByLandType l : ls) {
            l.types().forEach((type, b) -> {
                gains.computeIfAbsent(type, t -> new ExactSum()).add(b.gainsKm2());
                losses.computeIfAbsent(type, t -> new ExactSum()).add(b.lossesKm2());
            });
        }
        Map<String, LandTypeBalance> types = new LinkedHashMap<>();
        boolean all = true;
        for (String type : gains.keySet()) {
            double g = gains.get(type).value();
            double l = losses.get(type).value();
            boolean achieved = g >= l;
            all &= achieved || type.equals(Report.NODATA_LAND_TYPE);
            types.put(type, new LandTypeBalance(g, l, g - l, achieved));
        }
        return new LdnByLandType(types, all);
    }

    /** Land-type codes: integers in numeric order, then any other text in text order. */
    static final Comparator<String> CODE_ORDER = Comparator.<String, Boolean>comparing(s -> !isInteger(s))
            .thenComparing((a, b) -> isInteger(a) && isInteger(b)
                    ? new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b)) : a.compareTo(b));

    private static boolean isInteger(String s) {
        return s.matches("-?\\d{1,30}");
    }

    private static Map<String, SocStock> socStocks(List<Map<String, SocStock>> ms) {
        if (ms == null) {
            return null;
        }
        Map<String, SocStock> out = new LinkedHashMap<>();
        for (String year : sameKeys(ms, "socStockTonnes")) {
            List<SocStock> ss = ms.stream().map(m -> m.get(year)).toList();
            out.put(year, new SocStock(sum(ss, SocStock::total),
                    flat(ss.stream().map(SocStock::byLandCoverClass).toList(), "socStockTonnes." + year),
                    sum(ss, SocStock::noDataKm2)));
        }
        return out;
    }

    private static Map<String, Map<String, Double>> nested(List<Map<String, Map<String, Double>>> ms, String what) {
        if (ms == null) {
            return null;
        }
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (String k : sameKeys(ms, what)) {
            out.put(k, flat(ms.stream().map(m -> m.get(k)).toList(), what + "." + k));
        }
        return out;
    }

    private static Map<String, Double> flat(List<Map<String, Double>> ms, String what) {
        if (ms == null || ms.contains(null)) {
            return null;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (String k : sameKeys(ms, what)) {
            out.put(k, sum(ms, m -> m.get(k)));
        }
        return out;
    }

    private static <V> List<String> sameKeys(List<Map<String, V>> ms, String what) {
        List<String> keys = new ArrayList<>(ms.get(0).keySet());
        for (Map<String, V> m : ms) {
            if (!m.keySet().equals(ms.get(0).keySet())) {
                throw new IllegalArgumentException("the parts differ in the keys of " + what + ": " + keys + " and "
                        + m.keySet());
            }
        }
        return keys;
    }

    /** The field of every part, or null when a part lacks it (a figure not computed is absent from the sum). */
    private static <T, V> List<V> all(List<T> parts, Function<T, V> field) {
        List<V> out = new ArrayList<>(parts.size());
        for (T p : parts) {
            V v = p == null ? null : field.apply(p);
            if (v == null) {
                return null;
            }
            out.add(v);
        }
        return out;
    }

    private static <T> double sum(List<T> parts, Function<T, Double> field) {
        ExactSum s = new ExactSum();
        for (T p : parts) {
            Double v = field.apply(p);
            if (v == null) {
                throw new IllegalArgumentException("a part lacks a figure that the others have");
            }
            s.add(v);
        }
        return s.value();
    }
}
