package org.ldn.core.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ldn.core.productivity.CriticalValues;
import org.ldn.core.productivity.ProductivityScale;

/**
 * Checks the {@code productivity} section of a run file: supplied LPD maps or a series, never both; the series'
 * two forms; the options that apply only to a series. Problems are appended as one-line texts. Stateless.
 */
final class ProductivitySpecs {
    private ProductivitySpecs() {
    }

    /**
     * The checked series of {@code p}, or {@code null} when it has none (or a problem was found).
     *
     * @param used whether the run combines productivity (only then is a missing input a problem)
     */
    static ResolvedRun.Series resolve(RunFile.Productivity p, boolean used, List<RunFile.PeriodSpec> periods,
            List<String> problems) {
        boolean hasLpd = p != null && p.lpd() != null && !p.lpd().isEmpty();
        boolean hasSeries = p != null && p.series() != null;
        if (hasLpd && hasSeries) {
            problems.add("productivity: give either lpd (supplied 5-class LPD maps) or series (productivity maps to"
                    + " compute LPD from), not both");
            return null;
        }
        if (!hasSeries) {
            if (used && !hasLpd) {
                problems.add("productivity.lpd or productivity.series is missing (5-class LPD GeoTIFFs keyed by"
                        + " period name, or annual productivity maps by year)");
            }
            if (p != null) {
                for (String key : List.of("scale", "criticalValues", "landUnits", "monthly")) {
                    Object v = switch (key) {
                        case "scale" -> p.scale();
                        case "criticalValues" -> p.criticalValues();
                        case "landUnits" -> p.landUnits();
                        default -> p.monthly();
                    };
                    if (v != null) {
                        problems.add("productivity." + key + " applies only to a productivity series (add series)");
                    }
                }
            }
            return null;
        }
        int before = problems.size();
        TreeMap<Integer, String> files = null;
        String stack = null;
        Integer firstYear = null;
        if (!(p.series() instanceof Map<?, ?> m) || m.isEmpty()) {
            problems.add("productivity.series: give {year: file, …} or {stack: file, firstYear: year}");
            return null;
        } else if (m.containsKey("stack") || m.containsKey("firstYear")) {
            if (!(m.get("stack") instanceof String s) || s.isBlank()) {
                problems.add("productivity.series.stack: give the multi-band GeoTIFF (one band per year)");
            } else {
                stack = s;
            }
            if (!(m.get("firstYear") instanceof Integer y)) {
                problems.add("productivity.series.firstYear: give the year of the stack's first band");
            } else if (y < 1900 || y > 2200) {
                problems.add("productivity.series.firstYear: implausible year " + y);
            } else {
                firstYear = y;
            }
            for (Object k : m.keySet()) {
                if (!"stack".equals(k) && !"firstYear".equals(k)) {
                    problems.add("productivity.series: unknown key '" + k + "' beside stack (known keys: firstYear,"
                            + " stack)");
                }
            }
        } else {
            files = new TreeMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Integer year = year(e.getKey());
                if (year == null) {
                    problems.add("productivity.series: '" + e.getKey() + "' is not a year (give {year: file, …} or"
                            + " {stack: file, firstYear: year})");
                } else if (!(e.getValue() instanceof String f) || f.isBlank()) {
                    problems.add("productivity.series: year " + year + " has no file");
                } else {
                    files.put(year, f);
                }
            }
            if (problems.size() == before) {
                for (RunFile.PeriodSpec py : periods) {
                    if (!valid(py)) {
                        continue;
                    }
                    int first = py.productivity().get(0);
                    int last = py.productivity().get(1);
                    for (int y = first; y <= last; y++) {
                        if (!files.containsKey(y)) {
                            problems.add("productivity.series: no map for " + y + " (period " + py.name()
                                    + " needs " + first + ".." + last + "; given: " + files.firstKey()
                                    + ".." + files.lastKey() + ", " + files.size() + " years)");
                            break;
                        }
                    }
                }
            }
        }
        if (p.scale() != null) {
            try {
                ProductivityScale.of(p.scale());
            } catch (IllegalArgumentException e) {
                problems.add("productivity.scale: " + e.getMessage());
            }
        }
        CriticalValues.Table table = CriticalValues.Table.EXACT;
        if (p.criticalValues() != null) {
            table = CriticalValues.Table.ofKey(p.criticalValues());
            if (table == null) {
                problems.add("productivity.criticalValues: '" + p.criticalValues() + "' is not exact or trends-earth");
            }
        }
        if (table == CriticalValues.Table.TRENDS_EARTH) {
            for (RunFile.PeriodSpec py : periods) {
                int years = valid(py) ? py.productivity().get(1) - py.productivity().get(0) + 1 : 0;
                if (years > 60) {
                    problems.add("productivity.criticalValues: the trends-earth table stops at 60 years; period "
                            + py.name() + " has " + years + " (use exact)");
                }
            }
        }
        if (p.landUnits() != null && p.landUnits().isBlank()) {
            problems.add("productivity.landUnits: give a raster of land-unit codes");
        }
        if (problems.size() > before) {
            return null;
        }
        return new ResolvedRun.Series(files, stack, firstYear, p.scale(), table, p.landUnits(),
                Boolean.TRUE.equals(p.monthly()));
    }

    private static boolean valid(RunFile.PeriodSpec p) {
        List<Integer> y = p.productivity();
        return y != null && y.size() == 2 && y.get(0) != null && y.get(1) != null && y.get(0) <= y.get(1);
    }

    private static Integer year(Object key) {
        try {
            int y = key instanceof Integer i ? i : Integer.parseInt(String.valueOf(key).strip());
            return y >= 1900 && y <= 2200 ? y : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The productivity section of the resolved run, every default filled in. */
    static Map<String, Object> describe(ResolvedRun r) {
        RunFile.Productivity p = r.file().productivity();
        Map<String, Object> m = new LinkedHashMap<>();
        ResolvedRun.Series s = r.series();
        if (s == null) {
            m.put("lpd", new TreeMap<>(p.lpd()));
            return m;
        }
        if (s.files() != null) {
            Map<String, String> files = new LinkedHashMap<>();
            s.files().forEach((y, f) -> files.put(String.valueOf(y), f));
            m.put("series", files);
        } else {
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("stack", s.stack());
            st.put("firstYear", s.firstYear());
            m.put("series", st);
        }
        m.put("scale", s.scale() != null ? s.scale() : "file");
        m.put("criticalValues", s.criticalValues().key());
        if (s.landUnits() != null) {
            m.put("landUnits", s.landUnits());
        }
        m.put("monthly", s.monthly());
        return m;
    }
}
