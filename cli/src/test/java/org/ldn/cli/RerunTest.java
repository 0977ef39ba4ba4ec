package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.cli.command.ExitCodes;
import org.ldn.testdata.TinyRun;

/**
 * Every command that writes an output folder, run twice into the same folder: the second run replaces the first
 * run's outputs (each folder holds a {@code manifest.json}), as a user rerunning a command expects.
 */
class RerunTest {
    @TempDir
    Path dir;

    private void twice(String... args) {
        for (int i = 1; i <= 2; i++) {
            CliRunner r = CliRunner.run(args);
            assertEquals(ExitCodes.OK, r.exitCode(), "run " + i + " of " + args[0] + ": " + r.err());
        }
    }

    @Test
    void everyCommandReplacesItsOwnPreviousOutputs() throws Exception {
        TinyRun.write(dir);
        String runFile = dir.resolve("ldn.yaml").toString();
        Path out = dir.resolve("output");
        twice("run", runFile, "--out", out.toString(), "--quiet");
        String report = out.resolve("report.json").toString();

        Path unccd = dir.resolve("unccd");
        twice("export", report, "--out", unccd.toString());
        assertTrue(Files.isRegularFile(unccd.resolve("manifest.json")));

        Files.writeString(dir.resolve("targets.yaml"), "targets:\n  - {id: pd, metric: proportionDegraded,"
                + " goal: {atMost: 10}, targetYear: 2030}\n");
        Path tracking = dir.resolve("tracking");
        twice("track", report, "--targets", dir.resolve("targets.yaml").toString(), "--out", tracking.toString());
        assertTrue(Files.isRegularFile(tracking.resolve("tracking.json")));

        Path aggregate = dir.resolve("aggregate");
        twice("aggregate", report, "--out", aggregate.toString(), "-q");
        assertTrue(Files.isRegularFile(aggregate.resolve("aggregate.json")));

        Files.writeString(dir.resolve("scenarios.yaml"), "scenarios:\n  - {name: t5, socThresholdPercent: 5}\n");
        Path scenarios = dir.resolve("scenarios");
        twice("scenario", runFile, "--scenarios", dir.resolve("scenarios.yaml").toString(), "--out",
                scenarios.toString());
        assertTrue(Files.isRegularFile(scenarios.resolve("t5/report.json")));

        Path batch = dir.resolve("batch");
        twice("batch", runFile, "--zones", dir.resolve("zones.geojson").toString(), "--id-field", "id", "--out",
                batch.toString(), "-q");
        assertTrue(Files.isRegularFile(batch.resolve("W/report.json")), () -> list(batch));
    }

    /** The same, with the commands' default output folders, run from the folder of the inputs' report. */
    @Test
    void trackIntoItsDefaultFolderTwice() throws Exception {
        TinyRun.write(dir);
        assertEquals(ExitCodes.OK, CliRunner.run("run", dir.resolve("ldn.yaml").toString(), "--quiet").exitCode());
        Files.writeString(dir.resolve("targets.yaml"), "targets:\n  - {id: pd, metric: proportionDegraded,"
                + " goal: {atMost: 10}, targetYear: 2030}\n");
        Path tracking = dir.resolve("output/tracking");
        twice("track", dir.resolve("output/report.json").toString(), "--targets",
                dir.resolve("targets.yaml").toString(), "--out", tracking.toString());
    }

    private static String list(Path p) {
        try (var s = Files.walk(p)) {
            return s.map(Path::toString).toList().toString();
        } catch (Exception e) {
            return e.toString();
        }
    }
}
