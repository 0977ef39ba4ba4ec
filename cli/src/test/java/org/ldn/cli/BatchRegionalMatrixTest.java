package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.cli.command.ExitCodes;
import org.ldn.core.landcover.TransitionMatrix;
import org.ldn.core.report.Report;
import org.ldn.testdata.TinyRun;
import org.ldn.testdata.TinyZones;

/**
 * Regional transition matrices carry over to {@code ldn batch}: an entry may name a country of the batch (it applies
 * to all of the country's zones without a matrix of their own) or a sub-national unit, and entries naming other
 * countries' zones do not stop a country. In {@link TinyRun} columns 0–4 go from grassland (2) to cropland (3) in
 * 2015, 60 pixels of 1 km²: improvement under the default matrix, degradation under {@code down.csv}, which
 * differs from the default in that one cell.
 */
class BatchRegionalMatrixTest {
    @TempDir
    Path dir;

    private void setUp(String matrix) throws Exception {
        TinyRun.write(dir);
        int[][] m = TransitionMatrix.defaults().toArray();
        assertEquals(1, m[1][2], "grassland to cropland is improvement by default");
        m[1][2] = -1;
        StringBuilder csv = new StringBuilder();
        for (int[] row : m) {
            csv.append(String.join(",", java.util.Arrays.stream(row).mapToObj(String::valueOf).toList())).append('\n');
        }
        Files.writeString(dir.resolve("down.csv"), csv);
        Files.writeString(dir.resolve("ldn.yaml"), TinyRun.RUN_FILE.replace("legend: unccd,",
                "legend: unccd, matrix: " + matrix + ","));
    }

    private static Report.AreaSummary landCover(Path report) throws Exception {
        return ReportChecks.check(report).total().periods().get(0).landCover();
    }

    @Test
    void aMatrixNamingOneCountryAppliesToItAndTheOtherCountryRuns() throws Exception {
        setUp("[{zones: [W], matrix: down.csv}]");
        Path out = dir.resolve("batch");
        CliRunner r = CliRunner.run("batch", dir.resolve("ldn.yaml").toString(), "--zones",
                dir.resolve("zones.geojson").toString(), "--id-field", "id", "--out", out.toString(), "-q");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertEquals(60.0, landCover(out.resolve("W/report.json")).degradedKm2());
        assertEquals(0.0, landCover(out.resolve("W/report.json")).improvedKm2());
        assertEquals(0.0, landCover(out.resolve("E/report.json")).degradedKm2());
    }

    @Test
    void aMatrixNamingACountryAppliesToItsUnitsUnlessAUnitHasItsOwn() throws Exception {
        setUp("[{zones: [W], matrix: down.csv}, {zones: [W1], matrix: default}]");
        // units: W1 columns 0–2 and W2 columns 3–9 of W (parent W, in the name attribute), E1 all of E
        Files.writeString(dir.resolve("units.geojson"), TinyZones.geoJson(List.of(
                new TinyZones.Zone("W1", "W", List.of(List.of(TinyZones.cells(0, 0, 3, TinyRun.HEIGHT)))),
                new TinyZones.Zone("W2", "W", List.of(List.of(TinyZones.cells(3, 0, 10, TinyRun.HEIGHT)))),
                new TinyZones.Zone("E1", "E", List.of(List.of(TinyZones.cells(10, 0, 20, TinyRun.HEIGHT)))))));
        Path out = dir.resolve("batch");
        CliRunner r = CliRunner.run("batch", dir.resolve("ldn.yaml").toString(), "--zones",
                dir.resolve("zones.geojson").toString(), "--id-field", "id", "--subzones",
                dir.resolve("units.geojson").toString(), "--parent-field", "name", "--subzone-id-field", "id",
                "--out", out.toString(), "-q");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        Report w = ReportChecks.check(out.resolve("W/report.json"));
        // W1 keeps the default (its own entry): columns 0–2 improved, 36 km²; W2 takes W's: columns 3–4 degraded
        assertEquals(36.0, w.zones().get(0).periods().get(0).landCover().improvedKm2());
        assertEquals(0.0, w.zones().get(0).periods().get(0).landCover().degradedKm2());
        assertEquals(24.0, w.zones().get(1).periods().get(0).landCover().degradedKm2());
        assertEquals(0.0, w.zones().get(1).periods().get(0).landCover().improvedKm2());

        setUp("[{zones: [X], matrix: down.csv}]");
        r = CliRunner.run("batch", dir.resolve("ldn.yaml").toString(), "--zones",
                dir.resolve("zones.geojson").toString(), "--id-field", "id", "--out", dir.resolve("b2").toString(),
                "-q");
        assertEquals(ExitCodes.INPUT, r.exitCode(), "an id of no country nor unit is still an error: " + r.err());
    }
}
