package org.ldn.cli.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ldn.cli.output.DroughtBulletinWriter;
import org.ldn.cli.run.AssembledRun;
import org.ldn.cli.run.RunAssembler;
import org.ldn.core.InputException;
import org.ldn.core.engine.EngineOptions;
import org.ldn.core.report.DroughtBulletin;
import org.ldn.core.run.ResolvedRun;
import org.ldn.core.run.RunFiles;
import org.ldn.geodata.geotiff.GeoTiffIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ldn drought RUNFILE --latest}: the drought early-warning bulletin of the series' last month. */
@Command(name = "drought", mixinStandardHelpOptions = true,
        description = "Drought early warning: SPI-1/3/6/12 of the last month of the run file's precipitation series"
                + " against the calibration fits; writes bulletin.json, bulletin.csv, worsened.csv and maps/ into"
                + " the output folder (atomically).")
public final class DroughtCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUNFILE", description = "The run file, with a drought.precipitation series.")
    Path runFile;

    @Option(names = "--latest", required = true,
            description = "The bulletin of the last month of the series (the only mode).")
    boolean latest;

    @Option(names = "--fits", paramLabel = "DIR",
            description = "Folder of the calibration fits: computed and written there when absent, read from there"
                    + " when present (a monthly run then reads only the last 13 months of the series).")
    Path fits;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: 'bulletin' beside the run file). Replaced only on success.")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        ResolvedRun run = RunFiles.resolve(RunFiles.read(runFile), runFile);
        if (run.file().drought() == null || run.file().drought().precipitation() == null) {
            throw new InputException(runFile + ": ldn drought needs drought.precipitation (a monthly series) in the"
                    + " run file");
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new InputException("--threads must be at least 1");
        }
        Path folder = out != null ? out : run.baseDir().resolve("bulletin");
        GeoTiffIO io = new GeoTiffIO();
        DroughtBulletinWriter.Outcome outcome;
        try (AssembledRun assembled = new RunAssembler(io).assemble(run)) {
            outcome = new DroughtBulletinWriter(io).write(assembled, fits, folder,
                    new EngineOptions(EngineOptions.DEFAULT_TILE_SIZE, n, null));
        }
        DroughtBulletin b = outcome.bulletin();
        o.printf(Locale.ROOT, "drought bulletin %s (against %s), calibration %d-%d%s%n", b.month(), b.previousMonth(),
                b.calibration().get(0), b.calibration().get(1), outcome.fitsComputed() ? ", fits computed"
                        : ", fits read from " + fits);
        b.worsenedZones().forEach((k, ids) -> o.printf(Locale.ROOT, "  SPI-%s worsened: %s%n", k,
                ids.isEmpty() ? "none" : String.join(", ", ids)));
        o.println("outputs: " + outcome.folder());
        o.flush();
        return ExitCodes.OK;
    }
}
