package org.ldn.core.run;

import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ldn.core.engine.Period;
import org.ldn.core.engine.SubIndicator;
import org.ldn.core.productivity.CriticalValues;

/**
 * A checked run file with its defaults filled in.
 *
 * @param runFile the run file's path (inputs are relative to its folder)
 * @param grid    which input's grid is the reference: "landCover", "lpd", "soc" or "series"
 * @param series  the productivity series LPD is computed from, or {@code null} when LPD maps are supplied
 */
public record ResolvedRun(Path runFile, RunFile file, List<SubIndicator> subIndicators,
        List<RunFile.PeriodSpec> periods, String grid, Series series) {

    public ResolvedRun {
        subIndicators = List.copyOf(subIndicators);
        periods = List.copyOf(periods);
    }

    /** A run without a productivity series. */
    public ResolvedRun(Path runFile, RunFile file, List<SubIndicator> subIndicators, List<RunFile.PeriodSpec> periods,
            String grid) {
        this(runFile, file, subIndicators, periods, grid, null);
    }

    /**
     * A checked productivity series: either {@code files} (one file per year) or a {@code stack} whose first band
     * (first 12 bands when monthly) is {@code firstYear}.
     *
     * @param scale the run file's scale, or {@code null} for the file's own (1 when it declares none)
     */
    public record Series(SortedMap<Integer, String> files, String stack, Integer firstYear, Double scale,
            CriticalValues.Table criticalValues, String landUnits, boolean monthly) {
        public Series {
            files = files == null ? null : new TreeMap<>(files);
            if ((files == null) == (stack == null)) {
                throw new IllegalArgumentException("give either files or a stack");
            }
        }
    }

    /** The folder input paths are relative to. */
    public Path baseDir() {
        Path parent = runFile.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of(".");
    }

    /** Resolves a path from the run file. */
    public Path path(String relative) {
        return baseDir().resolve(relative).normalize();
    }

    public List<Period> enginePeriods() {
        return periods.stream().map(p -> new Period(p.name(), p.landCover().get(0), p.landCover().get(1),
                p.soc().get(0), p.soc().get(1), p.productivity().get(0), p.productivity().get(1))).toList();
    }

    public double socThresholdPercent() {
        return file.soc() != null && file.soc().thresholdPercent() != null ? file.soc().thresholdPercent() : 10;
    }

    public String title() {
        return file.title() != null ? file.title() : "LDN run";
    }
}
