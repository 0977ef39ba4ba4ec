package org.ldn.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ldn.core.InputException;
import org.ldn.core.RegularFiles;
import org.ldn.core.report.Report;
import org.ldn.core.report.ReportJson;
import org.ldn.core.uncertainty.AreaAdjustedEstimate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ldn accuracy REPORT --confusion FILE}: the area-adjusted estimate, with 95 % confidence intervals, of the
 * degraded, stable and improved areas and of the proportion degraded, from a reference sample of the combined
 * indicator (Olofsson et al. 2014).
 */
@Command(name = "accuracy", mixinStandardHelpOptions = true,
        description = "Area-adjusted estimates with 95%% confidence intervals of the combined indicator's classes from a"
                + " confusion matrix of a reference sample (stratified estimator, Olofsson et al. 2014).")
public final class AccuracyCommand implements Callable<Integer> {
    private static final String[] CLASSES = {"degraded", "stable", "improved"};

    @Parameters(index = "0", paramLabel = "REPORT")
    Path report;

    @Option(names = "--confusion", required = true, paramLabel = "CSV",
            description = "Sample counts, 3 rows (map class) × 3 columns (reference class), in the order degraded,"
                    + " stable, improved; an optional header row and label column.")
    Path confusion;

    @Option(names = "--period", paramLabel = "NAME", description = "Period (default: the last one).")
    String period;

    @Option(names = "--zone", paramLabel = "ID", description = "Zone id (default: all zones together).")
    String zone;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Report r = ReportJson.read(report);
        Report.ZoneReport z = r.total();
        if (zone != null) {
            z = r.zones().stream().filter(x -> x.id().equals(zone)).findFirst().orElseThrow(() ->
                    new InputException(report + ": unknown zone '" + zone + "'"));
        }
        if (z.periods() == null) {
            throw new InputException(report + ": zone " + z.id() + " has no figures");
        }
        Report.PeriodReport p = z.periods().get(z.periods().size() - 1);
        if (period != null) {
            p = z.periods().stream().filter(x -> x.name().equals(period)).findFirst().orElseThrow(() ->
                    new InputException(report + ": unknown period '" + period + "'"));
        }
        Report.AreaSummary s = p.sdg();
        double[] mapped = {s.degradedKm2(), s.stableKm2(), s.improvedKm2()};
        AreaAdjustedEstimate e = AreaAdjustedEstimate.of(read(confusion), mapped);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%s, period %s (mapped land with a class: %.1f km2; nodata and water excluded)%n",
                z.id(), p.name(), mapped[0] + mapped[1] + mapped[2]);
        o.printf(Locale.ROOT, "%-9s %14s %14s %16s %8s %8s%n", "class", "mapped km2", "adjusted km2", "95% CI km2",
                "user's", "prod.'s");
        for (int j = 0; j < 3; j++) {
            o.printf(Locale.ROOT, "%-9s %14.1f %14.1f %16s %8.3f %8.3f%n", CLASSES[j], mapped[j], e.areas()[j],
                    String.format(Locale.ROOT, "± %.1f", e.areaCi95()[j]), e.usersAccuracy()[j], e.producersAccuracy()[j]);
        }
        o.printf(Locale.ROOT, "proportion degraded (of land with a class): %.4f ± %.4f (95%% CI); mapped %.4f;"
                + " overall accuracy %.3f%n", e.proportions()[0], AreaAdjustedEstimate.Z95 * e.standardErrors()[0],
                mapped[0] / (mapped[0] + mapped[1] + mapped[2]), e.overallAccuracy());
        o.flush();
        return ExitCodes.OK;
    }

    static long[][] read(Path file) {
        List<String> lines;
        RegularFiles.require(file);
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read the confusion matrix (" + e.getMessage() + ")");
        }
        List<long[]> rows = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.replace("\uFEFF", "").trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("[,;\\t]");
            List<Long> v = new ArrayList<>();
            boolean numeric = true;
            for (int k = 0; k < f.length; k++) {
                try {
                    v.add(Long.parseLong(f[k].trim()));
                } catch (NumberFormatException ex) {
                    if (k == 0 && f.length == 4) {
                        continue;
                    }
                    numeric = false;
                }
            }
            if (!numeric) {
                if (rows.isEmpty()) {
                    continue;
                }
                throw new InputException(file + ": line '" + line + "' is not 3 whole counts");
            }
            rows.add(v.stream().mapToLong(Long::longValue).toArray());
        }
        if (rows.size() != 3) {
            throw new InputException(file + ": expected 3 rows of counts (degraded, stable, improved), found " + rows.size());
        }
        return rows.toArray(new long[0][]);
    }
}
