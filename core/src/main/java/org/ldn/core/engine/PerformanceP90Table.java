package org.ldn.core.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ldn.core.productivity.UnitHistograms;
import org.ldn.core.report.Report;

/**
 * The report's per-unit p90 table of the performance sub-metric (METHOD.md §3): for each period, each land unit's
 * codes, the pixels its p90 was computed from and the p90 itself, from the tables the engine's first pass built.
 */
public final class PerformanceP90Table {
    private PerformanceP90Table() {
    }

    /** The table of {@code result}, or null when LPD was not computed from a series. */
    public static List<Report.PerformanceP90> of(EngineResult result) {
        if (result.performanceP90() == null) {
            return null;
        }
        boolean landCover = !result.landCoverYears().isEmpty();
        boolean landUnits = result.inputs().series().landUnits() != null;
        List<Report.PerformanceP90> out = new ArrayList<>();
        List<Period> periods = result.inputs().periods();
        for (int p = 0; p < periods.size(); p++) {
            UnitHistograms.P90 table = result.performanceP90().get(p);
            List<Report.UnitP90> units = new ArrayList<>();
            for (Map.Entry<Long, Long> e : table.all().entrySet()) {
                long key = e.getKey(); // land-cover code in the high 32 bits, land-unit code in the low 32 bits
                units.add(new Report.UnitP90(landCover ? (int) (key >> 32) : null, landUnits ? (int) key : null,
                        table.pixels().get(key), BigDecimal.valueOf(e.getValue(), 4).doubleValue()));
            }
            out.add(new Report.PerformanceP90(periods.get(p).name(), List.copyOf(units)));
        }
        return List.copyOf(out);
    }
}
