package org.ldn.cli.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ldn.core.report.DroughtReport;
import org.ldn.core.report.DroughtReport.Hazard;
import org.ldn.core.report.DroughtReport.Zone;

/**
 * The strategic objective 3 tables of a run, derived from the report's {@code drought} section alone, for every
 * zone and the total: {@code drought_hazard.csv} (SO3-1.T1, T2: area per class and share of land under drought per
 * year and block), {@code drought_exposure.csv} (SO3-2: persons per class and share of the zone's population),
 * {@code drought_vulnerability.csv} (SO3-3: mean DVI and area per quintile class) and {@code drought_risk.csv}
 * (area and persons where high vulnerability meets severe or extreme drought).
 */
public final class DroughtCsv {
    static final String[] CLASSES = {"none", "mild", "moderate", "severe", "extreme", "nodata"};
    static final String[] EXPOSURE_CLASSES = {"none", "mild", "moderate", "severe", "extreme", "nodata", "water"};
    static final String[] QUINTILES = {"0-0.2", "0.2-0.4", "0.4-0.6", "0.6-0.8", "0.8-1", "nodata"};

    private DroughtCsv() {
    }

    /** The hazard table (SO3-1.T1 and T2). */
    public static CsvTables.Table hazard(DroughtReport d) {
        CsvTables.Table t = new CsvTables.Table("zone_id", "zone_name", "period_type", "period", "none_km2",
                "mild_km2", "moderate_km2", "severe_km2", "extreme_km2", "nodata_km2", "water_km2", "land_area_km2",
                "drought_km2", "share_of_land_under_drought");
        for (Zone z : zones(d)) {
            rows(z.years(), "year", (p, h) -> t.add(z.id(), z.name(), "year", p, h.classKm2().get("none"),
                    h.classKm2().get("mild"), h.classKm2().get("moderate"), h.classKm2().get("severe"),
                    h.classKm2().get("extreme"), h.classKm2().get("nodata"), h.waterKm2(), h.landAreaKm2(),
                    h.droughtKm2(), h.shareOfLandUnderDrought()));
            rows(z.blocks(), "block", (p, h) -> t.add(z.id(), z.name(), "block", p, h.classKm2().get("none"),
                    h.classKm2().get("mild"), h.classKm2().get("moderate"), h.classKm2().get("severe"),
                    h.classKm2().get("extreme"), h.classKm2().get("nodata"), h.waterKm2(), h.landAreaKm2(),
                    h.droughtKm2(), h.shareOfLandUnderDrought()));
        }
        return t;
    }

    /** The exposure table (SO3-2): one row per zone, year or block, population series and class. */
    public static CsvTables.Table exposure(DroughtReport d) {
        CsvTables.Table t = new CsvTables.Table("zone_id", "zone_name", "period_type", "period", "series",
                "drought_class", "persons", "share_of_zone_population");
        for (Zone z : zones(d)) {
            for (String type : new String[] {"year", "block"}) {
                rows(type.equals("year") ? z.years() : z.blocks(), type, (p, h) -> {
                    if (h.population() != null) {
                        h.population().forEach((series, e) -> {
                            for (String c : EXPOSURE_CLASSES) {
                                t.add(z.id(), z.name(), type, p, series, c, e.byClass().get(c),
                                        e.shareByClass() == null ? null : e.shareByClass().get(c));
                            }
                        });
                    }
                });
            }
        }
        return t;
    }

    /** The vulnerability table (SO3-3). */
    public static CsvTables.Table vulnerability(DroughtReport d) {
        CsvTables.Table t = new CsvTables.Table("zone_id", "zone_name", "mean_dvi", "dvi_0_0.2_km2",
                "dvi_0.2_0.4_km2", "dvi_0.4_0.6_km2", "dvi_0.6_0.8_km2", "dvi_0.8_1_km2", "dvi_nodata_km2");
        for (Zone z : zones(d)) {
            if (z.vulnerability() != null) {
                Map<String, Double> q = z.vulnerability().quintileKm2();
                t.add(z.id(), z.name(), z.vulnerability().meanDvi(), q.get(QUINTILES[0]), q.get(QUINTILES[1]),
                        q.get(QUINTILES[2]), q.get(QUINTILES[3]), q.get(QUINTILES[4]), q.get(QUINTILES[5]));
            }
        }
        return t;
    }

    /** The risk table: high vulnerability (DVI in (0.8, 1]) meeting severe or extreme drought. */
    public static CsvTables.Table risk(DroughtReport d) {
        CsvTables.Table t = new CsvTables.Table("zone_id", "zone_name", "period_type", "period", "area_km2",
                "total_persons", "female_persons", "male_persons");
        for (Zone z : zones(d)) {
            for (String type : new String[] {"year", "block"}) {
                rows(type.equals("year") ? z.years() : z.blocks(), type, (p, h) -> {
                    if (h.risk() != null) {
                        Map<String, Double> pop = h.risk().population();
                        t.add(z.id(), z.name(), type, p, h.risk().areaKm2(), pop == null ? null : pop.get("total"),
                                pop == null ? null : pop.get("female"), pop == null ? null : pop.get("male"));
                    }
                });
            }
        }
        return t;
    }

    /** Writes the tables that have rows into {@code dir}; returns the file names written. */
    public static List<String> write(DroughtReport d, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> written = new ArrayList<>();
        hazard(d).write(dir.resolve("drought_hazard.csv"), written);
        exposure(d).write(dir.resolve("drought_exposure.csv"), written);
        vulnerability(d).write(dir.resolve("drought_vulnerability.csv"), written);
        risk(d).write(dir.resolve("drought_risk.csv"), written);
        return written;
    }

    private static List<Zone> zones(DroughtReport d) {
        List<Zone> z = new ArrayList<>(d.zones());
        z.add(d.total());
        return z;
    }

    private static void rows(Map<String, Hazard> periods, String type,
            java.util.function.BiConsumer<String, Hazard> row) {
        periods.forEach(row);
    }
}
