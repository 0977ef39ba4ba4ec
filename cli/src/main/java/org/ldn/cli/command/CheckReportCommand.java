package org.ldn.cli.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ldn.core.InputException;
import org.ldn.core.report.Report;
import org.ldn.core.report.ReportConsistency;
import org.ldn.core.report.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ldn check-report REPORT...}: reads reports made elsewhere (bounded in size and depth) and checks that they
 * can be trusted: a schema version this engine reads, and areas that add up ({@link ReportConsistency}).
 */
@Command(name = "check-report", mixinStandardHelpOptions = true,
        description = "Checks report.json files before they are aggregated: readable, a supported schema version,"
                + " and areas that add up (classes to each zone's area, zones to the total). One line per bad report.")
public final class CheckReportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "REPORT", description = "report.json files")
    List<Path> reports;

    @Option(names = "--all", description = "List every problem of each report (default: the first, and a count).")
    boolean all;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean ok = true;
        for (Path file : reports) {
            Report r;
            List<String> problems;
            try {
                r = ReportJson.read(file);
                problems = ReportConsistency.problems(r);
            } catch (InputException e) {
                err.println("ldn: " + e.getMessage());
                ok = false;
                continue;
            }
            if (problems.isEmpty()) {
                out.println(file + ": OK (schema " + r.schemaVersion() + ", " + r.zones().size() + " zone(s))");
                continue;
            }
            ok = false;
            if (all) {
                problems.forEach(p -> err.println("ldn: " + file + ": " + p));
            } else {
                err.println("ldn: " + file + ": " + problems.get(0) + (problems.size() == 1 ? ""
                        : " (and " + (problems.size() - 1) + " more problem(s); list them with --all)"));
            }
        }
        out.flush();
        err.flush();
        return ok ? ExitCodes.OK : ExitCodes.INPUT;
    }
}
