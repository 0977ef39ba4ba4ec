package org.ldn.cli;

import java.io.PrintWriter;
import java.util.List;
import org.ldn.core.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import org.ldn.cli.command.AccuracyCommand;
import org.ldn.cli.command.AggregateCommand;
import org.ldn.cli.command.BatchCommand;
import org.ldn.cli.command.DroughtCommand;
import org.ldn.cli.command.BenchCommand;
import org.ldn.cli.command.CheckReportCommand;
import org.ldn.cli.command.ExportCommand;
import org.ldn.cli.command.ReportCommand;
import org.ldn.cli.command.RunCommand;
import org.ldn.cli.command.ScenarioCommand;
import org.ldn.cli.command.TrackCommand;
import org.ldn.cli.command.ValidateCommand;
import org.ldn.cli.command.ExitCodes;
import org.ldn.cli.output.Version;

/** The {@code ldn} command: SDG indicator 15.3.1 and Land Degradation Neutrality from GIS files. */
@Command(name = "ldn", mixinStandardHelpOptions = true, versionProvider = Ldn.VersionProvider.class,
        description = "Computes SDG indicator 15.3.1 (proportion of degraded land) and LDN figures from GeoTIFF"
                + " rasters and boundary files.")
public final class Ldn {
    /** The subcommands, in the order the usage lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, ValidateCommand.class,
            CheckReportCommand.class, BatchCommand.class, AggregateCommand.class, ExportCommand.class,
            TrackCommand.class, AccuracyCommand.class, ScenarioCommand.class, BenchCommand.class, DroughtCommand.class,
            ReportCommand.class, CommandLine.HelpCommand.class);

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /** The configured command line with every subcommand: exit codes per kind of error, no stack traces. */
    public static CommandLine commandLine() {
        return configured(SUBCOMMANDS);
    }

    /**
     * The command line for {@code args}: with only the subcommand they name when they name one (and nothing but
     * {@code --debug} before it), otherwise with all. Picocli reads every option of every subcommand it is given,
     * 0.05–0.1 s of a run's start for the eleven a run does not use (docs/benchmarks.md).
     */
    static CommandLine commandLine(String... args) {
        for (String a : args) {
            if (a.equals("--debug")) {
                continue;
            }
            for (Class<?> c : SUBCOMMANDS) {
                if (c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(a)) {
                    return configured(List.of(c));
                }
            }
            break;
        }
        return configured(SUBCOMMANDS);
    }

    private static CommandLine configured(List<Class<?>> subcommands) {
        if (System.getProperty("derby.stream.error.file") == null) {
            // SIS reads the EPSG database through Derby, which would otherwise write derby.log here
            System.setProperty("derby.stream.error.file",
                    System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
        }
        Ldn top = new Ldn();
        CommandLine cl = new CommandLine(top);
        for (Class<?> c : subcommands) {
            cl.addSubcommand(c);
        }
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            PrintWriter err = line.getErr();
            boolean debug = top.debug;
            if (e instanceof InputException) {
                err.println("ldn: " + e.getMessage());
                if (debug) {
                    e.printStackTrace(err);
                }
                err.flush();
                return ExitCodes.INPUT;
            }
            err.println("ldn: internal error: " + e + (debug ? "" : " (run again with --debug and report it)"));
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.INTERNAL;
        });
        cl.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        return cl;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ldn-engine " + Version.get()};
        }
    }
}
