package org.ldn.cli.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ldn.geodata.geotiff.GeoTiffIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.ldn.cli.run.RunValidator;

/** {@code ldn validate RUNFILE}: checks every input before a long run and lists all problems at once. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks a run file and every input it names (files readable, CRS known, years present for every"
                + " period, legend covering every code found, grids regriddable) and lists all problems at once.")
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUNFILE")
    Path runFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> problems = new RunValidator(new GeoTiffIO()).validate(runFile);
        PrintWriter out = spec.commandLine().getOut();
        if (problems.isEmpty()) {
            out.println(runFile + ": OK, ready to run");
            out.flush();
            return ExitCodes.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println(runFile + ": " + problems.size() + " problem(s):");
        for (String p : problems) {
            err.println("  - " + p);
        }
        err.flush();
        return ExitCodes.INVALID;
    }
}
