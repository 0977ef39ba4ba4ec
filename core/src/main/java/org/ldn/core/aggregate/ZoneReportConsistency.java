package org.ldn.core.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.AreaSummary;
import org.ldn.core.report.Report.Change;
import org.ldn.core.report.Report.LandTypeBalance;
import org.ldn.core.report.Report.PeriodReport;
import org.ldn.core.report.Report.Population;
import org.ldn.core.report.Report.SocStock;
import org.ldn.core.report.Report.StatusReport;
import org.ldn.core.report.Report.ZoneReport;

/**
 * Checks that the tables of one zone report add up, as REPORT.md defines them: every area table covers the zone's
 * area, land + water is the zone's area, an area summary's classes add up to its land area and its proportions are
 * its ratios, the transition matrix's rows and columns are the land-cover areas of its years, the status classes
 * make up the 3-class status, the change is the difference from the baseline, population by class adds up to the
 * total, SOC by class to at most the total, and each land type's balance is gains − losses. A report edited by hand
 * or damaged in transit fails here. Two figures agree when they differ by at most 1e-9 of the larger, or 1e-6 (a m²
 * in km²): the engine rounds each figure once, so honest sums differ in the last bits only.
 */
final class ZoneReportConsistency {
    private final String zone;
    private final List<String> problems = new ArrayList<>();

    private ZoneReportConsistency(String zone) {
        this.zone = zone;
    }

    /** Every inconsistency of {@code z}, each a sentence naming the zone and the table; empty when it adds up. */
    static List<String> check(ZoneReport z) {
        ZoneReportConsistency c = new ZoneReportConsistency("zone '" + z.id() + "'");
        if (Boolean.TRUE.equals(z.noPixels())) {
            return List.of();
        }
        c.run(z);
        return c.problems;
    }

    static boolean agree(double a, double b) {
        return Math.abs(a - b) <= Math.max(1e-9 * Math.max(Math.abs(a), Math.abs(b)), 1e-6);
    }

    private void run(ZoneReport z) {
        double area = z.areaKm2();
        if (!(area >= 0) || Double.isInfinite(area)) {
            problems.add(zone + ": areaKm2 is " + area);
            return;
        }
        if (z.landCoverClassKm2() != null) {
            z.landCoverClassKm2().forEach((year, m) ->
                    covers(zone + ", land cover " + year + " classes", sum(m), area));
        }
        if (z.socStockTonnes() != null) {
            z.socStockTonnes().forEach((year, s) -> socStock(year, s));
        }
        if (z.landAreaByYearKm2() != null) {
            z.landAreaByYearKm2().forEach((year, l) -> {
                equal(zone + ", landAreaByYearKm2 " + year + " totalKm2 (the zone's area)", l.totalKm2(), area);
                equal(zone + ", landAreaByYearKm2 " + year + " landKm2 + waterKm2 (totalKm2)",
                        l.landKm2() + l.waterKm2(), l.totalKm2());
            });
        }
        if (z.periods() == null || z.periods().isEmpty()) {
            problems.add(zone + ": has no periods");
            return;
        }
        AreaSummary[] baseline = null;
        for (PeriodReport p : z.periods()) {
            String at = zone + ", period '" + p.name() + "'";
            AreaSummary[] subs = {p.sdg(), p.landCover(), p.productivity(), p.soc()};
            String[] names = {"sdg", "landCover", "productivity", "soc"};
            if (p.sdg() == null) {
                problems.add(at + ": has no sdg area summary");
                continue;
            }
            for (int i = 0; i < subs.length; i++) {
                summary(at + ", " + names[i], subs[i], area);
            }
            if (baseline == null) {
                baseline = subs;
            }
            if (p.lpdClassKm2() != null) {
                covers(at + ", lpdClassKm2", sum(p.lpdClassKm2()), area);
            }
            if (p.lpdByLandCoverKm2() != null) {
                covers(at + ", lpdByLandCoverKm2", sum2(p.lpdByLandCoverKm2()), area);
            }
            transitions(at, p, z.landCoverClassKm2(), area);
            population(at + ", population", p.population());
            population(at + ", population.female", p.population() == null ? null : p.population().female());
            population(at + ", population.male", p.population() == null ? null : p.population().male());
            if (p.status7Km2() != null) {
                status(at + ", status", new StatusReport(p.status7Km2(), p.status3(), p.crossTableKm2(), p.change()),
                        baseline[0], area);
            }
            status(at + ", statusLandCover", p.statusLandCover(), baseline[1], area);
            status(at + ", statusProductivity", p.statusProductivity(), baseline[2], area);
            status(at + ", statusSoc", p.statusSoc(), baseline[3], area);
            if (p.ldnByLandType() != null) {
                boolean all = true;
                for (Map.Entry<String, LandTypeBalance> e : p.ldnByLandType().types().entrySet()) {
                    LandTypeBalance b = e.getValue();
                    equal(at + ", land type " + e.getKey() + " deltaKm2 (gains − losses)", b.deltaKm2(),
                            b.gainsKm2() - b.lossesKm2());
                    if (b.achieved() != (b.gainsKm2() >= b.lossesKm2())) {
                        problems.add(at + ", land type " + e.getKey() + ": achieved is " + b.achieved()
                                + " but gains are " + num(b.gainsKm2()) + " and losses " + num(b.lossesKm2()));
                    }
                    all &= b.achieved() || e.getKey().equals(Report.NODATA_LAND_TYPE);
                }
                if (p.ldnByLandType().achieved() != all) {
                    problems.add(at + ": ldnByLandType.achieved is " + p.ldnByLandType().achieved()
                            + " but the land types say " + all);
                }
            }
        }
    }

    /** The total also holds the stock on pixels whose land cover is nodata, so the classes add up to at most it. */
    private void socStock(String year, SocStock s) {
        double classes = s.byLandCoverClass() == null ? 0 : sum(s.byLandCoverClass());
        if (!(classes <= s.total() || agree(classes, s.total()))) {
            problems.add(zone + ", SOC stock " + year + ": the classes add up to " + num(classes)
                    + " t, more than the total " + num(s.total()) + " t");
        }
    }

    /** The land + water = area rule, the classes = land rule and the proportions of one area summary. */
    private void summary(String at, AreaSummary a, double area) {
        if (a == null) {
            return;
        }
        double classes = a.improvedKm2() + a.stableKm2() + a.degradedKm2() + a.noDataKm2();
        if (!agree(classes, a.landAreaKm2())) {
            problems.add(at + ": improved + stable + degraded + nodata = " + num(classes)
                    + " km² but landAreaKm2 is " + num(a.landAreaKm2()));
        }
        if (!agree(a.landAreaKm2() + a.waterKm2(), area)) {
            problems.add(at + ": land area " + num(a.landAreaKm2()) + " + water " + num(a.waterKm2()) + " = "
                    + num(a.landAreaKm2() + a.waterKm2()) + " km² disagrees with the zone's area " + num(area)
                    + " km²");
        }
        ratio(at + ", proportionDegraded", a.proportionDegraded(), a.degradedKm2(), a.landAreaKm2());
        ratio(at + ", proportionDegradedOfValid", a.proportionDegradedOfValid(), a.degradedKm2(),
                a.improvedKm2() + a.stableKm2() + a.degradedKm2());
        if (a.nationalLandAreaKm2() != null) {
            ratio(at + ", proportionDegradedOfNationalLandArea", a.proportionDegradedOfNationalLandArea(),
                    a.degradedKm2(), a.nationalLandAreaKm2());
        }
    }

    private void ratio(String at, Double given, double num, double den) {
        if (den > 0 && (given == null || !agree(given, num / den))) {
            problems.add(at + " is " + given + " but the areas give " + num / den);
        } else if (!(den > 0) && given != null) {
            problems.add(at + " is " + given + " but its denominator is " + num(den));
        }
    }

    private void transitions(String at, PeriodReport p, Map<String, Map<String, Double>> lc, double area) {
        Map<String, Map<String, Double>> t = p.lcTransitionKm2();
        if (t == null) {
            return;
        }
        covers(at + ", lcTransitionKm2", sum2(t), area);
        if (lc == null || p.landCoverYears() == null || p.landCoverYears().size() != 2) {
            return;
        }
        Map<String, Double> start = lc.get(String.valueOf(p.landCoverYears().get(0)));
        Map<String, Double> end = lc.get(String.valueOf(p.landCoverYears().get(1)));
        for (Map.Entry<String, Map<String, Double>> row : t.entrySet()) {
            if (start != null && start.get(row.getKey()) != null) {
                equal(at + ", lcTransitionKm2 row '" + row.getKey() + "' (class area in "
                        + p.landCoverYears().get(0) + ")", sum(row.getValue()), start.get(row.getKey()));
            }
        }
        if (end != null) {
            for (Map.Entry<String, Double> col : end.entrySet()) {
                double s = 0;
                for (Map<String, Double> row : t.values()) {
                    s += row.getOrDefault(col.getKey(), 0.0);
                }
                equal(at + ", lcTransitionKm2 column '" + col.getKey() + "' (class area in "
                        + p.landCoverYears().get(1) + ")", s, col.getValue());
            }
        }
    }

    private void status(String at, StatusReport s, AreaSummary baseline, double area) {
        if (s == null) {
            return;
        }
        summary(at + ".status3", s.status3(), area);
        Map<String, Double> s7 = s.status7Km2();
        AreaSummary s3 = s.status3();
        if (s7 != null) {
            covers(at + ".status7Km2", sum(s7), area);
            if (s3 != null) {
                equal(at + ": status 1 + 2 + 3 vs status3 degraded", get(s7, "1") + get(s7, "2") + get(s7, "3"),
                        s3.degradedKm2());
                equal(at + ": status 4 vs status3 stable", get(s7, "4"), s3.stableKm2());
                equal(at + ": status 5 + 6 + 7 vs status3 improved", get(s7, "5") + get(s7, "6") + get(s7, "7"),
                        s3.improvedKm2());
            }
        }
        if (s.crossTableKm2() != null && s3 != null) {
            equal(at + ".crossTableKm2 (all cells vs land area)", sum2(s.crossTableKm2()), s3.landAreaKm2());
        }
        Change c = s.change();
        if (c != null && s3 != null && baseline != null) {
            equal(at + ".change.degradedKm2 (status degraded − baseline degraded)", c.degradedKm2(),
                    s3.degradedKm2() - baseline.degradedKm2());
        }
    }

    private void population(String at, Population p) {
        if (p != null) {
            equal(at + ": the classes vs the total", p.improved() + p.stable() + p.degraded() + p.noData()
                    + p.water(), p.total());
        }
    }

    private void covers(String what, double sum, double area) {
        if (!agree(sum, area)) {
            problems.add(what + " add up to " + num(sum) + " km², not the zone's area " + num(area) + " km²");
        }
    }

    /** {@code what} names the zone and the figures; the problem gives both values. */
    private void equal(String what, double a, double b) {
        disagree(what + ": " + num(a) + " vs " + num(b), a, b);
    }

    private void disagree(String message, double a, double b) {
        if (!agree(a, b)) {
            problems.add(message);
        }
    }

    private static double get(Map<String, Double> m, String k) {
        Double v = m.get(k);
        return v == null ? 0 : v;
    }

    private static double sum(Map<String, Double> m) {
        double s = 0;
        for (Double v : m.values()) {
            s += v == null ? Double.NaN : v;
        }
        return s;
    }

    private static double sum2(Map<String, Map<String, Double>> m) {
        double s = 0;
        for (Map<String, Double> row : m.values()) {
            s += row == null ? Double.NaN : sum(row);
        }
        return s;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
