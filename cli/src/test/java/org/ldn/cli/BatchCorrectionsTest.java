package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.cli.command.ExitCodes;
import org.ldn.core.report.Report;
import org.ldn.testdata.TinyRun;

/**
 * The run file's corrections reach every country of {@code ldn batch}. In {@link TinyRun} (1 km² pixels) a polygon
 * over columns 0–1 of country W imposes the combined class "degraded" in its one period: W's report moves exactly
 * that polygon's area (2 columns × the grid's height) and lists it; E's report lists the polygon with no area.
 */
class BatchCorrectionsTest {
    @TempDir
    Path dir;

    @Test
    void correctionsOfTheRunFileApplyToTheCountryTheyLieIn() throws Exception {
        TinyRun.write(dir);
        double x0 = TinyRun.X0;
        double x1 = TinyRun.X0 + 2 * 1000.0;
        double y0 = TinyRun.Y0;
        double y1 = TinyRun.Y0 - TinyRun.HEIGHT * 1000.0;
        Files.writeString(dir.resolve("corrections.geojson"), "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":"
                + "\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::3035\"}},\"features\":[{\"type\":"
                + "\"Feature\",\"properties\":{\"id\":\"FN1\",\"period\":\"all\",\"indicator\":\"sdg\",\"class\":"
                + "\"degraded\",\"reason\":\"field survey\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[["
                + x0 + "," + y0 + "],[" + x1 + "," + y0 + "],[" + x1 + "," + y1 + "],[" + x0 + "," + y1 + "],[" + x0
                + "," + y0 + "]]]}}]}", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("ldn.yaml"), TinyRun.RUN_FILE + "corrections: corrections.geojson\n");
        Path out = dir.resolve("batch");
        CliRunner r = CliRunner.run("batch", dir.resolve("ldn.yaml").toString(), "--zones",
                dir.resolve("zones.geojson").toString(), "--id-field", "id", "--out", out.toString(), "-q");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());

        double polygonKm2 = 2.0 * TinyRun.HEIGHT;
        Report w = ReportChecks.check(out.resolve("W/report.json"));
        Report e = ReportChecks.check(out.resolve("E/report.json"));
        CliRunner whole = CliRunner.run("run", dir.resolve("ldn.yaml").toString(), "--out",
                dir.resolve("run").toString(), "-q");
        assertEquals(ExitCodes.OK, whole.exitCode(), whole.err());
        Report all = ReportChecks.check(dir.resolve("run/report.json"));
        assertEquals(1, w.corrections().get(0).periods().size(), "the baseline, the run's one period");
        for (int p = 0; p < w.corrections().get(0).periods().size(); p++) {
            Report.CorrectionPeriod wp = w.corrections().get(0).periods().get(p);
            double sum = wp.fromKm2().values().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(polygonKm2, sum, "the polygon's area in W, period " + wp.period());
            assertEquals(polygonKm2 - wp.fromKm2().get("degraded") - wp.fromKm2().get("water"), wp.changedKm2(),
                    wp.period());
            assertEquals(all.corrections().get(0).periods().get(p), wp, "as ldn run over both countries");
            assertEquals(0.0, e.corrections().get(0).periods().get(p).changedKm2(), "E holds none of the polygon");
        }
        assertEquals(1, w.corrections().size());
    }
}
