package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ldn.cli.command.ExitCodes;
import org.ldn.testdata.TinyRun;

/**
 * An input that is a named pipe (made with {@code mkfifo}) is refused at once with one line, instead of blocking
 * forever on a read no process will ever answer. Each case runs under a timeout: a hang fails the test.
 */
class FifoInputTest {
    @TempDir
    Path dir;

    private static final String REFUSED = ": not a regular file but a named pipe (FIFO), which would be read forever"
            + " or not at all (give the path of an ordinary file)";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("ldn.yaml", new String[] {"run", "{dir}/ldn.yaml"}),
                Arguments.of("ldn.yaml", new String[] {"validate", "{dir}/ldn.yaml"}),
                Arguments.of("lc2015.tif", new String[] {"run", "{dir}/ldn.yaml"}),
                Arguments.of("lc2015.tif", new String[] {"validate", "{dir}/ldn.yaml"}),
                Arguments.of("zones.geojson", new String[] {"run", "{dir}/ldn.yaml"}),
                Arguments.of("legend.csv", new String[] {"run", "{dir}/ldn.yaml"}),
                Arguments.of("targets.yaml", new String[] {"track", "{dir}/out/report.json", "--targets",
                        "{dir}/targets.yaml", "--out", "{dir}/tracking"}),
                Arguments.of("scenarios.yaml", new String[] {"scenario", "{dir}/ldn.yaml", "--scenarios",
                        "{dir}/scenarios.yaml", "--out", "{dir}/scenarios"}),
                Arguments.of("report.json", new String[] {"export", "{dir}/report.json", "--out", "{dir}/unccd"}),
                Arguments.of("report.json", new String[] {"aggregate", "{dir}/report.json", "--out", "{dir}/agg"}),
                Arguments.of("report.json", new String[] {"check-report", "{dir}/report.json"}));
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("cases")
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aNamedPipeIsRefused(String fifo, String[] args) throws Exception {
        TinyRun.write(dir);
        if (fifo.equals("legend.csv")) {
            Files.writeString(dir.resolve("ldn.yaml"), TinyRun.RUN_FILE.replace("legend: unccd", "legend: legend.csv"));
        }
        if (args[0].equals("track")) {
            assertEquals(ExitCodes.OK, CliRunner.run("run", dir.resolve("ldn.yaml").toString(), "--out",
                    dir.resolve("out").toString(), "--quiet").exitCode());
        }
        Files.deleteIfExists(dir.resolve(fifo));
        mkfifo(dir.resolve(fifo));
        String[] a = Stream.of(args).map(s -> s.replace("{dir}", dir.toString())).toArray(String[]::new);
        CliRunner r = CliRunner.run(a);
        assertTrue(r.exitCode() == ExitCodes.INPUT || r.exitCode() == ExitCodes.INVALID, r.exitCode() + r.err());
        String line = r.err().lines().filter(l -> l.contains(REFUSED)).findFirst().orElse(r.err());
        assertTrue(line.contains(fifo + REFUSED), line);
        assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    private static void mkfifo(Path p) throws Exception {
        Process pr;
        try {
            pr = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("mkfifo is missing (install coreutils): " + e.getMessage());
            return;
        }
        assertEquals(0, pr.waitFor(), new String(pr.getInputStream().readAllBytes()));
    }
}
