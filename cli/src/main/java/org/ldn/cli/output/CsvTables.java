package org.ldn.cli.output;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ldn.core.reporting.ClassLabels;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.AreaSummary;
import org.ldn.core.report.Report.PeriodReport;
import org.ldn.core.report.Report.StatusReport;
import org.ldn.core.report.Report.ZoneReport;

/**
 * The CSV tables of a run (one per UNCCD reporting table the report fills), derived from the report alone, for the
 * zones and the total. Numbers are written in plain decimal notation with all the digits the report holds; units are
 * in the column names ({@code _km2}, {@code _tonnes}, {@code _persons}, and {@code _fraction} for proportions from 0
 * to 1, as the report holds them); every class code column is followed by a {@code _name} column with the class's
 * name. Text cells a spreadsheet could take for a formula are neutralised ({@link SpreadsheetText}).
 */
public final class CsvTables {
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private CsvTables() {
    }

    /** Writes every table the report can fill into {@code dir}; returns the file names written. */
    public static List<String> write(Report r, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<ZoneReport> zones = new ArrayList<>(r.zones());
        zones.add(r.total());
        List<String> written = new ArrayList<>();
        Table landArea = new Table("zone_id", "zone_name", "zone_area_km2", "land_area_km2", "water_km2");
        Table lcAreas = new Table("zone_id", "zone_name", "year", "land_cover_class", "land_cover_class_name",
                "area_km2");
        Table lcChange = new Table("zone_id", "zone_name", "period", "initial_class", "initial_class_name",
                "final_class", "final_class_name", "area_km2");
        Table degradation = new Table("zone_id", "zone_name", "period", "indicator", "improved_km2", "stable_km2",
                "degraded_km2", "nodata_km2", "water_km2", "land_area_km2", "proportion_degraded_fraction",
                "proportion_degraded_of_valid_fraction", "national_land_area_km2",
                "proportion_degraded_of_national_land_area_fraction");
        Table lpdByLc = new Table("zone_id", "zone_name", "period", "land_cover_class_end_year",
                "land_cover_class_name", "lpd_class", "lpd_class_name", "area_km2");
        Table soc = new Table("zone_id", "zone_name", "year", "land_cover_class", "land_cover_class_name",
                "soc_stock_tonnes");
        Table status = new Table("zone_id", "zone_name", "period", "indicator", "status", "status_name", "area_km2");
        Table statusSummary = new Table("zone_id", "zone_name", "period", "indicator", "improved_km2", "stable_km2",
                "degraded_km2", "nodata_km2", "water_km2", "land_area_km2", "proportion_degraded_fraction",
                "change_degraded_km2", "change_percentage_points");
        Table population = new Table("zone_id", "zone_name", "period", "series", "improved_persons", "stable_persons",
                "degraded_persons", "nodata_persons", "water_persons", "total_persons", "share_on_degraded_fraction");
        Table ldn = new Table("zone_id", "zone_name", "period", "land_type", "land_type_name", "gains_km2",
                "losses_km2", "delta_km2", "achieved");
        // land types are named only when a run says they are the default, the baseline's first-year UNCCD
        // land-cover class (an aggregate of reports cannot say what its countries' land types were)
        boolean landCoverTypes = r.run() instanceof Map<?, ?> run && run.containsKey("landCover")
                && !run.containsKey("landTypes");
        for (ZoneReport z : zones) {
            if (Boolean.TRUE.equals(z.noPixels()) || z.periods() == null) {
                continue;
            }
            AreaSummary base = z.periods().get(0).sdg();
            landArea.add(z.id(), z.name(), z.areaKm2(), base.landAreaKm2(), base.waterKm2());
            if (z.landCoverClassKm2() != null) {
                z.landCoverClassKm2().forEach((year, m) -> m.forEach((cls, km2) ->
                        lcAreas.add(z.id(), z.name(), year, cls, ClassLabels.landCover(cls), km2)));
            }
            if (z.socStockTonnes() != null) {
                z.socStockTonnes().forEach((year, s) -> {
                    s.byLandCoverClass().forEach((cls, t) -> soc.add(z.id(), z.name(), year, cls,
                            ClassLabels.landCover(cls), t));
                    soc.add(z.id(), z.name(), year, "total", "Total", s.total());
                });
            }
            for (PeriodReport p : z.periods()) {
                if (p.lcTransitionKm2() != null) {
                    p.lcTransitionKm2().forEach((a, m) -> m.forEach((b, km2) ->
                            lcChange.add(z.id(), z.name(), p.name(), a, ClassLabels.landCover(a), b,
                                    ClassLabels.landCover(b), km2)));
                }
                summary(degradation, z, p.name(), "sdg_15_3_1", p.sdg());
                summary(degradation, z, p.name(), "land_cover", p.landCover());
                summary(degradation, z, p.name(), "productivity", p.productivity());
                summary(degradation, z, p.name(), "soc", p.soc());
                summary(degradation, z, p.name(), "productivity_trajectory", p.trajectory());
                summary(degradation, z, p.name(), "productivity_state", p.state());
                summary(degradation, z, p.name(), "productivity_performance", p.performance());
                if (p.lpdByLandCoverKm2() != null) {
                    p.lpdByLandCoverKm2().forEach((lc, m) -> m.forEach((lpd, km2) ->
                            lpdByLc.add(z.id(), z.name(), p.name(), lc, ClassLabels.landCover(lc), lpd,
                                    ClassLabels.lpd(lpd), km2)));
                }
                if (p.status7Km2() != null) {
                    status(status, statusSummary, z, p.name(), "sdg_15_3_1",
                            new StatusReport(p.status7Km2(), p.status3(), p.crossTableKm2(), p.change()));
                    status(status, statusSummary, z, p.name(), "land_cover", p.statusLandCover());
                    status(status, statusSummary, z, p.name(), "productivity", p.statusProductivity());
                    status(status, statusSummary, z, p.name(), "soc", p.statusSoc());
                }
                if (p.population() != null) {
                    population(population, z, p.name(), "total", p.population());
                    population(population, z, p.name(), "female", p.population().female());
                    population(population, z, p.name(), "male", p.population().male());
                }
                if (p.ldnByLandType() != null) {
                    p.ldnByLandType().types().forEach((type, b) -> ldn.add(z.id(), z.name(), p.name(), type,
                            landCoverTypes || "nodata".equals(type) ? ClassLabels.landCover(type) : null,
                            b.gainsKm2(), b.lossesKm2(), b.deltaKm2(), b.achieved()));
                    ldn.add(z.id(), z.name(), p.name(), "all (like for like)", null, null, null, null,
                            p.ldnByLandType().achieved());
                }
            }
        }
        landArea.write(dir.resolve("land_area.csv"), written);
        lcAreas.write(dir.resolve("land_cover_areas.csv"), written);
        lcChange.write(dir.resolve("land_cover_change.csv"), written);
        degradation.write(dir.resolve("degradation.csv"), written);
        lpdByLc.write(dir.resolve("lpd_by_land_cover.csv"), written);
        soc.write(dir.resolve("soc_stock.csv"), written);
        status.write(dir.resolve("status.csv"), written);
        statusSummary.write(dir.resolve("status_summary.csv"), written);
        population.write(dir.resolve("population.csv"), written);
        ldn.write(dir.resolve("ldn_by_land_type.csv"), written);
        return written;
    }

    private static void summary(Table t, ZoneReport z, String period, String indicator, AreaSummary a) {
        if (a != null) {
            t.add(z.id(), z.name(), period, indicator, a.improvedKm2(), a.stableKm2(), a.degradedKm2(), a.noDataKm2(),
                    a.waterKm2(), a.landAreaKm2(), a.proportionDegraded(), a.proportionDegradedOfValid(),
                    a.nationalLandAreaKm2(), a.proportionDegradedOfNationalLandArea());
        }
    }

    private static void status(Table t, Table summary, ZoneReport z, String period, String indicator, StatusReport s) {
        if (s == null) {
            return;
        }
        for (Map.Entry<String, Double> e : s.status7Km2().entrySet()) {
            t.add(z.id(), z.name(), period, indicator, e.getKey(), ClassLabels.status(e.getKey()), e.getValue());
        }
        AreaSummary a = s.status3();
        summary.add(z.id(), z.name(), period, indicator, a.improvedKm2(), a.stableKm2(), a.degradedKm2(),
                a.noDataKm2(), a.waterKm2(), a.landAreaKm2(), a.proportionDegraded(), s.change().degradedKm2(),
                s.change().percentagePoints());
    }

    private static void population(Table t, ZoneReport z, String period, String series, Report.Population p) {
        if (p != null) {
            t.add(z.id(), z.name(), period, series, p.improved(), p.stable(), p.degraded(), p.noData(), p.water(),
                    p.total(), p.shareOnDegraded());
        }
    }

    /** Rows of one table; written only when it has rows. */
    public static final class Table {
        private final String[] header;
        private final List<String[]> rows = new ArrayList<>();

        public Table(String... header) {
            this.header = new String[header.length];
            for (int i = 0; i < header.length; i++) {
                this.header[i] = SpreadsheetText.csvCell(header[i]);
            }
        }

        public void add(Object... values) {
            String[] row = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                row[i] = text(values[i]);
            }
            rows.add(row);
        }

        public void write(Path file, List<String> written) throws IOException {
            if (rows.isEmpty()) {
                return;
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    SequenceWriter s = CSV.writer(CsvSchema.emptySchema()).writeValues(w)) {
                s.write(header);
                for (String[] r : rows) {
                    s.write(r);
                }
            }
            written.add(file.getFileName().toString());
        }

        /** The table as CSV text (header first). */
        public String toCsv() throws IOException {
            java.io.StringWriter w = new java.io.StringWriter();
            try (SequenceWriter s = CSV.writer(CsvSchema.emptySchema()).writeValues(w)) {
                s.write(header);
                for (String[] r : rows) {
                    s.write(r);
                }
            }
            return w.toString();
        }

        static String text(Object v) {
            if (v == null) {
                return "";
            }
            if (v instanceof Double d) {
                return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue())
                        : BigDecimal.valueOf(d).toPlainString();
            }
            if (v instanceof String t) {
                return SpreadsheetText.csvCell(t);
            }
            return v.toString();
        }
    }
}
