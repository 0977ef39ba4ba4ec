package org.ldn.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ldn.core.engine.EngineOptions;
import org.ldn.core.report.Report;
import org.ldn.core.run.ResolvedRun;
import org.ldn.core.run.RunFiles;
import org.ldn.geodata.geotiff.GeoTiffIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.ldn.cli.document.ReportDocument;
import org.ldn.cli.document.ReportOptions;
import org.ldn.cli.output.RunTimings;
import org.ldn.cli.output.RunWriter;
import org.ldn.cli.run.AssembledRun;
import org.ldn.cli.run.RunAssembler;

/** {@code ldn run RUNFILE}: the main job. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Computes the indicator for every zone and period of a run file and writes report.json,"
                + " tables/, maps/ and manifest.json into the output folder (atomically: all or nothing).")
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUNFILE", description = "The run file (ldn.yaml or .json).")
    Path runFile;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: 'output' beside the run file). Replaced only when the run succeeds.")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--tile-size", paramLabel = "PIXELS", defaultValue = "" + EngineOptions.DEFAULT_TILE_SIZE,
            description = "Tile width and height (default: ${DEFAULT-VALUE}); results do not depend on it. A multiple of"
                    + " 256, the output maps' own tiles, writes them fastest.")
    int tileSize;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary.")
    boolean quiet;

    @Option(names = "--timings", paramLabel = "FILE",
            description = "Also write where the time went (setup, run, thread seconds per stage) and the peak"
                    + " resident memory as JSON to FILE (used by 'ldn bench').")
    Path timings;

    @Option(names = "--report", description = "Also write report.html, the document people read (see 'ldn report').")
    boolean report;

    @Option(names = "--allow-same-file", description = "Accept one land-cover file (same content) for two years"
            + " (refused by default: no change between them could be seen).")
    boolean allowSameFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        org.ldn.geodata.crs.Crs.warmUpInBackground(); // while the run file is read
        PrintWriter o = spec.commandLine().getOut();
        ResolvedRun run = RunFiles.resolve(RunFiles.read(runFile), runFile);
        Path folder = out != null ? out : run.baseDir().resolve("output");
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new org.ldn.core.InputException("--threads must be at least 1");
        }
        GeoTiffIO io = new GeoTiffIO();
        ProgressBar bar = ProgressBar.forTerminal(System.err, quiet);
        long t0 = System.nanoTime();
        RunWriter.Outcome outcome;
        long t1;
        Double[] firstTile = {null, null};
        Double[] lastTile = {null};
        try (AssembledRun assembled = new RunAssembler(io, allowSameFile).assemble(run)) {
            t1 = System.nanoTime();
            org.ldn.core.engine.ProgressListener listener = (stage, done, total) -> {
                if (done == 0 && firstTile[0] == null) {
                    firstTile[0] = RunTimings.sinceProcessStart(); // the first pass over the tiles starts
                    firstTile[1] = RunTimings.cpuSeconds();
                }
                if (done == total) {
                    lastTile[0] = RunTimings.sinceProcessStart(); // a pass over the tiles ends (the last one last)
                }
                bar.progress(stage, done, total);
            };
            // report.html is written into the folder before it is committed, so manifest.json lists it
            RunWriter.Document document = !report ? null : (work, head) -> ReportDocument.write(work,
                    work.resolve("report.html"), new ReportOptions(null, List.of(run.baseDir()), null), io,
                    new ObjectMapper().valueToTree(head));
            outcome = new RunWriter(io).run(assembled, folder, new EngineOptions(tileSize, n, listener), r -> { },
                    document);
        } finally {
            bar.finish();
        }
        long t2 = System.nanoTime();
        if (timings != null) {
            RunTimings.write(timings, (t1 - t0) / 1e9, (t2 - t1) / 1e9, n, tileSize, outcome.report().grid(),
                    firstTile[0], firstTile[1], lastTile[0]);
        }
        if (!quiet) {
            summary(o, outcome, (t2 - t0) / 1e9);
        }
        if (report && !quiet) {
            o.println("report: " + outcome.folder().resolve("report.html").toAbsolutePath().normalize());
            o.flush();
        }
        return ExitCodes.OK;
    }

    static void summary(PrintWriter o, RunWriter.Outcome outcome, double seconds) {
        Report r = outcome.report();
        if (r.warnings() != null) {
            for (String w : r.warnings()) {
                o.println("warning: " + w);
            }
        }
        o.printf(Locale.ROOT, "%s: %d zone(s), grid %dx%d (%s), %.1f s%n", r.run() instanceof java.util.Map<?, ?> m
                ? m.get("title") : "run", r.zones().size(), r.grid().width(), r.grid().height(),
                r.grid().crs().startsWith("EPSG:") ? r.grid().crs() : "custom CRS", seconds);
        // the figure a country reports for a period (SO1-4.T2): the baseline's own assessment, and for a reporting
        // period its status against the baseline; a reporting period's own assessment is shown under its own name
        o.printf(Locale.ROOT, "%-24s %14s %14s %9s  %s%n", "SDG 15.3.1 (all zones)", "land km2", "degraded km2",
                "degraded", "figure");
        for (Report.PeriodReport p : r.total().periods()) {
            if (p.status3() == null) {
                summaryRow(o, p.name(), p.sdg(), "reported: the baseline period's assessment (SO1-4.T2)");
            } else {
                summaryRow(o, p.name(), p.status3(), "reported: status against the baseline (SO1-4.T2)");
                summaryRow(o, "  " + p.name() + " on its own", p.sdg(), "the period's own assessment, not reported");
            }
        }
        o.println("outputs: " + outcome.folder());
        o.println("  report.json, manifest.json, tables/ (" + outcome.tables().size() + " CSV), maps/ ("
                + outcome.maps().size() + " GeoTIFF)");
        o.flush();
    }

    private static void summaryRow(PrintWriter o, String period, Report.AreaSummary a, String figure) {
        Double pd = a.proportionDegraded();
        o.printf(Locale.ROOT, "%-24s %,14.1f %,14.1f %9s  %s%n", period, a.landAreaKm2(), a.degradedKm2(),
                pd == null ? "-" : String.format(Locale.ROOT, "%.2f %%", 100 * pd), figure);
    }
}
