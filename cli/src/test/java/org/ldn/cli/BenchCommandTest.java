package org.ldn.cli;

import org.ldn.cli.command.BenchCommand;
import org.ldn.cli.command.ExitCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ldn bench} end to end at a tiny size: generates the synthetic country, runs it in child JVMs with 1 and 2
 * threads and small tiles, and checks the reports agree. Timings are printed, never asserted.
 */
class BenchCommandTest {
    @TempDir
    Path tmp;

    @Test
    void generatesRunsAndComparesOnATinyCountry() throws Exception {
        Path data = tmp.resolve("bench");
        CliRunner r = CliRunner.run("bench", "--size", "300", "--zones", "16", "--data", data.toString(),
                "--threads", "1,2", "--verify", "--no-gdal", "--keep", "--heap", "256m");
        assertEquals(0, r.exitCode(), r.err() + r.out());
        assertTrue(r.out().contains("report.json and tables byte-identical across 3 runs"), r.out());
        assertTrue(r.out().contains("speed-up, 2 threads vs 1"), r.out());
        // the runs' CPU (ProcessHandle) is known on Linux, so there the line is always printed
        assertTrue(!Files.isDirectory(Path.of("/proc/self")) || r.out().contains("process CPU, 2 threads vs 1: "),
                r.out());
        String header = r.out().lines().filter(l -> l.contains("runs with -Xmx256m")).findFirst().orElse("");
        for (String option : launcherOptionsButHeap()) {
            assertTrue(header.contains(" " + option), "the bench's runs start without " + option + ": " + header);
        }
        JsonNode report = new ObjectMapper().readTree(data.resolve("runs/2-thread/report.json").toFile());
        assertEquals(16, report.get("zones").size());
        assertEquals(3, report.get("total").get("periods").size());
        JsonNode timings = new ObjectMapper().readTree(data.resolve("runs/2-thread-timings.json").toFile());
        assertEquals(2, timings.get("threads").asInt());
        JsonNode grid = report.get("grid");
        assertEquals(grid.get("width").asLong() * grid.get("height").asLong(), timings.get("pixels").asLong());
        assertTrue(grid.get("width").asInt() <= 300 && grid.get("width").asInt() > 250, grid.toString());
        // every zone has pixels: the generated units tile the territory
        for (JsonNode z : report.get("zones")) {
            assertFalse(z.has("noPixels") && z.get("noPixels").asBoolean(), z.toString());
        }

        // the data is reused by a second run with the same parameters, regenerated for others; rounds alternate
        CliRunner again = CliRunner.run("bench", "--size", "300", "--zones", "16", "--data", data.toString(),
                "--threads", "1,2", "--repeat", "2", "--no-gdal", "--heap", "256m");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("(reused)"), again.out());
        assertEquals(List.of("run 1-thread-1", "run 2-thread-1", "run 2-thread-2", "run 1-thread-2"),
                again.out().lines().filter(l -> l.startsWith("run ") && l.endsWith("..."))
                        .map(l -> l.substring(0, l.indexOf(':'))).toList(), again.out());
        assertTrue(again.out().contains("speed-up, 2 threads vs 1: median "), again.out());
        assertTrue(again.out().contains(" over 2 rounds ("), again.out());
        assertTrue(again.out().contains("report.json and tables byte-identical across 4 runs"), again.out());
        assertFalse(Files.exists(data.resolve("runs")), "outputs are removed without --keep");
    }

    @Test
    void pinsEachRunToAsManyCoresAsThreads() throws Exception {
        List<Integer> cpus = org.ldn.cli.output.RunTimings.allowedCpus();
        org.junit.jupiter.api.Assumptions.assumeTrue(cpus != null && cpus.size() >= 2 && onPath("taskset"),
                "--pin-cores needs Linux, taskset and 2 CPUs: this machine has " + cpus + ", taskset "
                        + (onPath("taskset") ? "present" : "missing"));
        Path data = tmp.resolve("bench");
        CliRunner r = CliRunner.run("bench", "--size", "300", "--zones", "8", "--data", data.toString(),
                "--threads", "1,2", "--pin-cores", "--no-gdal", "--keep", "--heap", "256m");
        assertEquals(0, r.exitCode(), r.err() + r.out());
        assertTrue(r.out().contains("run 1-thread: 1 thread(s), 512-pixel tiles on CPU " + cpus.get(0) + "..."),
                r.out());
        assertTrue(r.out().contains("run 2-thread: 2 thread(s), 512-pixel tiles on CPUs " + cpus.get(0) + ","
                + cpus.get(1) + "..."), r.out());
        assertTrue(r.out().contains("speed-up, 2 threads vs 1 (2 cores vs 1): "), r.out());
        assertTrue(r.out().contains("report.json and tables byte-identical across 2 runs"), r.out());
        // what each run's own JVM saw: the CPUs it was allowed to run on
        ObjectMapper json = new ObjectMapper();
        assertEquals(1, json.readTree(data.resolve("runs/1-thread-timings.json").toFile()).get("cores").asInt());
        assertEquals(2, json.readTree(data.resolve("runs/2-thread-timings.json").toFile()).get("cores").asInt());

        CliRunner tooMany = CliRunner.run("bench", "--size", "300", "--zones", "8", "--data", data.toString(),
                "--threads", "1," + (cpus.size() + 1), "--pin-cores", "--no-gdal");
        assertEquals(ExitCodes.INPUT, tooMany.exitCode(), tooMany.out());
        assertTrue(tooMany.err().contains("--pin-cores: a " + (cpus.size() + 1) + "-thread run would need "
                + (cpus.size() + 1) + " cores; this process may use " + cpus.size()), tooMany.err());
    }

    private static boolean onPath(String exe) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, exe)));
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, BenchCommand.median(new double[] {3, 1, 2}));
        assertEquals(2.5, BenchCommand.median(new double[] {4, 1, 3, 2}));
        assertEquals(7.0, BenchCommand.median(new double[] {7}));
    }

    /**
     * The launcher's default JVM options without its heap (the bench has {@code --heap}), read from the {@code ldn}
     * script, so that the bench times runs started as a user's {@code ./ldn run} starts them.
     */
    private static List<String> launcherOptionsButHeap() throws Exception {
        String script = Files.readString(Path.of("..", "ldn"));
        Matcher m = Pattern.compile("\\$\\{LDN_JAVA_OPTS:-([^}]*)}").matcher(script);
        assertTrue(m.find(), "no default LDN_JAVA_OPTS in the launcher");
        List<String> options = Arrays.stream(m.group(1).trim().split("\\s+"))
                .filter(o -> !o.startsWith("-Xmx")).toList();
        assertFalse(options.isEmpty(), m.group(1));
        return options;
    }

    @Test
    void refusesAFolderThatIsNotBenchData() throws Exception {
        Files.writeString(tmp.resolve("precious.txt"), "keep me");
        CliRunner r = CliRunner.run("bench", "--size", "300", "--data", tmp.toString(), "--no-gdal");
        assertEquals(ExitCodes.INPUT, r.exitCode(), r.out());
        assertTrue(r.err().contains("is not an 'ldn bench' data folder"), r.err());
        assertTrue(Files.exists(tmp.resolve("precious.txt")));
    }
}
