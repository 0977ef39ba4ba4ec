package org.ldn.cli.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ldn.cli.output.CsvTables.Table;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.ZoneReport;

/**
 * The CSV tables the national report adds to the indicator's: {@code land_area_by_year.csv} (CP-1.T1 for every
 * land-cover year) and {@code corrections.csv} (SO1-4.T3: each correction polygon's area by class before it, per
 * period). Derived from the report alone, for the zones and the total; written only when filled.
 */
final class NationalReportCsv {
    private NationalReportCsv() {
    }

    static void write(Report r, Path dir, List<String> written) throws IOException {
        List<ZoneReport> zones = new ArrayList<>(r.zones());
        zones.add(r.total());
        Table land = new Table("zone_id", "zone_name", "year", "total_area_km2", "water_km2", "land_area_km2",
                "national_land_area_km2");
        for (ZoneReport z : zones) {
            if (z.landAreaByYearKm2() == null) {
                continue;
            }
            for (Map.Entry<String, Report.LandArea> e : z.landAreaByYearKm2().entrySet()) {
                Report.LandArea l = e.getValue();
                land.add(z.id(), z.name(), e.getKey(), l.totalKm2(), l.waterKm2(), l.landKm2(),
                        l.nationalLandAreaKm2());
            }
        }
        land.write(dir.resolve("land_area_by_year.csv"), written);
        Table corrections = new Table("correction_id", "period", "indicator", "to_class", "improved_before_km2",
                "stable_before_km2", "degraded_before_km2", "nodata_before_km2", "water_km2", "changed_km2", "reason");
        if (r.corrections() != null) {
            for (Report.CorrectionReport c : r.corrections()) {
                for (Report.CorrectionPeriod p : c.periods()) {
                    Map<String, Double> f = p.fromKm2();
                    corrections.add(c.id(), p.period(), c.indicator(), c.toClass(), f.get("improved"),
                            f.get("stable"), f.get("degraded"), f.get("nodata"), f.get("water"), p.changedKm2(),
                            c.reason());
                }
            }
        }
        corrections.write(dir.resolve("corrections.csv"), written);
    }
}
