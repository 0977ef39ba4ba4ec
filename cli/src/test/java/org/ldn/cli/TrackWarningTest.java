package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.cli.command.ExitCodes;
import org.ldn.testdata.TinyRun;

/** {@code goal: {atMost: 0.2}} for a share without {@code unit:} is tracked as 0.2 %, with a warning naming unit:. */
class TrackWarningTest {
    @TempDir
    Path dir;

    @Test
    void aShareGoalBelowOneIsWarnedAboutOnTheConsoleAndInTrackingJson() throws Exception {
        TinyRun.write(dir);
        assertEquals(ExitCodes.OK, CliRunner.run("run", dir.resolve("ldn.yaml").toString(), "--quiet").exitCode());
        Path targets = dir.resolve("targets.yaml");
        Files.writeString(targets, "targets:\n  - {id: pd, metric: proportionDegraded, goal: {atMost: 0.2},"
                + " targetYear: 2030}\n");
        CliRunner r = CliRunner.run("track", dir.resolve("output/report.json").toString(), "--targets",
                targets.toString(), "--out", dir.resolve("tracking").toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        String w = targets + ": targets[0] (pd): goal 0.2 is read as 0.2 % (no unit: key; the default unit of"
                + " proportionDegraded is percent); if you meant 20 %, add unit: proportion (or write 20)";
        assertEquals("ldn: warning: " + w, r.err().strip());
        String json = Files.readString(dir.resolve("tracking/tracking.json"));
        assertTrue(json.contains("\"warnings\" : [ \"" + w.replace("\\", "\\\\") + "\" ]"), json);
    }
}
