package org.ldn.cli.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ldn.core.landcover.LandCoverClass;
import org.ldn.core.report.Report.PeriodReport;

/**
 * The land-cover change of a period as a heat map that keeps its numbers: the transition matrix (initial class
 * rows × final class columns, km²) as a table whose cells are shaded by area on a logarithmic scale (areas span
 * several orders of magnitude), unchanged land in grey, change in blue. An HTML table rather than a chart so that
 * every cell stays a readable, exact figure.
 */
final class TransitionHeatMap {
    private static final String[] KEYS = {"1", "2", "3", "4", "5", "6", "7", "nodata"};

    private TransitionHeatMap() {
    }

    /** The heat map of period {@code i} of the zone at {@code zonePath}, or null when the report has no matrix. */
    static Map<String, Object> of(PeriodReport p, String zonePath, int i) {
        Map<String, Map<String, Double>> t = p.lcTransitionKm2();
        if (t == null || t.isEmpty()) {
            return null;
        }
        double max = 0;
        for (Map<String, Double> row : t.values()) {
            for (double v : row.values()) {
                max = Math.max(max, v);
            }
        }
        List<String> headers = new ArrayList<>();
        for (String k : KEYS) {
            headers.add(label(k));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String a : KEYS) {
            Map<String, Double> row = t.get(a);
            if (row == null) {
                continue;
            }
            List<Map<String, Object>> cells = new ArrayList<>();
            for (String b : KEYS) {
                Double v = row.get(b);
                double s = v == null || v <= 0 || max <= 0 ? 0 : Math.max(0.08, 1 + Math.log10(v / max) / 5);
                boolean same = a.equals(b);
                String bg = v == null || v <= 0 ? "#ffffff" : shade(same ? 0x737373 : 0x08519c, s);
                cells.add(Map.of("figure", Figure.km2(v, zonePath + ".periods[" + i + "].lcTransitionKm2." + a + "." + b),
                        "bg", bg, "dark", s > 0.55));
            }
            rows.add(Map.of("label", label(a), "cells", cells));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("years", p.landCoverYears().get(0) + " → " + p.landCoverYears().get(1));
        m.put("headers", headers);
        m.put("rows", rows);
        return m;
    }

    private static String label(String k) {
        return k.equals("nodata") ? "No data" : LandCoverClass.of(Integer.parseInt(k)).label();
    }

    /** {@code rgb} blended over white at opacity {@code s} (0..1). */
    private static String shade(int rgb, double s) {
        int r = (int) Math.round(255 - s * (255 - (rgb >> 16 & 0xff)));
        int g = (int) Math.round(255 - s * (255 - (rgb >> 8 & 0xff)));
        int b = (int) Math.round(255 - s * (255 - (rgb & 0xff)));
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }
}
