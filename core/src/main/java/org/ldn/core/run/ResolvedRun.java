package org.ldn.core.run;

import java.nio.file.Path;
import java.util.List;
import org.ldn.core.engine.Period;
import org.ldn.core.engine.SubIndicator;

/**
 * A checked run file with its defaults filled in.
 *
 * @param runFile the run file's path (inputs are relative to its folder)
 * @param grid    which input's grid is the reference: "landCover", "lpd" or "soc"
 */
public record ResolvedRun(Path runFile, RunFile file, List<SubIndicator> subIndicators,
        List<RunFile.PeriodSpec> periods, String grid) {

    public ResolvedRun {
        subIndicators = List.copyOf(subIndicators);
        periods = List.copyOf(periods);
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
