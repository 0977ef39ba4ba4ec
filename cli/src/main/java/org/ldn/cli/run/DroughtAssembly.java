package org.ldn.cli.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ldn.core.InputException;
import org.ldn.core.drought.Calibration;
import org.ldn.core.drought.MonthlyCalendar;
import org.ldn.core.drought.ReportingBlocks;
import org.ldn.core.engine.DroughtInputs;
import org.ldn.core.engine.DroughtSpec;
import org.ldn.core.engine.MonthlyPrecipitation;
import org.ldn.core.grid.Grid;
import org.ldn.core.landcover.Legend;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.run.ResolvedRun;
import org.ldn.core.run.RunFile;
import org.ldn.core.zone.ZoneSource;
import org.ldn.geodata.align.Regridded;

/**
 * Assembles the run file's {@code drought} part: opens the monthly precipitation (files per month or multi-band
 * stacks) or the supplied SPI maps and the vulnerability components, checks that the months form one series
 * without a gap or a repeat, and regrids everything onto the reference grid (nearest neighbour, like every input).
 */
final class DroughtAssembly {
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    private DroughtAssembly() {
    }

    /** A month of the series and where it is read from. */
    private record MonthBand(int year, int month, RasterSource source, int band, String label) {
        int key() {
            return year * 12 + month - 1;
        }
    }

    static DroughtInputs assemble(ResolvedRun run, RunFile.Drought d, BiFunction<String, String, RasterSource> open,
            Grid grid, Grid full, ZoneSource zones, Legend legend, SortedMap<Integer, RasterSource> landCover,
            Map<String, RasterSource> population, List<String> warnings) {
        String rf = run.runFile().toString();
        DroughtSpec spec = spec(rf, d);
        MonthlyPrecipitation precipitation = null;
        TreeMap<Integer, RasterSource> spi = new TreeMap<>();
        if (d.precipitation() != null && d.spi() != null) {
            throw new InputException(rf + ": drought: give either precipitation or spi, not both");
        }
        if (d.precipitation() != null) {
            precipitation = precipitation(rf, d, open, grid, full, warnings);
        } else if (d.spi() != null && !d.spi().isEmpty()) {
            for (var e : new TreeMap<>(d.spi()).entrySet()) {
                spi.put(e.getKey(), align(open.apply("drought spi " + e.getKey(), e.getValue()), grid, full,
                        warnings, "drought.spi " + e.getKey()));
            }
        } else {
            throw new InputException(rf + ": drought: give precipitation (monthly, mm) or spi (a map per year)");
        }
        Map<String, RasterSource> components = new LinkedHashMap<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        RunFile.Vulnerability v = d.vulnerability();
        if (v != null) {
            String[][] named = {{"social", v.social()}, {"economic", v.economic()},
                {"infrastructural", v.infrastructural()}};
            for (String[] c : named) {
                if (c[1] != null) {
                    components.put(c[0], align(open.apply("drought vulnerability " + c[0], c[1]), grid, full,
                            warnings, "drought.vulnerability." + c[0]));
                }
            }
            if (components.isEmpty()) {
                throw new InputException(rf + ": drought.vulnerability names no component (social, economic,"
                        + " infrastructural)");
            }
            if (v.weights() != null) {
                weights.putAll(v.weights());
                checkWeights(rf, weights, components.keySet());
            }
        }
        return new DroughtInputs(grid, zones, spec, precipitation, spi, landCover.isEmpty() ? null : legend,
                landCover, population, components, weights);
    }

    /**
     * Weights of the DVI's weighted mean: one per component given, each a number ≥ 0, at least one above 0 (all zero
     * would leave every pixel without a DVI).
     */
    private static void checkWeights(String rf, Map<String, Double> weights, java.util.Set<String> components) {
        String key = rf + ": drought.vulnerability.weights: ";
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            if (!components.contains(w.getKey())) {
                throw new InputException(key + "'" + w.getKey() + "' is not a component given " + components);
            }
            if (w.getValue() == null || !(w.getValue() >= 0) || Double.isInfinite(w.getValue())) {
                throw new InputException(key + "the weight of '" + w.getKey() + "' must be a number ≥ 0, not "
                        + w.getValue());
            }
        }
        if (weights.size() != components.size()) {
            throw new InputException(key + "give a weight for every component " + components + " or none");
        }
        if (weights.values().stream().allMatch(w -> w == 0)) {
            throw new InputException(key + "every weight is 0 (give at least one weight above 0, or no weights for"
                    + " the plain mean)");
        }
    }

    private static DroughtSpec spec(String rf, RunFile.Drought d) {
        Calibration cal = null;
        if (d.calibration() != null) {
            if (d.calibration().size() != 2) {
                throw new InputException(rf + ": drought.calibration must be [first year, last year]");
            }
            if (d.calibration().get(1) < d.calibration().get(0)) {
                throw new InputException(rf + ": drought.calibration years are out of order");
            }
            cal = new Calibration(d.calibration().get(0), d.calibration().get(1));
        }
        ReportingBlocks blocks = ReportingBlocks.unccd();
        if (d.blocks() != null) {
            List<ReportingBlocks.Block> b = new ArrayList<>();
            for (List<Integer> pair : d.blocks()) {
                if (pair.size() != 2 || pair.get(1) < pair.get(0)) {
                    throw new InputException(rf + ": drought.blocks: each block is [first year, last year], in order");
                }
                b.add(new ReportingBlocks.Block(pair.get(0), pair.get(1)));
            }
            blocks = new ReportingBlocks(b);
        }
        Integer first = null, last = null;
        if (d.years() != null) {
            if (d.years().size() != 2 || d.years().get(1) < d.years().get(0)) {
                throw new InputException(rf + ": drought.years must be [first year, last year], in order");
            }
            first = d.years().get(0);
            last = d.years().get(1);
        }
        return new DroughtSpec(d.k() != null ? d.k() : 12, d.month() != null ? d.month() : 12, cal, blocks, first,
                last);
    }

    private static MonthlyPrecipitation precipitation(String rf, RunFile.Drought d,
            BiFunction<String, String, RasterSource> open, Grid grid, Grid full, List<String> warnings) {
        List<MonthBand> months = new ArrayList<>();
        Object p = d.precipitation();
        if (p instanceof Map<?, ?> map) {
            for (var e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                Matcher m = MONTH.matcher(key);
                if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 12) {
                    throw new InputException(rf + ": drought.precipitation: '" + key + "' is not a month YYYY-MM");
                }
                if (!(e.getValue() instanceof String file)) {
                    throw new InputException(rf + ": drought.precipitation." + key + " must be a file name");
                }
                RasterSource src = align(open.apply("drought precipitation " + key, file), grid, full, warnings,
                        "drought.precipitation");
                months.add(new MonthBand(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), src, 0,
                        file));
            }
        } else if (p instanceof List<?> stacks) {
            for (Object o : stacks) {
                if (!(o instanceof Map<?, ?> s) || !(s.get("file") instanceof String file)
                        || !(s.get("firstYear") instanceof Integer y0)
                        || s.get("firstMonth") != null && !(s.get("firstMonth") instanceof Integer)
                        || !java.util.Set.of("file", "firstYear", "firstMonth").containsAll(s.keySet())) {
                    throw new InputException(rf + ": drought.precipitation: each stack is {file: f, firstYear: y,"
                            + " firstMonth: m (default 1)}");
                }
                int m0 = s.get("firstMonth") == null ? 1 : (Integer) s.get("firstMonth");
                if (m0 < 1 || m0 > 12) {
                    throw new InputException(rf + ": drought.precipitation: firstMonth of " + file + " is not 1..12");
                }
                RasterSource src = align(open.apply("drought precipitation " + file, file), grid, full, warnings,
                        "drought.precipitation " + file);
                for (int b = 0; b < src.bandCount(); b++) {
                    int k = y0 * 12 + m0 - 1 + b;
                    months.add(new MonthBand(k / 12, k % 12 + 1, src, b, file + " band " + (b + 1)));
                }
            }
        } else {
            throw new InputException(rf + ": drought.precipitation must be {\"YYYY-MM\": file, …} or a list of"
                    + " stacks [{file, firstYear, firstMonth}]");
        }
        if (months.isEmpty()) {
            throw new InputException(rf + ": drought.precipitation has no month");
        }
        months.sort(java.util.Comparator.comparingInt(MonthBand::key));
        for (int i = 1; i < months.size(); i++) {
            MonthBand a = months.get(i - 1), b = months.get(i);
            if (a.key() == b.key()) {
                throw new InputException(rf + ": drought.precipitation: month " + label(b.key()) + " is given twice ("
                        + a.label() + " and " + b.label() + ")");
            }
            if (b.key() != a.key() + 1) {
                throw new InputException(rf + ": drought.precipitation: month " + label(a.key() + 1)
                        + (b.key() > a.key() + 2 ? ".." + label(b.key() - 1) : "") + " is missing (the series must"
                        + " run without a gap from " + label(months.get(0).key()) + " to "
                        + label(months.get(months.size() - 1).key()) + ")");
            }
        }
        MonthBand first = months.get(0);
        MonthlyCalendar cal = new MonthlyCalendar(first.year(), first.month(), months.size());
        List<RasterSource> sources = new ArrayList<>();
        int[] bands = new int[months.size()];
        for (int t = 0; t < months.size(); t++) {
            sources.add(months.get(t).source());
            bands[t] = months.get(t).band();
        }
        return new MonthlyPrecipitation(cal, sources, bands, d.scale() != null ? d.scale() : 1);
    }

    private static String label(int key) {
        return String.format(java.util.Locale.ROOT, "%04d-%02d", key / 12, key % 12 + 1);
    }

    private static RasterSource align(RasterSource src, Grid grid, Grid full, List<String> warnings, String role) {
        if (!src.grid().sameAs(full)) {
            String w = role + " (" + src.name() + ") is on another grid than the reference ("
                    + src.grid().crs().label() + ", " + src.grid().width() + "x" + src.grid().height()
                    + "); regridded by nearest neighbour";
            if (warnings.stream().noneMatch(x -> x.startsWith(role + " ("))) {
                warnings.add(w);
            }
        }
        return Regridded.onto(src, grid);
    }
}
