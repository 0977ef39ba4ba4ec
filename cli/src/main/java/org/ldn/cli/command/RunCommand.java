package org.ldn.cli.command;

import java.io.PrintWriter;
import java.nio.file.Path;
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
            description = "Tile width and height (default: ${DEFAULT-VALUE}); results do not depend on it.")
    int tileSize;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary.")
    boolean quiet;

    @Option(names = "--timings", paramLabel = "FILE",
            description = "Also write where the time went (setup, run, thread seconds per stage) and the peak"
                    + " resident memory as JSON to FILE (used by 'ldn bench').")
    Path timings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
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
        try (AssembledRun assembled = new RunAssembler(io).assemble(run)) {
            t1 = System.nanoTime();
            outcome = new RunWriter(io).run(assembled, folder, new EngineOptions(tileSize, n, bar));
        } finally {
            bar.finish();
        }
        long t2 = System.nanoTime();
        if (timings != null) {
            RunTimings.write(timings, (t1 - t0) / 1e9, (t2 - t1) / 1e9, n, tileSize, outcome.report().grid());
        }
        if (!quiet) {
            summary(o, outcome, (t2 - t0) / 1e9);
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
        o.printf(Locale.ROOT, "%-24s %12s %12s %10s%n", "period (all zones)", "land km2", "degraded km2", "degraded");
        for (Report.PeriodReport p : r.total().periods()) {
            Double pd = p.sdg().proportionDegraded();
            o.printf(Locale.ROOT, "%-24s %12.1f %12.1f %9s%n", p.name(), p.sdg().landAreaKm2(), p.sdg().degradedKm2(),
                    pd == null ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * pd));
        }
        o.println("outputs: " + outcome.folder());
        o.println("  report.json, manifest.json, tables/ (" + outcome.tables().size() + " CSV), maps/ ("
                + outcome.maps().size() + " GeoTIFF)");
        o.flush();
    }
}
