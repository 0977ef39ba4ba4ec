package org.ldn.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.ldn.core.InputException;
import org.ldn.core.aggregate.Aggregation;
import org.ldn.core.aggregate.AggregationCheck;
import org.ldn.core.aggregate.AggregationProblems;
import org.ldn.core.aggregate.AggregationUnit;
import org.ldn.core.aggregate.Problem;
import org.ldn.core.aggregate.Regions;
import org.ldn.core.aggregate.SourcedReport;
import org.ldn.core.report.Report;
import org.ldn.core.report.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.ldn.cli.output.CsvTables;
import org.ldn.cli.output.OutputDirectory;
import org.ldn.cli.output.Timestamps;
import org.ldn.cli.run.RunAssembler;
import org.ldn.cli.output.Version;

/** {@code ldn aggregate REPORT... [--regions regions.csv]}: regional and global figures from country reports. */
@Command(name = "aggregate", mixinStandardHelpOptions = true,
        description = {"Combines country reports into regional and global figures: areas (km²) are summed and"
                + " proportions recomputed from the sums, never averaged. The reports are checked first (schema"
                + " version, a country in two reports, other periods or years, land area disagreeing with the zone's"
                + " area, tables that do not add up); every problem is listed with its report and nothing is"
                + " written.",
            "Writes OUT/aggregate.json (one zone report per region and one for all reports, as the zones of a"
                + " report.json) and OUT/tables/*.csv."})
public final class AggregateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "REPORT", description = "report.json files, or folders: a folder"
            + " holding report.json, or a batch's output folder (every <id>/report.json in it).")
    List<Path> reports;

    @Option(names = "--regions", paramLabel = "FILE",
            description = "Regions CSV (zone id, then one column per grouping), or '" + RegionsCsv.BUNDLED + "' for"
                    + " the bundled sample (ISO alpha-2 ids). Without it: only the total of all reports.")
    String regions;

    @Option(names = "--regions-key", paramLabel = "COLUMN",
            description = "Column of the regions file holding the zone ids (default: 'id', else the first).")
    String regionsKey;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "aggregate",
            description = "Output folder (default: ${DEFAULT-VALUE}); replaced only when the aggregation succeeds.")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No summary.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Regions groups = regions == null ? Regions.none() : RegionsCsv.read(regions, regionsKey);
        List<Path> files = reportFiles(reports);
        List<SourcedReport> read = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path f : files) {
            try {
                read.add(new SourcedReport(f.toString(), ReportJson.read(f)));
            } catch (InputException e) {
                String m = e.getMessage();
                problems.add(new Problem(f.toString(), m.startsWith(f + ": ") ? m.substring(f.toString().length() + 2)
                        : m));
            }
        }
        problems.addAll(AggregationCheck.check(read));
        if (!problems.isEmpty()) {
            return fail(new AggregationProblems(problems));
        }
        Aggregation.Result result = Aggregation.aggregate(read, groups);
        Report aggregate = report(result, files, groups);
        try (OutputDirectory dir = OutputDirectory.create(out)) {
            Files.writeString(dir.work().resolve("aggregate.json"), ReportJson.toJson(aggregate),
                    StandardCharsets.UTF_8);
            CsvTables.write(aggregate, dir.work().resolve("tables"));
            dir.commit();
        }
        if (!quiet) {
            summary(spec.commandLine().getOut(), result, files.size());
        }
        return ExitCodes.OK;
    }

    private int fail(AggregationProblems e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("ldn: " + e.getMessage() + ":");
        for (Problem p : e.problems()) {
            err.println("  " + p);
        }
        err.flush();
        return ExitCodes.INPUT;
    }

    /** The files named: report files as given, folders expanded (report.json in it, else every child's). */
    static List<Path> reportFiles(List<Path> given) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : given) {
            if (!Files.isDirectory(p)) {
                files.add(p);
            } else if (Files.isRegularFile(p.resolve("report.json"))) {
                files.add(p.resolve("report.json"));
            } else {
                try (Stream<Path> children = Files.list(p)) {
                    List<Path> found = children.map(c -> c.resolve("report.json")).filter(Files::isRegularFile)
                            .sorted().toList();
                    if (found.isEmpty()) {
                        throw new InputException(p + ": no report.json in this folder or its subfolders");
                    }
                    files.addAll(found);
                }
            }
        }
        return files;
    }

    /** The aggregation as a report: one zone per group, the total of all reports; the inputs are the reports. */
    static Report report(Aggregation.Result r, List<Path> files, Regions regions) {
        List<Report.Input> inputs = new ArrayList<>();
        for (Path f : files) {
            inputs.add(RunAssembler.input("report", f.toString(), f));
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("title", "Aggregation of " + files.size() + " reports");
        Map<String, Object> agg = new LinkedHashMap<>();
        agg.put("regions", regions.source());
        agg.put("groupings", regions.groupings());
        agg.put("members", r.members());
        Map<String, String> zoneSources = new LinkedHashMap<>();
        for (AggregationUnit u : r.units()) {
            zoneSources.put(u.zone().id(), u.source());
        }
        agg.put("zones", zoneSources);
        run.put("aggregate", agg);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("method", "areas (km²), stocks and populations are exact sums of the reports' figures,"
                + " rounded once; proportions, shares and changes are recomputed from the sums, never averaged");
        return new Report(Report.SCHEMA_VERSION, new Report.Engine("ldn-engine", Version.get()),
                Timestamps.now(), run, parameters, inputs, null,
                r.warnings().isEmpty() ? null : r.warnings(), r.groups(), r.total());
    }

    private void summary(PrintWriter o, Aggregation.Result r, int reportCount) {
        for (String w : r.warnings()) {
            o.println("warning: " + w);
        }
        o.printf(Locale.ROOT, "aggregate: %d zones from %d reports, %d groups%n", r.units().size(), reportCount,
                r.groups().size());
        List<Report.ZoneReport> rows = new ArrayList<>(r.groups());
        rows.add(r.total());
        List<String> periods = r.total().periods() == null ? List.of()
                : r.total().periods().stream().map(Report.PeriodReport::name).toList();
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-40s%14s", "group", "land km2"));
        periods.forEach(p -> head.append(String.format(Locale.ROOT, "  %14s", "degraded " + p)));
        o.println(head);
        for (Report.ZoneReport z : rows) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-40s%14.1f", z.id(),
                    z.periods() == null ? 0 : z.periods().get(0).sdg().landAreaKm2()));
            for (int p = 0; p < periods.size(); p++) {
                Report.PeriodReport pr = z.periods() == null ? null : z.periods().get(p);
                Double d = pr == null ? null : pr.status3() != null ? pr.status3().proportionDegraded()
                        : pr.sdg().proportionDegraded();
                row.append(String.format(Locale.ROOT, "  %14s", d == null ? "-"
                        : String.format(Locale.ROOT, "%.2f%%", 100 * d)));
            }
            o.println(row);
        }
        o.println("outputs: " + out.toAbsolutePath().normalize() + " (aggregate.json, tables/)");
        o.flush();
    }
}
