package org.ldn.spark;

import org.ldn.cli.Ldn;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The Spark job's main class: {@code ldn-spark run RUNFILE}, {@code ldn-spark batch …}, {@code ldn-spark plan}. */
@Command(name = "ldn-spark", mixinStandardHelpOptions = true,
        description = "The LDN engine on Apache Spark.",
        subcommands = {SparkRunJob.class, SparkBatchJob.class, SparkPlanJob.class})
public final class LdnSpark {
    private LdnSpark() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, with the error handling and exit codes of {@code ldn}. */
    public static CommandLine commandLine() {
        CommandLine ldn = Ldn.commandLine();
        CommandLine cl = new CommandLine(LdnSpark.class);
        cl.setExecutionExceptionHandler(ldn.getExecutionExceptionHandler());
        cl.setExitCodeExceptionMapper(ldn.getExitCodeExceptionMapper());
        return cl;
    }
}
