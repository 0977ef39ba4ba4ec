package org.ldn.core.reporting;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ldn.core.InputException;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.AreaSummary;
import org.ldn.core.report.Report.PeriodReport;
import org.ldn.core.report.Report.ZoneReport;

/**
 * The JSON that the UNCCD's PRAIS 4 imports from Trends.Earth: a {@code TrendsEarthLandConditionSummary} of
 * Trends.Earth's published schema package ({@code te_schemas.reporting}, with {@code te_schemas.land_cover} and
 * {@code te_schemas.schemas}), filled from one zone report (the country) as plain maps and lists in the field
 * order of those classes. Areas in "sq km" exactly as the report holds them; populations rounded to whole persons
 * (the schema's type is int). Periods are keyed {@code baseline}, {@code report_1}, {@code report_2}, … in run order.
 * <p>
 * What stays empty, and why: {@code crosstabs_by_productivity_class} (the report crosses LPD with the final
 * land-cover class, not with the transition the schema asks for) is an empty list; the optional
 * {@code error_recode} polygons and {@code sdg_error_recode} are left out (the report's {@code corrections} carry
 * them in the engine's own form). Water, which the engine reports apart, is counted as "No data" in the
 * {@code all_cover_types} summaries (Trends.Earth masks it) and left out of the {@code non_water} ones and of the
 * combined indicator, as in the report. Stateless.
 */
public final class PraisSummary {
    /** The seven UNCCD classes: short names (≤ 15 characters, the schema's limit) and long names. */
    static final String[] SHORT = {"Tree-covered", "Grassland", "Cropland", "Wetland", "Artificial", "Other land",
        "Water body"};
    static final String[] LONG = {"Tree-covered areas", "Grassland", "Cropland", "Wetland", "Artificial surfaces",
        "Other land", "Water bodies"};
    /** The land-cover nodata class code (the engine's and Trends.Earth's int16 nodata). */
    static final int NODATA_CODE = -32768;
    static final String UNIT = "sq km";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'")
            .withZone(ZoneOffset.UTC);
    private static final List<List<Integer>> DEFAULT_MATRIX = List.of(List.of(0, -1, -1, -1, -1, -1, 0),
            List.of(1, 0, 1, -1, -1, -1, 0), List.of(1, -1, 0, -1, -1, -1, 0), List.of(-1, -1, -1, 0, -1, -1, 0),
            List.of(1, 1, 1, 1, 0, 1, 0), List.of(1, 1, 1, 1, -1, 0, 0), List.of(0, 0, 0, 0, 0, 0, 0));

    private PraisSummary() {
    }

    /**
     * @param zone     the zone to report (the country: the report's only zone, or its total)
     * @param geojson  the zone's boundary as a GeoJSON object (longitude/latitude, WGS84)
     * @param crsWkt   the WKT of the boundary's CRS
     */
    public static Map<String, Object> of(Report r, ZoneReport zone, Map<String, Object> geojson, String crsWkt) {
        if (zone.periods() == null || zone.periods().isEmpty()) {
            throw new InputException("zone '" + zone.id() + "' has no figures to export (no pixel of the grid)");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metadata", metadata(r, zone, geojson, crsWkt));
        Map<String, Object> land = new LinkedHashMap<>();
        Map<String, Object> population = new LinkedHashMap<>();
        List<PeriodReport> ps = zone.periods();
        List<List<Integer>> matrix = matrix(r);
        for (int i = 0; i < ps.size(); i++) {
            PeriodReport p = ps.get(i);
            String key = periodKey(i);
            Map<String, Object> lcr = new LinkedHashMap<>();
            lcr.put("period_assessment", assessment(zone, p, matrix));
            if (i > 0 && p.status3() != null) {
                lcr.put("status_assessment", status(p));
                lcr.put("change_assessment", change(ps.get(0), p));
            }
            land.put(key, lcr);
            if (p.population() != null) {
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("Total population", populationList(p.population(), "Total population"));
                if (p.population().female() != null) {
                    summary.put("Female population", populationList(p.population().female(), "Female population"));
                }
                if (p.population().male() != null) {
                    summary.put("Male population", populationList(p.population().male(), "Male population"));
                }
                population.put(key, Map.of("summary", summary));
            }
        }
        out.put("land_condition", land);
        out.put("affected_population", population);
        return out;
    }

    /** {@code baseline} for the first period, {@code report_i} for the i-th reporting period. */
    public static String periodKey(int index) {
        return index == 0 ? "baseline" : "report_" + index;
    }

    private static Map<String, Object> metadata(Report r, ZoneReport zone, Map<String, Object> geojson,
            String crsWkt) {
        String date = r.createdAt() == null ? DATE.format(Instant.EPOCH) : DATE.format(Instant.parse(r.createdAt()));
        Map<String, Object> m = new LinkedHashMap<>();
        String title = r.run() instanceof Map<?, ?> run && run.get("title") != null ? run.get("title").toString()
                : "LDN run";
        m.put("title", title + " — " + zone.name());
        m.put("date", date);
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("version", r.engine() == null ? "" : r.engine().version());
        version.put("revision", r.engine() == null ? "" : r.engine().name());
        version.put("release_date", date);
        m.put("trends_earth_version", version);
        Map<String, Object> aoi = new LinkedHashMap<>();
        aoi.put("name", zone.name());
        aoi.put("geojson", geojson);
        aoi.put("crs_wkt", crsWkt);
        m.put("area_of_interest", aoi);
        m.put("affected_areas_only", false);
        return m;
    }

    private static Map<String, Object> assessment(ZoneReport zone, PeriodReport p, List<List<Integer>> matrix) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("sdg", Map.of("summary", areaList("SDG Indicator 15.3.1", p.sdg(), false)));
        Map<String, Object> prod = new LinkedHashMap<>();
        prod.put("summaries", summaries("Productivity", p.productivity()));
        prod.put("crosstabs_by_productivity_class", List.of());
        a.put("productivity", prod);
        Map<String, Object> lc = new LinkedHashMap<>();
        lc.put("summary", areaList("Land cover", p.landCover(), false));
        lc.put("legend_nesting", nesting());
        lc.put("transition_matrix", transitionDefinition(matrix));
        List<Object> crosstabs = new ArrayList<>();
        if (p.lcTransitionKm2() != null) {
            List<Object> values = new ArrayList<>();
            for (int a0 = 0; a0 < 7; a0++) {
                for (int b = 0; b < 7; b++) {
                    values.add(entry(LONG[a0], LONG[b],
                            p.lcTransitionKm2().get(String.valueOf(a0 + 1)).get(String.valueOf(b + 1))));
                }
            }
            crosstabs.add(crossTab("Land area by land cover transition type", p.landCoverYears().get(0),
                    p.landCoverYears().get(1), values));
        }
        lc.put("crosstabs_by_land_cover_class", crosstabs);
        Map<String, Map<String, Double>> byYear = new TreeMap<>();
        if (zone.landCoverClassKm2() != null) {
            for (int y : p.landCoverYears()) {
                Map<String, Double> classes = zone.landCoverClassKm2().get(String.valueOf(y));
                Map<String, Double> named = new LinkedHashMap<>();
                for (int c = 0; c < 7; c++) {
                    named.put(LONG[c], classes.get(String.valueOf(c + 1)));
                }
                named.put("No data", classes.get("nodata"));
                byYear.put(String.valueOf(y), named);
            }
        }
        lc.put("land_cover_areas_by_year", valuesByYear("Area by year by land cover class", UNIT, byYear));
        a.put("land_cover", lc);
        Map<String, Object> soc = new LinkedHashMap<>();
        soc.put("summaries", summaries("Soil organic carbon", p.soc()));
        Map<String, Map<String, Double>> stocks = new TreeMap<>();
        if (zone.socStockTonnes() != null) {
            for (int y : p.socYears()) {
                Report.SocStock s = zone.socStockTonnes().get(String.valueOf(y));
                if (s != null) {
                    Map<String, Double> named = new LinkedHashMap<>();
                    for (int c = 0; c < 7; c++) {
                        named.put(LONG[c], s.byLandCoverClass().get(String.valueOf(c + 1)));
                    }
                    stocks.put(String.valueOf(y), named);
                }
            }
        }
        soc.put("soc_stock_by_year", valuesByYear("Soil organic carbon by year by land cover class", "tonnes",
                stocks));
        a.put("soil_organic_carbon", soc);
        return a;
    }

    private static Map<String, Object> status(PeriodReport p) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("sdg", areaList("SDG Indicator 15.3.1 (status)", p.status3(), false));
        s.put("productivity", p.statusProductivity() == null ? Map.of()
                : summaries("Productivity (status)", p.statusProductivity().status3()));
        s.put("land_cover", areaList("Land cover (status)",
                p.statusLandCover() == null ? null : p.statusLandCover().status3(), false));
        s.put("soil_organic_carbon", p.statusSoc() == null ? Map.of()
                : summaries("Soil organic carbon (status)", p.statusSoc().status3()));
        return s;
    }

    private static Map<String, Object> change(PeriodReport baseline, PeriodReport p) {
        Map<String, Object> c = new LinkedHashMap<>();
        int from = baseline.landCoverYears().get(0);
        int to = p.landCoverYears().get(1);
        c.put("sdg", cross("SDG Indicator 15.3.1", p.crossTableKm2(), from, to));
        c.put("productivity", cross("Productivity",
                p.statusProductivity() == null ? null : p.statusProductivity().crossTableKm2(), from, to));
        c.put("land_cover", cross("Land cover",
                p.statusLandCover() == null ? null : p.statusLandCover().crossTableKm2(), from, to));
        c.put("soil_organic_carbon", cross("Soil organic carbon",
                p.statusSoc() == null ? null : p.statusSoc().crossTableKm2(), from, to));
        return c;
    }

    /** Baseline class (rows) × reporting class (columns), labelled Improved / Stable / Degraded / No data. */
    private static Map<String, Object> cross(String name, Map<String, Map<String, Double>> t, int from, int to) {
        String[] keys = {"1", "0", "-1", "nodata"};
        String[] labels = {"Improved", "Stable", "Degraded", "No data"};
        List<Object> values = new ArrayList<>();
        if (t != null) {
            for (int a = 0; a < 4; a++) {
                for (int b = 0; b < 4; b++) {
                    values.add(entry(labels[a], labels[b], t.get(keys[a]).get(keys[b])));
                }
            }
        }
        return crossTab(name, from, to, values);
    }

    /** {@code all_cover_types} (water counted as No data) and {@code non_water} (the report's figures). */
    private static Map<String, Object> summaries(String name, AreaSummary a) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (a != null) {
            m.put("all_cover_types", areaList(name, a, true));
            m.put("non_water", areaList(name, a, false));
        }
        return m;
    }

    /** An AreaList of improved, stable, degraded, no data (plus water when {@code waterAsNoData}). */
    private static Map<String, Object> areaList(String name, AreaSummary a, boolean waterAsNoData) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("unit", UNIT);
        List<Object> areas = new ArrayList<>();
        if (a != null) {
            areas.add(area("Improved", a.improvedKm2()));
            areas.add(area("Stable", a.stableKm2()));
            areas.add(area("Degraded", a.degradedKm2()));
            areas.add(area("No data", waterAsNoData ? a.noDataKm2() + a.waterKm2() : a.noDataKm2()));
        }
        m.put("areas", areas);
        return m;
    }

    private static Map<String, Object> area(String name, double km2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("area", km2);
        return m;
    }

    private static Map<String, Object> populationList(Report.Population p, String type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "Population by degradation class");
        List<Object> values = new ArrayList<>();
        String[] names = {"Improved", "Stable", "Degraded", "No data"};
        double[] v = {p.improved(), p.stable(), p.degraded(), p.noData()};
        for (int i = 0; i < 4; i++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", names[i]);
            e.put("population", Math.round(v[i]));
            e.put("type", type);
            values.add(e);
        }
        m.put("values", values);
        return m;
    }

    private static Map<String, Object> entry(String initial, String fin, Double value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("initial_label", initial);
        m.put("final_label", fin);
        m.put("value", value == null ? 0.0 : value);
        return m;
    }

    private static Map<String, Object> crossTab(String name, int from, int to, List<Object> values) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("unit", UNIT);
        m.put("initial_year", from);
        m.put("final_year", to);
        m.put("values", values);
        return m;
    }

    private static Map<String, Object> valuesByYear(String name, String unit, Map<String, Map<String, Double>> v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("unit", unit);
        m.put("values", v);
        return m;
    }

    private static Map<String, Object> lcClass(int index) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", index < 0 ? NODATA_CODE : index + 1);
        m.put("name_short", index < 0 ? "No data" : SHORT[index]);
        m.put("name_long", index < 0 ? "No data" : LONG[index]);
        return m;
    }

    /** The UNCCD 7-class legend (codes 1..7, nodata −32768). */
    private static Map<String, Object> legend() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "UNCCD Land Cover");
        List<Object> key = new ArrayList<>();
        for (int c = 0; c < 7; c++) {
            key.add(lcClass(c));
        }
        m.put("key", key);
        m.put("nodata", lcClass(-1));
        return m;
    }

    /** The report's classes are already the UNCCD ones: the legend nests into itself, class by class. */
    private static Map<String, Object> nesting() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parent", legend());
        m.put("child", legend());
        Map<String, Object> n = new LinkedHashMap<>();
        for (int c = 1; c <= 7; c++) {
            n.put(String.valueOf(c), List.of(c));
        }
        n.put(String.valueOf(NODATA_CODE), List.of(NODATA_CODE));
        m.put("nesting", n);
        return m;
    }

    private static Map<String, Object> transitionDefinition(List<List<Integer>> matrix) {
        List<Object> transitions = new ArrayList<>();
        String[] meaning = {"degradation", "stable", "improvement"};
        for (int a = 0; a < 7; a++) {
            for (int b = 0; b < 7; b++) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("initial", lcClass(a));
                t.put("final", lcClass(b));
                t.put("meaning", meaning[matrix.get(a).get(b) + 1]);
                transitions.add(t);
            }
        }
        Map<String, Object> defs = new LinkedHashMap<>();
        defs.put("transitions", transitions);
        defs.put("name", "Degradation matrix");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("legend", legend());
        m.put("name", "Land cover transition definitions");
        m.put("definitions", defs);
        return m;
    }

    /**
     * The run's transition matrix (rows initial class) from the report's parameters: the first listed (the
     * national one, or the first regional one); METHOD.md §2's default when the report does not say.
     */
    @SuppressWarnings("unchecked")
    static List<List<Integer>> matrix(Report r) {
        if (r.parameters() instanceof Map<?, ?> p && p.get("transitionMatrices") instanceof List<?> ms
                && !ms.isEmpty() && ms.get(0) instanceof Map<?, ?> m && m.get("matrix") instanceof List<?> rows
                && rows.size() == 7) {
            List<List<Integer>> out = new ArrayList<>();
            for (Object row : rows) {
                List<Integer> cells = new ArrayList<>();
                for (Object v : (List<Object>) row) {
                    cells.add(((Number) v).intValue());
                }
                out.add(cells);
            }
            return out;
        }
        return DEFAULT_MATRIX;
    }
}
