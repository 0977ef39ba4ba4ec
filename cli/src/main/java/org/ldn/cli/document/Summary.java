package org.ldn.cli.document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ldn.cli.output.MapPalette;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.AreaSummary;
import org.ldn.core.report.Report.LandTypeBalance;
import org.ldn.core.report.Report.PeriodReport;
import org.ldn.core.report.Report.ZoneReport;
import org.ldn.core.target.Tracking;

/**
 * The summary page and the per-zone section, in the words of the UNCCD tables: per period the proportion of
 * degraded land (the baseline period's indicator, then each reporting period's status against the baseline, as
 * table SO1-4.T2), the change since the baseline, the 3- and 7-class status, ΔLDN by land type with neutrality,
 * and the targets' status when tracking ran. Every figure is a field of report.json, with its path.
 */
final class Summary {
    private Summary() {
    }

    /** The path of a zone in report.json: {@code total} or {@code zones[i]}. */
    static String pathOf(Report r, ZoneReport z) {
        return z == r.total() ? "total" : "zones[" + r.zones().indexOf(z) + "]";
    }

    /** The figures a period is assessed by: its own indicator (baseline) or its status (reporting periods). */
    static AreaSummary assessed(PeriodReport p) {
        return p.status3() != null ? p.status3() : p.sdg();
    }

    static List<Map<String, Object>> periods(Report r, ZoneReport z) {
        String zp = pathOf(r, z);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < z.periods().size(); i++) {
            PeriodReport p = z.periods().get(i);
            String pp = zp + ".periods[" + i + "]." + (p.status3() != null ? "status3" : "sdg") + ".";
            AreaSummary a = assessed(p);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("years", p.landCoverYears().get(0) + "–" + p.landCoverYears().get(1));
            m.put("assessment", p.status3() != null ? "status against the baseline" : "baseline period");
            m.put("proportion", Figure.percentOf(a.proportionDegraded(), pp + "proportionDegraded"));
            m.put("degraded", Figure.km2(a.degradedKm2(), pp + "degradedKm2"));
            m.put("stable", Figure.km2(a.stableKm2(), pp + "stableKm2"));
            m.put("improved", Figure.km2(a.improvedKm2(), pp + "improvedKm2"));
            m.put("noData", Figure.km2(a.noDataKm2(), pp + "noDataKm2"));
            m.put("land", Figure.km2(a.landAreaKm2(), pp + "landAreaKm2"));
            if (p.change() != null) {
                String cp = zp + ".periods[" + i + "].change.";
                m.put("change", Map.of("km2", Figure.km2Change(p.change().degradedKm2(), cp + "degradedKm2"),
                        "points", Figure.points(p.change().percentagePoints(), cp + "percentagePoints"),
                        "worse", p.change().degradedKm2() > 0));
            }
            out.add(m);
        }
        return out;
    }

    /** The 7-class status of each reporting period, with the palette's colours. */
    static List<Map<String, Object>> status7(Report r, ZoneReport z) {
        String zp = pathOf(r, z);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < z.periods().size(); i++) {
            PeriodReport p = z.periods().get(i);
            if (p.status7Km2() == null) {
                continue;
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int c = 1; c <= 7; c++) {
                MapPalette.Entry e = MapPalette.STATUS.entry(c);
                rows.add(Map.of("hex", e.hex(), "label", c + " " + e.label(), "area",
                        Figure.km2(p.status7Km2().get(Integer.toString(c)), zp + ".periods[" + i + "].status7Km2." + c)));
            }
            for (String k : new String[] {"nodata", "water"}) {
                rows.add(Map.of("hex", k.equals("water") ? MapPalette.STATUS.entry(MapPalette.WATER).hex() : "#ffffff",
                        "label", k.equals("water") ? "Water" : "No data",
                        "area", Figure.km2(p.status7Km2().get(k), zp + ".periods[" + i + "].status7Km2." + k)));
            }
            out.add(Map.of("name", p.name(), "rows", rows));
        }
        return out;
    }

    /** ΔLDN by land type of each reporting period, and whether neutrality is achieved. */
    static List<Map<String, Object>> ldn(Report r, ZoneReport z, Function<String, String> typeLabel) {
        String zp = pathOf(r, z);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < z.periods().size(); i++) {
            PeriodReport p = z.periods().get(i);
            if (p.ldnByLandType() == null) {
                continue;
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map.Entry<String, LandTypeBalance> e : p.ldnByLandType().types().entrySet()) {
                String tp = zp + ".periods[" + i + "].ldnByLandType.types." + e.getKey() + ".";
                LandTypeBalance b = e.getValue();
                rows.add(Map.of("type", typeLabel.apply(e.getKey()),
                        "gains", Figure.km2(b.gainsKm2(), tp + "gainsKm2"),
                        "losses", Figure.km2(b.lossesKm2(), tp + "lossesKm2"),
                        "delta", Figure.km2Change(b.deltaKm2(), tp + "deltaKm2"),
                        "achieved", b.achieved(), "counts", !e.getKey().equals("nodata")));
            }
            out.add(Map.of("name", p.name(), "rows", rows, "achieved", p.ldnByLandType().achieved()));
        }
        return out;
    }

    /** The zones with figures, sorted by the last period's proportion degraded, highest first. */
    static List<Map<String, Object>> zones(Report r, String only) {
        List<ZoneReport> zs = new ArrayList<>();
        for (ZoneReport z : r.zones()) {
            if (!Boolean.TRUE.equals(z.noPixels()) && z.periods() != null && (only == null || only.equals(z.id()))) {
                zs.add(z);
            }
        }
        Comparator<ZoneReport> byLast = Comparator.comparing(z -> {
            Double d = assessed(z.periods().get(z.periods().size() - 1)).proportionDegraded();
            return d == null ? Double.NEGATIVE_INFINITY : d;
        });
        zs.sort(byLast.reversed().thenComparing(ZoneReport::id));
        List<Map<String, Object>> out = new ArrayList<>();
        for (ZoneReport z : zs) {
            Map<String, Object> m = new LinkedHashMap<>();
            String zp = pathOf(r, z);
            m.put("id", z.id());
            m.put("name", z.name());
            m.put("area", Figure.km2(z.areaKm2(), zp + ".areaKm2"));
            m.put("periods", periods(r, z));
            PeriodReport last = z.periods().get(z.periods().size() - 1);
            if (last.change() != null) {
                int i = z.periods().size() - 1;
                m.put("change", Figure.points(last.change().percentagePoints(),
                        zp + ".periods[" + i + "].change.percentagePoints"));
            }
            if (last.ldnByLandType() != null) {
                m.put("achieved", last.ldnByLandType().achieved() ? "achieved" : "not achieved");
            }
            out.add(m);
        }
        return out;
    }

    /** The targets: goal, the latest observation, the projection and the status, in the target's unit. */
    static List<Map<String, Object>> targets(List<Tracking> tracking) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Tracking t : tracking) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("metric", t.metric());
            m.put("where", t.where());
            m.put("unit", t.unit());
            m.put("goal", t.goal());
            m.put("targetYear", t.targetYear());
            Tracking.Observation last = t.observations().isEmpty() ? null
                    : t.observations().get(t.observations().size() - 1);
            m.put("latest", Figure.of(last == null ? null : last.value(), "#,##0.00", 1, "", null));
            m.put("projected", Figure.of(t.projection() == null ? null : t.projection().valueAtTargetYear(),
                    "#,##0.00", 1, "", null));
            m.put("gap", Figure.of(t.gap(), "#,##0.00", 1, "", null));
            m.put("status", t.status() == null ? (Boolean.TRUE.equals(t.onTrack()) ? "on track" : "off track")
                    : t.status());
            m.put("onTrack", Boolean.TRUE.equals(t.onTrack()));
            out.add(m);
        }
        return out;
    }
}
