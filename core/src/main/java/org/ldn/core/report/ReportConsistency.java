package org.ldn.core.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The identities every report must satisfy, checked on a report read from a file (which may have been edited or
 * made by another tool): for every zone, the total and every area summary, improved + stable + degraded + nodata +
 * water = the zone's area and land area = improved + stable + degraded + nodata; no area is negative or not finite;
 * the proportions given are degraded / land area, degraded / (improved + stable + degraded) and degraded / national
 * land area (and absent when the denominator is 0); zone ids are unique; and the zones add up to the total (area,
 * and each summary's classes). Sums are compared within 10⁻⁹ of the larger magnitude (at least 10⁻⁹ km²): the
 * engine's areas come from exact pixel counts, so only the rounding of the last double operations may differ.
 * Stateless.
 */
public final class ReportConsistency {
    private static final double RELATIVE = 1e-9;

    private ReportConsistency() {
    }

    /** Every inconsistency of {@code r}, one phrase each (without the file name); empty when there is none. */
    public static List<String> problems(Report r) {
        List<String> out = new ArrayList<>();
        if (r.zones() == null || r.total() == null) {
            out.add("no " + (r.zones() == null ? "zones" : "total"));
            return out;
        }
        Set<String> ids = new HashSet<>();
        double zonesArea = 0;
        Map<String, double[]> zoneSums = new LinkedHashMap<>();
        for (Report.ZoneReport z : r.zones()) {
            if (z == null || z.id() == null) {
                out.add("a zone has no id");
                continue;
            }
            if (!ids.add(z.id())) {
                out.add("zone id '" + z.id() + "' appears twice");
            }
            zone(z, "zone '" + z.id() + "'", out);
            zonesArea += z.areaKm2();
            forEachSummary(z, (key, a) -> {
                double[] s = zoneSums.computeIfAbsent(key, k -> new double[5]);
                double[] v = classes(a);
                for (int i = 0; i < 5; i++) {
                    s[i] += v[i];
                }
            });
        }
        zone(r.total(), "total", out);
        if (!close(zonesArea, r.total().areaKm2())) {
            out.add(String.format(Locale.ROOT, "the zones' areas add up to %s km2 but the total's area is %s km2",
                    number(zonesArea), number(r.total().areaKm2())));
        }
        forEachSummary(r.total(), (key, a) -> {
            double[] s = zoneSums.getOrDefault(key, new double[5]);
            double[] t = classes(a);
            for (int i = 0; i < 5; i++) {
                if (!close(s[i], t[i])) {
                    out.add("total " + key + ": " + CLASS_NAMES[i] + " " + number(t[i]) + " km2 is not the sum over"
                            + " the zones (" + number(s[i]) + " km2)");
                }
            }
        });
        return out;
    }

    private static final String[] CLASS_NAMES = {"improved", "stable", "degraded", "nodata", "water"};

    private static double[] classes(Report.AreaSummary a) {
        return new double[] {a.improvedKm2(), a.stableKm2(), a.degradedKm2(), a.noDataKm2(), a.waterKm2()};
    }

    private static void zone(Report.ZoneReport z, String who, List<String> out) {
        if (!(z.areaKm2() >= 0) || Double.isInfinite(z.areaKm2())) {
            out.add(who + ": area " + number(z.areaKm2()) + " km2 is negative or not finite");
        }
        forEachSummary(z, (key, a) -> summary(a, z.areaKm2(), who + " " + key, out));
    }

    private static void summary(Report.AreaSummary a, double zoneArea, String who, List<String> out) {
        double[] v = classes(a);
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0) || Double.isInfinite(v[i])) {
                out.add(who + ": " + CLASS_NAMES[i] + " area " + number(v[i]) + " km2 is negative or not finite");
            }
            sum += v[i];
        }
        if (!close(sum, zoneArea)) {
            out.add(who + ": improved + stable + degraded + nodata + water = " + number(sum)
                    + " km2 but the zone's area is " + number(zoneArea) + " km2");
        }
        double land = v[0] + v[1] + v[2] + v[3];
        if (!close(land, a.landAreaKm2())) {
            out.add(who + ": land area " + number(a.landAreaKm2()) + " km2 is not improved + stable + degraded +"
                    + " nodata (" + number(land) + " km2)");
        }
        proportion(who + ": proportionDegraded", a.proportionDegraded(), v[2], a.landAreaKm2(), out);
        proportion(who + ": proportionDegradedOfValid", a.proportionDegradedOfValid(), v[2], v[0] + v[1] + v[2], out);
        if (a.nationalLandAreaKm2() != null) {
            proportion(who + ": proportionDegradedOfNationalLandArea", a.proportionDegradedOfNationalLandArea(), v[2],
                    a.nationalLandAreaKm2(), out);
        }
    }

    /** {@code value}, when present, must be {@code part / whole}, and is absent when {@code whole} is not positive. */
    private static void proportion(String who, Double value, double part, double whole, List<String> out) {
        if (value == null) {
            return;
        }
        if (!(whole > 0)) {
            out.add(who + " is " + value + " but its denominator is " + number(whole) + " km2");
            return;
        }
        double expected = part / whole;
        if (!(Math.abs(value - expected) <= RELATIVE * Math.max(1e-300, Math.abs(expected)))) {
            out.add(who + " is " + value + " but the areas give " + expected);
        }
    }

    private interface SummaryVisitor {
        void visit(String key, Report.AreaSummary summary);
    }

    /** Visits every area summary of {@code z} as "period 'name' sdg", "period 'name' status3", ... */
    private static void forEachSummary(Report.ZoneReport z, SummaryVisitor v) {
        if (z.periods() == null) {
            return;
        }
        for (Report.PeriodReport p : z.periods()) {
            if (p == null) {
                continue;
            }
            String period = "period '" + p.name() + "' ";
            visit(v, period + "sdg", p.sdg());
            visit(v, period + "landCover", p.landCover());
            visit(v, period + "productivity", p.productivity());
            visit(v, period + "soc", p.soc());
            visit(v, period + "status3", p.status3());
            for (String k : new String[] {"statusLandCover", "statusProductivity", "statusSoc"}) {
                Report.StatusReport s = switch (k) {
                    case "statusLandCover" -> p.statusLandCover();
                    case "statusProductivity" -> p.statusProductivity();
                    default -> p.statusSoc();
                };
                visit(v, period + k + ".status3", s == null ? null : s.status3());
            }
        }
    }

    private static void visit(SummaryVisitor v, String key, Report.AreaSummary a) {
        if (a != null) {
            v.visit(key, a);
        }
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= RELATIVE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    private static String number(double v) {
        return Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : Double.toString(v);
    }
}
