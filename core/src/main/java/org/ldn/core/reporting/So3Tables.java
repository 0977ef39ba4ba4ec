package org.ldn.core.reporting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ldn.core.report.DroughtReport;
import org.ldn.core.report.DroughtReport.Hazard;
import org.ldn.core.report.DroughtReport.Zone;
import org.ldn.core.report.Report;
import org.ldn.core.reporting.ReportingTable.Column;

/**
 * The UNCCD reporting tables of strategic objective 3 (PRAIS 4 manual, SO3) from a report's {@code drought}
 * section: SO3-1.T1 (area per drought-intensity class per year and per reporting block), SO3-1.T2 (share of land
 * under drought), SO3-2.T1 (population exposed per class: total, and female and male when given) and SO3-3.T1
 * (Drought Vulnerability Index: mean and area per quintile class, and the risk area). Rows are the zones, then all
 * zones together. Empty when the report has no drought section.
 */
public final class So3Tables {
    private static final String KM2 = "km²";
    private static final String[] CLASSES = {"none", "mild", "moderate", "severe", "extreme", "nodata"};
    private static final String[] LABELS = {"No drought", "Mild drought", "Moderate drought", "Severe drought",
        "Extreme drought", "No data"};

    private So3Tables() {
    }

    public static List<ReportingTable> of(Report r) {
        List<ReportingTable> out = new ArrayList<>();
        DroughtReport d = r.drought();
        if (d == null) {
            return out;
        }
        List<Zone> zones = new ArrayList<>(d.zones());
        if (zones.size() != 1) {
            zones.add(d.total());
        }
        add(out, hazard(zones));
        add(out, share(zones));
        add(out, exposure(zones));
        add(out, vulnerability(zones));
        return out;
    }

    private static void add(List<ReportingTable> out, ReportingTable t) {
        if (!t.rows().isEmpty()) {
            out.add(t);
        }
    }

    private static List<Column> keys(String periodKey, String periodLabel) {
        List<Column> c = new ArrayList<>();
        c.add(Column.text("zone_id", "Zone id"));
        c.add(Column.text("zone_name", "Zone"));
        c.add(Column.text(periodKey, periodLabel));
        return c;
    }

    private static List<Object> row(Zone z, Object... rest) {
        List<Object> r = new ArrayList<>();
        r.add(z.id());
        r.add(z.name());
        r.addAll(Arrays.asList(rest));
        return r;
    }

    private static void periods(Zone z, java.util.function.BiConsumer<String, Hazard> each) {
        z.years().forEach(each);
        z.blocks().forEach(each);
    }

    /** SO3-1.T1: area of each drought-intensity class, per year and per block, with water and land area. */
    private static ReportingTable hazard(List<Zone> zones) {
        List<Column> c = keys("period", "Year or reporting block");
        for (int i = 0; i < CLASSES.length; i++) {
            c.add(Column.of(CLASSES[i] + "_km2", LABELS[i], KM2));
        }
        c.add(Column.of("water_km2", "Water bodies", KM2));
        c.add(Column.of("land_area_km2", "Land area", KM2));
        ReportingTable.Builder t = new ReportingTable.Builder("SO3-1.T1", "so3_1_t1_drought_hazard",
                "Land area by drought intensity class (SPI)", c);
        for (Zone z : zones) {
            periods(z, (p, h) -> {
                List<Object> r = row(z, p);
                for (String k : CLASSES) {
                    r.add(h.classKm2().get(k));
                }
                r.add(h.waterKm2());
                r.add(h.landAreaKm2());
                t.add(r);
            });
        }
        return t.build();
    }

    /** SO3-1.T2: land under drought (mild to extreme) and its share of the land area. */
    private static ReportingTable share(List<Zone> zones) {
        List<Column> c = keys("period", "Year or reporting block");
        c.add(Column.of("drought_km2", "Land under drought", KM2));
        c.add(Column.of("land_area_km2", "Land area", KM2));
        c.add(Column.of("land_under_drought_pct", "Proportion of land under drought", "%"));
        ReportingTable.Builder t = new ReportingTable.Builder("SO3-1.T2", "so3_1_t2_land_under_drought",
                "Proportion of land under drought", c);
        for (Zone z : zones) {
            periods(z, (p, h) -> t.add(row(z, p, h.droughtKm2(), h.landAreaKm2(),
                    h.shareOfLandUnderDrought() == null ? null : 100 * h.shareOfLandUnderDrought())));
        }
        return t.build();
    }

    /** SO3-2.T1: population in each drought-intensity class, by series (total, female, male). */
    private static ReportingTable exposure(List<Zone> zones) {
        List<Column> c = keys("period", "Year or reporting block");
        c.add(Column.text("series", "Population"));
        for (int i = 0; i < CLASSES.length; i++) {
            c.add(Column.of(CLASSES[i] + "_persons", LABELS[i], "persons"));
        }
        c.add(Column.of("exposed_persons", "Exposed to drought (mild to extreme)", "persons"));
        c.add(Column.of("exposed_pct", "Exposed, share of the zone's population", "%"));
        ReportingTable.Builder t = new ReportingTable.Builder("SO3-2.T1", "so3_2_t1_population_exposed",
                "Population exposed to drought by intensity class", c);
        for (Zone z : zones) {
            periods(z, (p, h) -> {
                if (h.population() == null) {
                    return;
                }
                h.population().forEach((series, e) -> {
                    List<Object> r = row(z, p, series);
                    for (String k : CLASSES) {
                        r.add(e.byClass().get(k));
                    }
                    double exposed = e.byClass().get("mild") + e.byClass().get("moderate")
                            + e.byClass().get("severe") + e.byClass().get("extreme");
                    r.add(exposed);
                    r.add(e.zonePopulation() > 0 ? 100 * exposed / e.zonePopulation() : null);
                    t.add(r);
                });
            });
        }
        return t.build();
    }

    /** SO3-3.T1: the Drought Vulnerability Index per zone, and the area at risk in the latest block. */
    private static ReportingTable vulnerability(List<Zone> zones) {
        List<Column> c = new ArrayList<>();
        c.add(Column.text("zone_id", "Zone id"));
        c.add(Column.text("zone_name", "Zone"));
        c.add(Column.text("mean_dvi", "Mean DVI (area-weighted, 0..1)"));
        for (String q : new String[] {"0-0.2", "0.2-0.4", "0.4-0.6", "0.6-0.8", "0.8-1", "nodata"}) {
            c.add(Column.of("dvi_" + q.replace('-', '_').replace('.', 'p') + "_km2", "DVI " + q, KM2));
        }
        ReportingTable.Builder t = new ReportingTable.Builder("SO3-3.T1", "so3_3_t1_vulnerability",
                "Drought Vulnerability Index: mean and area per class", c);
        for (Zone z : zones) {
            if (z.vulnerability() == null) {
                continue;
            }
            Map<String, Double> q = z.vulnerability().quintileKm2();
            t.add(row(z, z.vulnerability().meanDvi(), q.get("0-0.2"), q.get("0.2-0.4"), q.get("0.4-0.6"),
                    q.get("0.6-0.8"), q.get("0.8-1"), q.get("nodata")));
        }
        return t.build();
    }
}
