package org.ldn.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.ldn.cli.run.BatchPlan;
import org.ldn.cli.output.BatchSummary;
import org.ldn.cli.run.CountryBatch;
import org.ldn.cli.command.ExitCodes;
import org.ldn.cli.Ldn;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The Spark job's main class: the options of {@code ldn batch}, plus {@code --master} (default: the one
 * spark-submit gives, else {@code local[*]}). See the module's README for how to submit it.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Runs 'ldn batch' on Apache Spark: one task per country, the same reports in OUT/<id>/.")
public final class SparkBatchJob implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUNFILE", description = "The run file.")
    Path runFile;

    @Option(names = "--zones", required = true, paramLabel = "FILE", description = "The countries' boundary file.")
    String zones;

    @Option(names = "--id-field", required = true, paramLabel = "ATTRIBUTE", description = "Countries' id attribute.")
    String idField;

    @Option(names = "--name-field", paramLabel = "ATTRIBUTE", description = "Countries' name attribute.")
    String nameField;

    @Option(names = "--layer", paramLabel = "LAYER", description = "GeoPackage layer of the countries.")
    String layer;

    @Option(names = "--only", split = ",", paramLabel = "ID", description = "Only these countries.")
    List<String> only;

    @Option(names = "--subzones", paramLabel = "FILE", description = "Sub-national units' boundary file.")
    String subzones;

    @Option(names = "--parent-field", paramLabel = "ATTRIBUTE", description = "Unit attribute with the country id.")
    String parentField;

    @Option(names = "--subzone-id-field", paramLabel = "ATTRIBUTE", description = "Units' id attribute.")
    String subzoneIdField;

    @Option(names = "--subzone-name-field", paramLabel = "ATTRIBUTE", description = "Units' name attribute.")
    String subzoneNameField;

    @Option(names = "--subzone-layer", paramLabel = "LAYER", description = "GeoPackage layer of the units.")
    String subzoneLayer;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder, on a file system every executor shares.")
    Path out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, or"
            + " local[*]).")
    String master;

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The job's command line, with the error handling and exit codes of {@code ldn}. */
    public static CommandLine commandLine() {
        CommandLine ldn = Ldn.commandLine();
        CommandLine cl = new CommandLine(new SparkBatchJob());
        cl.setExecutionExceptionHandler(ldn.getExecutionExceptionHandler());
        cl.setExitCodeExceptionMapper(ldn.getExitCodeExceptionMapper());
        return cl;
    }

    @Override
    public Integer call() {
        BatchPlan plan = new BatchPlan(runFile.toString(), zones, idField, nameField, layer, subzones,
                subzoneIdField, subzoneNameField, subzoneLayer, parentField, out.toString());
        SparkConf conf = new SparkConf().setAppName("ldn batch");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        long t0 = System.nanoTime();
        List<CountryBatch.Outcome> outcomes;
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("WARN");
            outcomes = SparkBatch.run(sc, plan, only);
        }
        List<String> periods = SparkBatch.opened(plan).periodNames();
        BatchSummary.write(out, outcomes, periods);
        PrintWriter o = spec.commandLine().getOut();
        int failed = BatchSummary.print(o, outcomes, periods, (System.nanoTime() - t0) / 1e9, out);
        return failed > 0 ? ExitCodes.INPUT : ExitCodes.OK;
    }
}
