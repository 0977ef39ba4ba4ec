package org.ldn.core.reporting;

import java.util.ArrayList;
import java.util.List;
import org.ldn.core.report.Report;
import org.ldn.core.reporting.ReportingTable.Column;

/**
 * SO1-4.T3, false positives and negatives: one row per correction polygon and period, from the report's
 * {@code corrections}. A correction imposing degraded is a false negative (land the data missed as degraded); one
 * imposing stable or improved is a false positive. The area columns are the polygon's area by the class the
 * corrected indicator had before; {@code changed_km2} moved to the imposed class (water never does). Stateless.
 */
final class CorrectionsTable {
    private static final String KM2 = "km²";

    private CorrectionsTable() {
    }

    static ReportingTable of(Report r) {
        List<Column> c = new ArrayList<>(List.of(Column.text("correction_id", "Polygon ID"),
                Column.text("period", "Period"), Column.text("indicator", "Indicator corrected"),
                Column.text("kind", "False positive / negative"), Column.text("to_class", "Class imposed")));
        c.add(Column.of("improved_before_km2", "Improved before", KM2));
        c.add(Column.of("stable_before_km2", "Stable before", KM2));
        c.add(Column.of("degraded_before_km2", "Degraded before", KM2));
        c.add(Column.of("nodata_before_km2", "No data before", KM2));
        c.add(Column.of("water_km2", "Water bodies (unchanged)", KM2));
        c.add(Column.of("changed_km2", "Area changed", KM2));
        c.add(Column.text("reason", "Reason"));
        ReportingTable.Builder t = new ReportingTable.Builder("SO1-4.T3", "so1_4_t3_false_positives_negatives",
                "False positives and false negatives: areas corrected", c);
        if (r.corrections() != null) {
            for (Report.CorrectionReport x : r.corrections()) {
                String kind = x.toClass().equals("degraded") ? "False negative" : "False positive";
                for (Report.CorrectionPeriod p : x.periods()) {
                    var f = p.fromKm2();
                    t.add(List.of(x.id(), p.period(), x.indicator(), kind, x.toClass(), f.get("improved"),
                            f.get("stable"), f.get("degraded"), f.get("nodata"), f.get("water"), p.changedKm2(),
                            x.reason()));
                }
            }
        }
        return t.build();
    }
}
