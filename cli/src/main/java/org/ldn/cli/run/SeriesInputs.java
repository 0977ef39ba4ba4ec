package org.ldn.cli.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.ldn.core.InputException;
import org.ldn.core.engine.ProductivitySeries;
import org.ldn.core.productivity.CriticalValues;
import org.ldn.core.productivity.ProductivityScale;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.run.ResolvedRun;

/**
 * The productivity series of a run (METHOD.md §3, computed path): opens its files (one per year, or one stack whose
 * bands are consecutive years, or months when {@code monthly}), and once they are aligned on the reference grid
 * builds the engine's {@link ProductivitySeries}. The scale is the run file's, else the files' own (GDAL scale
 * metadata), else 1; the files must agree on it and declare no offset.
 *
 * @param files      year → opened file (per-year form), or empty
 * @param stack      the opened stack, or {@code null}
 * @param landUnits  the opened land-unit map, or {@code null}
 */
public record SeriesInputs(ResolvedRun.Series spec, Map<Integer, RasterSource> files, RasterSource stack,
        RasterSource landUnits) {

    /** Opens the series' files through {@code open(role, file)}. */
    static SeriesInputs open(ResolvedRun.Series s, BiFunction<String, String, RasterSource> open) {
        Map<Integer, RasterSource> files = new TreeMap<>();
        RasterSource stack = null;
        if (s.files() != null) {
            s.files().forEach((y, f) -> files.put(y, open.apply("productivity " + y, f)));
        } else {
            stack = open.apply("productivity stack", s.stack());
        }
        RasterSource units = s.landUnits() != null ? open.apply("land units", s.landUnits()) : null;
        return new SeriesInputs(s, files, stack, units);
    }

    /** The file whose grid is the reference when the run says {@code grid: series}. */
    RasterSource first() {
        return stack != null ? stack : files.values().iterator().next();
    }

    /** Every opened raster of the series. */
    List<RasterSource> all() {
        List<RasterSource> l = new ArrayList<>(files.values());
        if (stack != null) {
            l.add(stack);
        }
        return l;
    }

    /** The engine's series, with every file replaced by its aligned version ({@code aligned}). */
    ProductivitySeries toEngine(UnaryOperator<RasterSource> aligned) {
        int perYear = spec.monthly() ? 12 : 1;
        TreeMap<Integer, ProductivitySeries.YearBands> years = new TreeMap<>();
        if (stack != null) {
            if (stack.bandCount() % perYear != 0) {
                throw new InputException(stack.name() + ": " + stack.bandCount() + " bands are not whole years of 12"
                        + " months (monthly: true needs 12 bands per year, January first)");
            }
            RasterSource a = aligned.apply(stack);
            for (int k = 0; k < stack.bandCount() / perYear; k++) {
                years.put(spec.firstYear() + k, new ProductivitySeries.YearBands(a, k * perYear));
            }
        } else {
            files.forEach((y, src) -> {
                if (src.bandCount() != perYear) {
                    throw new InputException(src.name() + ": has " + src.bandCount() + " bands; "
                            + (spec.monthly() ? "a monthly year needs 12 (January first)"
                            : "an annual map needs 1 (for monthly bands set monthly: true)"));
                }
                years.put(y, new ProductivitySeries.YearBands(aligned.apply(src), 0));
            });
        }
        RasterSource units = landUnits == null ? null : aligned.apply(landUnits);
        return new ProductivitySeries(years, scale(), spec.criticalValues(), units, spec.monthly());
    }

    private ProductivityScale scale() {
        Double declared = null;
        for (RasterSource s : all()) {
            if (s.offset() != 0) {
                throw new InputException(s.name() + ": declares an offset of " + s.offset() + "; productivity needs"
                        + " stored × scale (remove the offset, e.g. gdal_edit.py -offset 0, and rescale the values)");
            }
            if (declared != null && declared != s.scale() && spec.scale() == null) {
                throw new InputException(s.name() + ": its scale " + s.scale() + " differs from the other series files'"
                        + " " + declared + " (give productivity.scale)");
            }
            declared = s.scale();
        }
        double value = spec.scale() != null ? spec.scale() : declared != null ? declared : 1;
        try {
            return ProductivityScale.of(value);
        } catch (IllegalArgumentException e) {
            throw new InputException(first().name() + ": scale " + value + " cannot be used (" + e.getMessage()
                    + "; give productivity.scale)");
        }
    }

    /** The report's {@code parameters.productivity}: how LPD was computed. */
    static Map<String, Object> parameters(ProductivitySeries s, int longestPeriod) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lpd", "computed from a productivity series (METHOD.md section 3)");
        ProductivityScale sc = s.scale();
        p.put("scale", sc.value());
        p.put("scaleFraction", sc.toString());
        p.put("monthly", s.monthly());
        if (s.monthly()) {
            p.put("annualValue", "mean of the year's valid months");
        }
        CriticalValues cv = CriticalValues.of(s.criticalValues(), Math.max(longestPeriod, CriticalValues.MIN_N));
        Map<String, Object> traj = new LinkedHashMap<>();
        traj.put("minValidYears", CriticalValues.MIN_N);
        traj.put("stableSlopePerYear", 0.001);
        traj.put("criticalValues", s.criticalValues().key());
        traj.put("significance", s.criticalValues() == CriticalValues.Table.EXACT
                ? "|S| >= k95, two-sided 95 % from the exact null distribution" : "|S| >= k95 and |S| > k90");
        traj.put("k95ByN", cv.k95ByN());
        p.put("trajectory", traj);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("comparisonYears", 3);
        state.put("extension", 0.05);
        state.put("percentiles", "p10..p90, linear interpolation (type 7)");
        state.put("classDifference", 2);
        state.put("stableMeanDifference", 0.01);
        p.put("state", state);
        Map<String, Object> perf = new LinkedHashMap<>();
        perf.put("landUnits", s.landUnits() != null
                ? "land-cover class (source legend) x " + s.landUnits().name() : "land-cover class (source legend)");
        perf.put("landCoverYear", "latest map not after the period's first productivity year, else the earliest");
        perf.put("percentile", 90);
        perf.put("rounding", 0.0001);
        perf.put("degradedRatio", 0.5);
        p.put("performance", perf);
        return p;
    }
}
