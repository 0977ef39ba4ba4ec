package org.ldn.cli.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.ldn.core.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.ldn.cli.output.BatchSummary;
import org.ldn.cli.run.BatchPlan;
import org.ldn.cli.run.CountryBatch;

/** {@code ldn batch RUNFILE --zones world.gpkg --id-field iso_a3}: one report per country. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Runs the run file's inputs for every feature (country) of a boundary file: one report per"
                + " country in OUT/<id>/ (report.json, tables/, maps/, manifest.json, as 'ldn run' writes them),"
                + " countries in parallel. A country whose complete report exists is skipped, so a batch resumes"
                + " where it stopped; a country that fails is reported and the others go on.",
            "Exit code 3 when any country failed."})
public final class BatchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUNFILE",
            description = "The run file: its inputs, periods and options; its zones are replaced by each country.")
    Path runFile;

    @Option(names = "--zones", required = true, paramLabel = "FILE",
            description = "The countries' boundary file (GeoPackage, Shapefile or GeoJSON).")
    String zones;

    @Option(names = "--id-field", required = true, paramLabel = "ATTRIBUTE",
            description = "Attribute holding each country's id (unique; also its output folder's name).")
    String idField;

    @Option(names = "--name-field", paramLabel = "ATTRIBUTE", description = "Attribute holding each country's name.")
    String nameField;

    @Option(names = "--layer", paramLabel = "LAYER", description = "GeoPackage layer of the countries.")
    String layer;

    @Option(names = "--only", split = ",", paramLabel = "ID", description = "Only these countries (comma-separated).")
    List<String> only;

    @Option(names = "--subzones", paramLabel = "FILE",
            description = "Sub-national units: each country's report has its units as zones.")
    String subzones;

    @Option(names = "--parent-field", paramLabel = "ATTRIBUTE",
            description = "Attribute of a sub-national unit holding its country's id.")
    String parentField;

    @Option(names = "--subzone-id-field", paramLabel = "ATTRIBUTE", description = "Attribute of a unit's id.")
    String subzoneIdField;

    @Option(names = "--subzone-name-field", paramLabel = "ATTRIBUTE", description = "Attribute of a unit's name.")
    String subzoneNameField;

    @Option(names = "--subzone-layer", paramLabel = "LAYER", description = "GeoPackage layer of the units.")
    String subzoneLayer;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: 'batch' beside the run file), one folder per country inside.")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Threads in all (default: all cores).")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines and no summary table.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new InputException("--threads must be at least 1");
        }
        Path folder = out != null ? out : runFile.toAbsolutePath().getParent().resolve("batch");
        BatchPlan plan = new BatchPlan(runFile.toString(), zones, idField, nameField, layer, subzones,
                subzoneIdField, subzoneNameField, subzoneLayer, parentField, folder.toString());
        long t0 = System.nanoTime();
        CountryBatch batch = CountryBatch.open(plan);
        List<CountryBatch.Country> todo = only == null ? batch.countries() : batch.select(only);
        PrintWriter err = spec.commandLine().getErr();
        AtomicInteger done = new AtomicInteger();
        List<CountryBatch.Outcome> outcomes = batch.runAll(todo, n, o -> {
            if (!quiet) {
                progress(err, done.incrementAndGet(), todo.size(), o);
            }
        });
        BatchSummary.write(folder, outcomes, batch.periodNames());
        int failed = (int) outcomes.stream().filter(o -> o.status() == CountryBatch.Status.FAILED).count();
        if (!quiet) {
            BatchSummary.print(spec.commandLine().getOut(), outcomes, batch.periodNames(),
                    (System.nanoTime() - t0) / 1e9, folder);
        }
        return failed > 0 ? ExitCodes.INPUT : ExitCodes.OK;
    }

    /** One line per country as it finishes. */
    static void progress(PrintWriter err, int i, int total, CountryBatch.Outcome o) {
        String width = String.valueOf(String.valueOf(total).length());
        String what = switch (o.status()) {
            case DONE -> String.format(Locale.ROOT, "done in %.1f s", o.seconds())
                    + (o.reason().isEmpty() ? "" : " (" + o.reason() + ")");
            case SKIPPED -> "skipped (" + o.reason() + ")";
            case FAILED -> "FAILED: " + o.reason();
        };
        err.printf(Locale.ROOT, "[%" + width + "d/%d] %s %s: %s%n", i, total, o.country().id(), o.country().name(),
                what);
        err.flush();
    }
}
