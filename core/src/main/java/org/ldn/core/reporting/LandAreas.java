package org.ldn.core.reporting;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ldn.core.report.Report;

/** CP-1.T1 figures derived from a zone's land-cover class areas, for reports written without them. Stateless. */
final class LandAreas {
    private LandAreas() {
    }

    /**
     * Per year: total = every class and nodata, water = class 7, land = total − water.
     *
     * @param classKm2 {year: {"1".."7", "nodata": km²}}, or {@code null}
     * @return the figures by year, or {@code null} when {@code classKm2} is
     */
    static Map<String, Report.LandArea> fromClassAreas(Map<String, Map<String, Double>> classKm2, Double national) {
        if (classKm2 == null) {
            return null;
        }
        Map<String, Report.LandArea> out = new LinkedHashMap<>();
        classKm2.forEach((year, m) -> {
            double total = 0;
            for (double v : m.values()) {
                total += v;
            }
            double water = m.getOrDefault("7", 0.0);
            out.put(year, new Report.LandArea(total, water, total - water, national));
        });
        return out;
    }
}
