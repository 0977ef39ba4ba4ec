package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.report.Report;
import org.ldn.testdata.DenseZones;
import org.ldn.testdata.TinyRun;

/**
 * Zones cost memory in proportion to their file: a GeoJSON boundary of 10⁶ vertices (about 40 MB) runs in a JVM
 * limited to 256 MB of heap, and gives the figures of the same zones drawn with 5 vertices each. The run is a
 * separate JVM (the test's class path, {@code -Xmx256m}) so the bound is the heap's, not the test runner's.
 */
class LargeBoundaryMemoryTest {
    @TempDir
    Path dir;

    @Test
    void aMillionVertexGeoJsonRunsIn256MbOfHeap() throws Exception {
        TinyRun.write(dir);
        DenseZones.write(dir.resolve("zones.geojson"), 1_000_000);
        assertTrue(Files.size(dir.resolve("zones.geojson")) > 35_000_000, "a file of about 40 MB");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx256m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "org.ldn.cli.Ldn", "run", dir.resolve("ldn.yaml").toString(),
                "--quiet").redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the run did not finish in 300 s");
        }
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("log.txt")));
        Report r = ReportChecks.check(dir.resolve("output/report.json"));
        assertEquals(List.of("W", "E"), r.zones().stream().map(Report.ZoneReport::id).toList());
        assertEquals(120.0, r.zones().get(0).areaKm2());
        assertEquals(120.0, r.zones().get(1).areaKm2());
        // E (columns 10–19) is LPD 1 (declining) throughout: 120 km² of degraded productivity
        assertEquals(120.0, r.zones().get(1).periods().get(0).productivity().degradedKm2());
    }
}
