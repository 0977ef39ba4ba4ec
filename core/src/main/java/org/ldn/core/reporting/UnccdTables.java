package org.ldn.core.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.ldn.core.reporting.ReportingTable.Column;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.AreaSummary;
import org.ldn.core.report.Report.PeriodReport;
import org.ldn.core.report.Report.SocStock;
import org.ldn.core.report.Report.ZoneReport;

/**
 * The tables of the UNCCD national report for strategic objective 1 (PRAIS 4 reporting manual) filled from a
 * report: land area (CP-1.T1), land cover by year (SO1-1.T4), land-cover change matrices (SO1-1.T5, T6), land-cover
 * degradation (SO1-1.T7), land productivity dynamics by land-cover class (SO1-2.T1, T2), productivity degradation
 * (SO1-2.T3), SOC stocks by land-cover class (SO1-3.T1), SOC degradation (SO1-3.T2), the status matrix (SO1-4.T1) and
 * 7-class status, and the proportion of degraded land with its change from the baseline (SO1-4.T2). Every cell is a
 * figure of the report, or a ratio of two of them (percentages are {@code 100 · (part / land area)}); nothing is
 * estimated. A table the report cannot fill is left out. Rows run over the zones, then the total (a report of one
 * zone: that zone only). Stateless.
 */
public final class UnccdTables {
    static final String[] LC = {"1", "2", "3", "4", "5", "6", "7", "nodata"};
    static final String[] LC_LABELS = {"Tree-covered areas", "Grassland", "Cropland", "Wetland", "Artificial surfaces",
        "Other land", "Water bodies", "No data"};
    static final String[] LPD = {"1", "2", "3", "4", "5", "nodata", "water"};
    static final String[] LPD_LABELS = {"Declining", "Moderate decline", "Stable but stressed", "Stable", "Increasing",
        "No data", "Water bodies"};
    static final String[] STATUS = {"1", "2", "3", "4", "5", "6", "7", "nodata", "water"};
    static final String[] STATUS_LABELS = {"Persistent degradation", "Recent degradation", "Baseline degradation",
        "Stable", "Baseline improvement", "Recent improvement", "Persistent improvement", "No data", "Water bodies"};
    static final String[] CROSS = {"-1", "0", "1", "nodata"};
    static final String[] CROSS_LABELS = {"Degraded", "Stable", "Improved", "No data"};
    private static final String KM2 = "km²";
    private static final String PCT = "%";

    private UnccdTables() {
    }

    /** Every table {@code r} can fill, in the reporting manual's order. */
    public static List<ReportingTable> of(Report r) {
        List<ZoneReport> zones = new ArrayList<>();
        if (r.zones() != null) {
            zones.addAll(r.zones());
        }
        if (r.total() != null && zones.size() != 1) {
            zones.add(r.total());
        }
        zones.removeIf(z -> Boolean.TRUE.equals(z.noPixels()) || z.periods() == null);
        List<ReportingTable> out = new ArrayList<>();
        add(out, landArea(zones));
        add(out, landCover(zones));
        add(out, changeMatrix(zones));
        add(out, summary("SO1-1.T7", "so1_1_t7_land_cover_degradation", "Land cover degradation",
                zones, PeriodReport::landCover, PeriodReport::landCoverYears));
        add(out, productivityByLandCover(zones));
        add(out, summary("SO1-2.T3", "so1_2_t3_productivity_degradation", "Land productivity degradation",
                zones, PeriodReport::productivity, PeriodReport::productivityYears));
        add(out, soc(zones));
        add(out, summary("SO1-3.T2", "so1_3_t2_soc_degradation", "Soil organic carbon degradation", zones,
                PeriodReport::soc, PeriodReport::socYears));
        add(out, statusMatrix(zones));
        add(out, status7(zones));
        add(out, proportionDegraded(zones));
        return out;
    }

    private static void add(List<ReportingTable> out, ReportingTable t) {
        if (!t.rows().isEmpty()) {
            out.add(t);
        }
    }

    private static List<Column> keys(String... more) {
        List<Column> c = new ArrayList<>(List.of(Column.text("zone_id", "Zone ID"), Column.text("zone_name", "Zone")));
        for (String m : more) {
            String[] kl = m.split("\\|");
            c.add(Column.text(kl[0], kl[1]));
        }
        return c;
    }

    private static List<Object> row(ZoneReport z, Object... cells) {
        List<Object> r = new ArrayList<>(List.of(z.id(), z.name()));
        r.addAll(java.util.Arrays.asList(cells));
        return r;
    }

    /** CP-1.T1: total area, land area and water of each zone, per period (water is the period's first year's). */
    private static ReportingTable landArea(List<ZoneReport> zones) {
        List<Column> c = keys("period|Period");
        c.add(Column.of("total_area_km2", "Total area", KM2));
        c.add(Column.of("land_area_km2", "Land area", KM2));
        c.add(Column.of("water_bodies_km2", "Water bodies", KM2));
        c.add(Column.of("national_land_area_km2", "National land area (statistics office)", KM2));
        ReportingTable.Builder t = new ReportingTable.Builder("CP-1.T1", "cp_1_t1_land_area",
                "Total area, land area and water bodies", c);
        for (ZoneReport z : zones) {
            for (PeriodReport p : z.periods()) {
                t.add(row(z, p.name(), z.areaKm2(), p.sdg().landAreaKm2(), p.sdg().waterKm2(),
                        p.sdg().nationalLandAreaKm2()));
            }
        }
        return t.build();
    }

    /** SO1-1.T4: area of each land-cover class in every land-cover year. */
    private static ReportingTable landCover(List<ZoneReport> zones) {
        List<Column> c = keys("year|Year");
        classColumns(c, LC, LC_LABELS);
        ReportingTable.Builder t = new ReportingTable.Builder("SO1-1.T4", "so1_1_t4_land_cover",
                "Land cover: area of each class by year", c);
        for (ZoneReport z : zones) {
            if (z.landCoverClassKm2() == null) {
                continue;
            }
            for (Map.Entry<String, Map<String, Double>> e : new TreeMap<>(z.landCoverClassKm2()).entrySet()) {
                t.add(withCells(row(z, Integer.valueOf(e.getKey())), e.getValue(), LC));
            }
        }
        return t.build();
    }

    /** SO1-1.T5 (baseline), T6 (reporting periods): area from each initial class to each final class. */
    private static ReportingTable changeMatrix(List<ZoneReport> zones) {
        List<Column> c = keys("period|Period", "initial_year|Initial year", "final_year|Final year",
                "initial_class|Initial class");
        classColumns(c, LC, LC_LABELS);
        ReportingTable.Builder t = new ReportingTable.Builder("SO1-1.T5-T6", "so1_1_t5_t6_land_cover_change",
                "Land cover change: area from each initial class (rows) to each final class (columns)", c);
        for (ZoneReport z : zones) {
            for (PeriodReport p : z.periods()) {
                if (p.lcTransitionKm2() == null) {
                    continue;
                }
                for (int a = 0; a < LC.length; a++) {
                    Map<String, Double> row = p.lcTransitionKm2().get(LC[a]);
                    if (row != null) {
                        t.add(withCells(row(z, p.name(), p.landCoverYears().get(0), p.landCoverYears().get(1),
                                LC_LABELS[a]), row, LC));
                    }
                }
            }
        }
        return t.build();
    }

    /** SO1-2.T1 (baseline), T2 (reporting periods): LPD class areas within each land-cover class. */
    private static ReportingTable productivityByLandCover(List<ZoneReport> zones) {
        List<Column> c = keys("period|Period", "land_cover_year|Land cover year", "land_cover_class|Land cover class");
        classColumns(c, LPD, LPD_LABELS);
        ReportingTable.Builder t = new ReportingTable.Builder("SO1-2.T1-T2", "so1_2_t1_t2_productivity_by_land_cover",
                "Land productivity dynamics within each land-cover class (class of the period's final year)", c);
        for (ZoneReport z : zones) {
            for (PeriodReport p : z.periods()) {
                if (p.lpdByLandCoverKm2() == null) {
                    continue;
                }
                for (int a = 0; a < LC.length; a++) {
                    Map<String, Double> row = p.lpdByLandCoverKm2().get(LC[a]);
                    if (row != null) {
                        t.add(withCells(row(z, p.name(), p.landCoverYears().get(1), LC_LABELS[a]), row, LPD));
                    }
                }
            }
        }
        return t.build();
    }

    /**
     * SO1-3.T1: SOC stock by land-cover class for every year, and the mean stock per hectare where the report
     * gives it exactly: the class areas of the land-cover map the stock was classed by (the latest not after the
     * year) are known and no pixel lacks a stock; otherwise blank, with a note saying why. The total row's mean is
     * over the pixels that have a stock (zone area less the area without a stock), which the report always gives.
     */
    private static ReportingTable soc(List<ZoneReport> zones) {
        List<Column> c = keys("year|Year", "land_cover_class|Land cover class");
        c.add(Column.of("soc_stock_t", "SOC stock 0-30 cm", "t C"));
        c.add(Column.of("area_km2", "Area", KM2));
        c.add(Column.of("mean_soc_stock_t_per_ha", "Mean SOC stock", "t C/ha"));
        ReportingTable.Builder t = new ReportingTable.Builder("SO1-3.T1", "so1_3_t1_soc_stock",
                "Soil organic carbon stock (0-30 cm) by land-cover class", c);
        boolean blankMean = false;
        for (ZoneReport z : zones) {
            if (z.socStockTonnes() == null) {
                continue;
            }
            for (Map.Entry<String, SocStock> e : new TreeMap<>(z.socStockTonnes()).entrySet()) {
                int year = Integer.parseInt(e.getKey());
                SocStock s = e.getValue();
                Map<String, Double> areas = classAreas(z, year);
                boolean exact = areas != null && s.noDataKm2() == 0;
                if (areas != null && s.noDataKm2() != 0 && !blankMean) {
                    blankMean = true;
                    t.note("Mean SOC stock per class is blank where some pixels of the zone have no SOC stock (row"
                            + " 'No SOC data'): the report gives the stock of each class over the pixels with a stock,"
                            + " but not how much of each class's area lacks one, so the class mean cannot be computed"
                            + " exactly. The 'Total' row's mean is over the area with a stock.");
                }
                for (int k = 0; k < 7; k++) {
                    Double stock = s.byLandCoverClass() == null ? null : s.byLandCoverClass().get(LC[k]);
                    Double area = areas == null ? null : areas.get(LC[k]);
                    t.add(row(z, year, LC_LABELS[k], stock, area,
                            exact && stock != null && area != null && area > 0 ? stock / (area * 100) : null));
                }
                double withStock = z.areaKm2() - s.noDataKm2();
                t.add(row(z, year, "Total", s.total(), z.areaKm2(),
                        withStock > 0 ? s.total() / (withStock * 100) : null));
                t.add(row(z, year, "No SOC data", null, s.noDataKm2(), null));
            }
        }
        return t.build();
    }

    /** The class areas of the latest land-cover year not after {@code year}, or null. */
    private static Map<String, Double> classAreas(ZoneReport z, int year) {
        if (z.landCoverClassKm2() == null) {
            return null;
        }
        Map.Entry<Integer, Map<String, Double>> best = null;
        for (Map.Entry<String, Map<String, Double>> e : z.landCoverClassKm2().entrySet()) {
            int y = Integer.parseInt(e.getKey());
            if (y <= year && (best == null || y > best.getKey())) {
                best = Map.entry(y, e.getValue());
            }
        }
        return best == null ? null : best.getValue();
    }

    /** SO1-1.T7, SO1-2.T3, SO1-3.T2: improved, stable, degraded and nodata areas and shares of land per period. */
    private static ReportingTable summary(String id, String file, String title, List<ZoneReport> zones,
            Function<PeriodReport, AreaSummary> of, Function<PeriodReport, List<Integer>> yearsOf) {
        List<Column> c = keys("period|Period", "initial_year|Initial year", "final_year|Final year");
        String[] names = {"improved", "stable", "degraded", "no_data"};
        String[] labels = {"Improved", "Stable", "Degraded", "No data"};
        for (int i = 0; i < 4; i++) {
            c.add(Column.of(names[i] + "_km2", labels[i], KM2));
        }
        for (int i = 0; i < 4; i++) {
            c.add(Column.of(names[i] + "_pct_of_land", labels[i] + " (share of land area)", PCT));
        }
        c.add(Column.of("land_area_km2", "Land area", KM2));
        ReportingTable.Builder t = new ReportingTable.Builder(id, file, title, c);
        for (ZoneReport z : zones) {
            for (PeriodReport p : z.periods()) {
                AreaSummary a = of.apply(p);
                if (a == null) {
                    continue;
                }
                List<Integer> years = yearsOf.apply(p);
                double land = a.landAreaKm2();
                t.add(row(z, p.name(), years.get(0), years.get(1), a.improvedKm2(), a.stableKm2(), a.degradedKm2(),
                        a.noDataKm2(), pct(a.improvedKm2(), land), pct(a.stableKm2(), land),
                        pct(a.degradedKm2(), land), pct(a.noDataKm2(), land), land));
            }
        }
        return t.build();
    }

    /** SO1-4.T1: area by baseline class (rows) and reporting-period class (columns) of the combined indicator. */
    private static ReportingTable statusMatrix(List<ZoneReport> zones) {
        List<Column> c = keys("period|Period", "baseline_class|Baseline");
        for (int k = 0; k < CROSS.length; k++) {
            c.add(Column.of(key(CROSS_LABELS[k]) + "_in_period_km2", CROSS_LABELS[k] + " in the period", KM2));
        }
        c.add(Column.of("total_km2", "Total", KM2));
        ReportingTable.Builder t = new ReportingTable.Builder("SO1-4.T1", "so1_4_t1_status_matrix",
                "Status matrix: land condition in the baseline (rows) and in the reporting period (columns)", c);
        for (ZoneReport z : zones) {
            for (PeriodReport p : z.periods()) {
                if (p.crossTableKm2() == null) {
                    continue;
                }
                for (int b = 0; b < CROSS.length; b++) {
                    Map<String, Double> row = p.crossTableKm2().get(CROSS[b]);
                    if (row != null) {
                        t.add(withCells(row(z, p.name(), CROSS_LABELS[b]), row, CROSS));
                    }
                }
            }
        }
        return t.build();
    }

    /** 7-class status of each reporting period against the baseline, combined and per sub-indicator. */
    private static ReportingTable status7(List<ZoneReport> zones) {
        List<Column> c = keys("period|Period", "indicator|Indicator");
        classColumns(c, STATUS, STATUS_LABELS);
        ReportingTable.Builder t = new ReportingTable.Builder("SO1-4.S", "so1_4_status_classes",
                "Status of land in each reporting period against the baseline (7 classes)", c);
        for (ZoneReport z : zones) {
            for (PeriodReport p : z.periods()) {
                if (p.status7Km2() == null) {
                    continue;
                }
                t.add(withCells(row(z, p.name(), "SDG 15.3.1"), p.status7Km2(), STATUS));
                Report.StatusReport[] subs = {p.statusLandCover(), p.statusProductivity(), p.statusSoc()};
                String[] names = {"Land cover", "Land productivity", "Soil organic carbon"};
                for (int i = 0; i < 3; i++) {
                    if (subs[i] != null) {
                        t.add(withCells(row(z, p.name(), names[i]), subs[i].status7Km2(), STATUS));
                    }
                }
            }
        }
        return t.build();
    }

    /**
     * SO1-4.T2: the proportion of degraded land (SDG 15.3.1): for the baseline its period assessment, for a
     * reporting period its status against the baseline, with the change from the baseline.
     */
    private static ReportingTable proportionDegraded(List<ZoneReport> zones) {
        List<Column> c = keys("period|Period", "assessment|Assessment", "initial_year|Initial year",
                "final_year|Final year");
        c.add(Column.of("degraded_km2", "Degraded land", KM2));
        c.add(Column.of("land_area_km2", "Land area", KM2));
        c.add(Column.of("proportion_degraded_pct", "Proportion of degraded land", PCT));
        c.add(Column.of("change_degraded_km2", "Change in degraded land since the baseline", KM2));
        c.add(Column.of("change_percentage_points", "Change in the proportion since the baseline",
                "percentage points"));
        c.add(Column.of("national_land_area_km2", "National land area (statistics office)", KM2));
        c.add(Column.of("proportion_of_national_land_area_pct", "Proportion of the national land area", PCT));
        ReportingTable.Builder t = new ReportingTable.Builder("SO1-4.T2", "so1_4_t2_proportion_degraded",
                "Proportion of land that is degraded over total land area (SDG indicator 15.3.1)", c);
        for (ZoneReport z : zones) {
            for (PeriodReport p : z.periods()) {
                boolean status = p.status3() != null;
                AreaSummary a = status ? p.status3() : p.sdg();
                Report.Change ch = p.change();
                t.add(row(z, p.name(), status ? "status against the baseline" : "baseline period",
                        p.landCoverYears().get(0), p.landCoverYears().get(1), a.degradedKm2(), a.landAreaKm2(),
                        a.proportionDegraded() == null ? null : 100 * a.proportionDegraded(),
                        ch == null ? null : ch.degradedKm2(), ch == null ? null : ch.percentagePoints(),
                        p.sdg().nationalLandAreaKm2(), status || p.sdg().proportionDegradedOfNationalLandArea() == null
                                ? null : 100 * p.sdg().proportionDegradedOfNationalLandArea()));
            }
        }
        return t.build();
    }

    private static void classColumns(List<Column> c, String[] keys, String[] labels) {
        for (int k = 0; k < keys.length; k++) {
            c.add(Column.of(key(labels[k]) + "_km2", labels[k], KM2));
        }
        c.add(Column.of("total_km2", "Total", KM2));
    }

    /** The row's cells for {@code keys} (blank where the report has none) and their total. */
    private static List<Object> withCells(List<Object> row, Map<String, Double> values, String[] keys) {
        double total = 0;
        for (String k : keys) {
            Double v = values.get(k);
            row.add(v);
            total += v == null ? 0 : v;
        }
        row.add(total);
        return row;
    }

    private static Double pct(double part, double land) {
        return land > 0 ? 100 * (part / land) : null;
    }

    /** "Tree-covered areas" → "tree_covered_areas". */
    static String key(String label) {
        return label.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
