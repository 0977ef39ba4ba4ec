package org.ldn.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ldn.core.engine.EngineOptions;
import org.ldn.core.grid.Tiling;
import org.ldn.core.report.Report;
import org.ldn.core.report.ReportJson;
import org.ldn.core.run.ResolvedRun;
import org.ldn.core.run.RunFiles;
import org.ldn.core.scenario.ScenarioFiles;
import org.ldn.geodata.geotiff.GeoTiffIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.ldn.cli.output.CsvTables;
import org.ldn.cli.output.OutputDirectory;
import org.ldn.cli.run.AssembledRun;
import org.ldn.cli.run.RunAssembler;
import org.ldn.cli.run.ScenarioRunner;
import org.ldn.cli.run.UncertaintyRunner;

/** {@code ldn scenario RUNFILE --scenarios FILE}: named variants and Monte Carlo uncertainty of one run. */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = "Runs named variants of a run (thresholds, transition matrix, climate factor, critical values,"
                + " land units, restoration plans) reading its inputs once, and/or a seeded Monte Carlo uncertainty"
                + " analysis; writes one report per variant, comparison.csv and uncertainty.json/.csv.")
public final class ScenarioCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUNFILE")
    Path runFile;

    @Option(names = "--scenarios", required = true, paramLabel = "FILE", description = "The scenarios file (YAML).")
    Path scenarios;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: 'scenarios' beside the run file).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--tile-size", paramLabel = "PIXELS", defaultValue = "256",
            description = "Tile size (default: ${DEFAULT-VALUE}); results do not depend on it.")
    int tileSize;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ScenarioFiles.Contents contents = ScenarioFiles.read(scenarios);
        ResolvedRun run = RunFiles.resolve(RunFiles.read(runFile), runFile);
        Path folder = out != null ? out : run.baseDir().resolve("scenarios");
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new org.ldn.core.InputException("--threads must be at least 1");
        }
        GeoTiffIO io = new GeoTiffIO();
        PrintWriter o = spec.commandLine().getOut();
        EngineOptions options = new EngineOptions(tileSize, n, ProgressBar.forTerminal(System.err, false));
        Path scenarioDir = scenarios.toAbsolutePath().getParent();
        try (AssembledRun assembled = new RunAssembler(io).assemble(run);
                OutputDirectory dir = OutputDirectory.create(folder)) {
            if (!contents.scenarios().isEmpty()) {
                ScenarioRunner.Outcome outcome = new ScenarioRunner(io).run(assembled, contents.scenarios(),
                        scenarioDir, options);
                for (Map.Entry<String, Report> e : outcome.reports().entrySet()) {
                    Path d = dir.work().resolve(e.getKey());
                    Files.createDirectories(d);
                    Files.writeString(d.resolve("report.json"), ReportJson.toJson(e.getValue()), StandardCharsets.UTF_8);
                    CsvTables.write(e.getValue(), d.resolve("tables"));
                }
                Files.writeString(dir.work().resolve("comparison.csv"), comparison(outcome.reports()),
                        StandardCharsets.UTF_8);
                o.printf(Locale.ROOT, "%d variant(s) in one pass over %d tile(s); inputs read once for all of"
                        + " them: %d tile reads of %d input(s)%n", outcome.reports().size(),
                        Tiling.of(assembled.inputs().grid(), tileSize).tileCount(), outcome.sourceReads(),
                        outcome.sources());
                summary(o, outcome.reports());
            }
            if (contents.uncertainty() != null) {
                List<UncertaintyRunner.Row> rows = new UncertaintyRunner().run(assembled, contents.uncertainty(),
                        options);
                ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                Map<String, Object> doc = new java.util.LinkedHashMap<>(); // ordered: Map.of's is not stable
                doc.put("analysis", UncertaintyRunner.describe(contents.uncertainty()));
                doc.put("results", rows);
                Files.writeString(dir.work().resolve("uncertainty.json"), json.writeValueAsString(doc) + "\n",
                        StandardCharsets.UTF_8);
                Files.writeString(dir.work().resolve("uncertainty.csv"), uncertaintyCsv(rows), StandardCharsets.UTF_8);
                o.printf(Locale.ROOT, "uncertainty: %d draws, %d quantities%n", contents.uncertainty().draws(),
                        rows.size());
            }
            dir.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        o.println("outputs: " + folder.toAbsolutePath().normalize());
        o.flush();
        return ExitCodes.OK;
    }

    /**
     * The combined indicator's figure a country reports for a period (SO1-4.T2): the baseline's own assessment, a
     * reporting period's status against the baseline.
     */
    static Report.AreaSummary reported(Report.PeriodReport p) {
        return p.status3() != null ? p.status3() : p.sdg();
    }

    /**
     * comparison.csv: per variant, zone and period the reported proportion and area of degraded land ({@link
     * #reported}), the sub-indicators' degraded areas of the period, net ΔLDN and its achievement, and the period's
     * own assessment of the combined indicator (the same as the reported figure for the baseline).
     */
    static String comparison(Map<String, Report> reports) throws IOException {
        CsvTables.Table t = new CsvTables.Table("variant", "zone_id", "zone_name", "period", "proportion_degraded_fraction",
                "degraded_km2", "soc_degraded_km2", "land_cover_degraded_km2", "net_delta_ldn_km2", "ldn_achieved",
                "period_own_proportion_degraded_fraction", "period_own_degraded_km2");
        for (Map.Entry<String, Report> e : reports.entrySet()) {
            Report r = e.getValue();
            List<Report.ZoneReport> zones = new java.util.ArrayList<>(r.zones());
            zones.add(r.total());
            for (Report.ZoneReport z : zones) {
                if (z.periods() == null) {
                    continue;
                }
                for (Report.PeriodReport p : z.periods()) {
                    Double net = p.ldnByLandType() == null ? null
                            : p.ldnByLandType().types().values().stream().mapToDouble(Report.LandTypeBalance::deltaKm2).sum();
                    Report.AreaSummary reported = reported(p);
                    t.add(e.getKey(), z.id(), z.name(), p.name(), reported.proportionDegraded(),
                            reported.degradedKm2(), p.soc() == null ? null : p.soc().degradedKm2(),
                            p.landCover() == null ? null : p.landCover().degradedKm2(), net,
                            p.ldnByLandType() == null ? null : p.ldnByLandType().achieved(),
                            p.sdg().proportionDegraded(), p.sdg().degradedKm2());
                }
            }
        }
        return t.toCsv();
    }

    static String uncertaintyCsv(List<UncertaintyRunner.Row> rows) throws IOException {
        CsvTables.Table t = new CsvTables.Table("zone_id", "period", "quantity", "unit", "land_type", "mean", "low95",
                "high95", "probability_non_negative", "draws");
        for (UncertaintyRunner.Row r : rows) {
            var d = r.distribution();
            t.add(r.zone(), r.period(), r.quantity(), r.quantity().endsWith("Km2") ? "km2" : "fraction",
                    r.landType(), d.mean(), d.low95(), d.high95(),
                    d.probabilityNonNegative(), d.draws());
        }
        return t.toCsv();
    }

    private static void summary(PrintWriter o, Map<String, Report> reports) {
        o.printf(Locale.ROOT, "%-20s %-14s %12s %9s  %s%n", "variant", "period", "degraded km2", "degraded",
                "SDG 15.3.1 figure (all zones)");
        for (Map.Entry<String, Report> e : reports.entrySet()) {
            for (Report.PeriodReport p : e.getValue().total().periods()) {
                Report.AreaSummary a = reported(p);
                Double pd = a.proportionDegraded();
                o.printf(Locale.ROOT, "%-20s %-14s %,12.1f %9s  %s%n", e.getKey(), p.name(), a.degradedKm2(),
                        pd == null ? "-" : String.format(Locale.ROOT, "%.2f %%", 100 * pd), p.status3() != null
                                ? "status against the baseline (reported)" : "baseline period (reported)");
            }
        }
    }
}
