package org.ldn.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.ldn.cli.command.ExitCodes;
import org.ldn.cli.output.RunWriter;
import org.ldn.core.InputException;
import org.ldn.core.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ldn-spark run RUNFILE}: one run's tiles spread over a Spark cluster ({@link SparkRun}). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs 'ldn run' on Apache Spark: the run's tiles in tasks over the executors, the same"
                + " report.json and tables/, maps as VRT mosaics of the tasks' GeoTIFF parts.")
final class SparkRunJob implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUNFILE", description = "The run file, on a path every executor sees.")
    Path runFile;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder, on a file system every executor shares; replaced only when the job succeeds.")
    Path out;

    @Option(names = "--tile-size", paramLabel = "PIXELS", defaultValue = "512",
            description = "Tile width and height (default: ${DEFAULT-VALUE}); results do not depend on it.")
    int tileSize;

    @Option(names = "--tasks", paramLabel = "N",
            description = "Tasks (bands of tiles; default: 4 per executor core, at most one per tile).")
    Integer tasks;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, or"
            + " local[*]).")
    String master;

    @Option(names = {"-q", "--quiet"}, description = "No summary.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (tasks != null && tasks < 1) {
            throw new InputException("--tasks must be at least 1");
        }
        SparkConf conf = new SparkConf().setAppName("ldn run " + runFile.getFileName());
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        long t0 = System.nanoTime();
        RunWriter.Outcome outcome;
        int n;
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("WARN");
            n = tasks != null ? tasks : 4 * sc.defaultParallelism();
            outcome = SparkRun.run(sc, runFile, out, tileSize, n);
        }
        if (!quiet) {
            PrintWriter o = spec.commandLine().getOut();
            Report r = outcome.report();
            o.printf(Locale.ROOT, "%d zone(s), grid %dx%d, %d task(s), %.1f s%n", r.zones().size(), r.grid().width(),
                    r.grid().height(), n, (System.nanoTime() - t0) / 1e9);
            o.println("outputs: " + outcome.folder());
            o.flush();
        }
        return ExitCodes.OK;
    }
}
