package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line main() builds for its arguments: only the subcommand they name, and the same behaviour. */
class LdnTest {
    private static final Set<String> ALL = Set.of("run", "validate", "check-report", "batch", "aggregate", "export",
            "track", "accuracy", "scenario", "bench", "drought", "report", "help");

    @ParameterizedTest
    @ValueSource(strings = {"run", "validate", "check-report", "batch", "aggregate", "export", "track", "accuracy",
        "scenario", "bench", "drought", "report"})
    void aNamedSubcommandIsTheOnlyOneBuiltAndBehavesAsInTheFullCommandLine(String name) {
        assertEquals(ALL, Ldn.commandLine().getSubcommands().keySet());
        assertEquals(Set.of(name), Ldn.commandLine(name, "--help").getSubcommands().keySet());
        assertEquals(Set.of(name), Ldn.commandLine("--debug", name).getSubcommands().keySet());
        // not the subcommand alone: "bench" would run a benchmark
        for (List<String> args : List.of(List.of(name, "--help"), List.of(name, "--no-such-option"),
                List.of("--debug", name, "--version"))) {
            String[] a = args.toArray(String[]::new);
            assertEquals(outcome(Ldn.commandLine(), a), outcome(Ldn.commandLine(a), a), String.join(" ", args));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--help", "-h", "--version", "help", "help run", "nope", "rn", "--debug",
        "--help run", "--debug --help run", "-V run"})
    void otherArgumentsGetEverySubcommand(String line) {
        String[] a = line.isEmpty() ? new String[0] : line.split(" ");
        assertEquals(ALL, Ldn.commandLine(a).getSubcommands().keySet(), line);
        assertEquals(outcome(Ldn.commandLine(), a), outcome(Ldn.commandLine(a), a), line);
    }

    /** The exit code and both outputs of {@code args} on {@code cl}. */
    private static String outcome(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        assertTrue(code >= 0);
        return code + "\n" + out + "\n--\n" + err;
    }
}
