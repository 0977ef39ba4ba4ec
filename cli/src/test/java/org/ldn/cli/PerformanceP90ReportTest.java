package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.cli.command.ExitCodes;
import org.ldn.core.report.Report;
import org.ldn.testdata.TinyRun;

/**
 * The report's per-unit p90 table of the performance sub-metric, against a hand computation. {@link TinyRun} with a
 * productivity series of 16 years (INT16, scale 0.0001) that is constant in time, so each pixel's mean is its stored
 * value s in units of 0.0001, and a land-unit map: unit 1 in columns 0–9, unit 2 in columns 10–19. The land cover of
 * 2000 is grassland (code 2) everywhere, so the units are (2, 1) and (2, 2), 120 pixels each.
 * <pre>
 * unit 1: s = 100 + c + 10 r   → the values 100..219, once each;      unit 2: s = 1000 + 2 (c − 10 + 10 r) → 1000, 1002, .. 1238
 * type-7 p90 of N = 120 sorted values: h = 0.9 × 119 = 107.1 → x_107 + 0.1 (x_108 − x_107)
 * unit 1: 207 + 0.1 × 1 = 207.1 → 207 units = 0.0207;             unit 2: 1214 + 0.1 × 2 = 1214.2 → 1214 units = 0.1214
 * </pre>
 */
class PerformanceP90ReportTest {
    @TempDir
    Path dir;

    @Test
    void theP90OfEveryLandUnitIsInTheReport() throws Exception {
        TinyRun.write(dir);
        StringBuilder years = new StringBuilder();
        for (int y = 2000; y <= 2015; y++) {
            Files.write(dir.resolve("s" + y + ".tif"), TinyRun.int16((c, r) -> c < 10 ? 100 + c + 10 * r
                    : 1000 + 2 * (c - 10 + 10 * r)).bytes());
            years.append(y == 2000 ? "" : ", ").append(y).append(": s").append(y).append(".tif");
        }
        Files.write(dir.resolve("units.tif"), TinyRun.int16((c, r) -> c < 10 ? 1 : 2).bytes());
        Files.writeString(dir.resolve("ldn.yaml"), TinyRun.RUN_FILE.replace("productivity: {lpd: {baseline: lpd.tif}}",
                "productivity: {series: {" + years + "}, scale: 0.0001, landUnits: units.tif}"));
        CliRunner r = CliRunner.run("run", dir.resolve("ldn.yaml").toString(), "--quiet");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        Report report = ReportChecks.check(dir.resolve("output/report.json"));
        assertEquals(List.of(new Report.PerformanceP90("baseline", List.of(
                new Report.UnitP90(2, 1, 120, 0.0207), new Report.UnitP90(2, 2, 120, 0.1214)))),
                report.performanceP90());

        JsonSchema schema;
        try (InputStream in = Report.class.getResourceAsStream("report.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        JsonNode node = new ObjectMapper().readTree(dir.resolve("output/report.json").toFile());
        Set<ValidationMessage> errors = schema.validate(node);
        assertEquals(Set.of(), errors);
        assertEquals("{\"period\":\"baseline\",\"units\":[{\"landCoverCode\":2,\"landUnit\":1,\"pixels\":120,\"p90\":0.0207},"
                + "{\"landCoverCode\":2,\"landUnit\":2,\"pixels\":120,\"p90\":0.1214}]}",
                node.get("performanceP90").get(0).toString());
    }

    @Test
    void suppliedLpdMapsHaveNoP90Table() throws Exception {
        TinyRun.write(dir);
        assertEquals(ExitCodes.OK, CliRunner.run("run", dir.resolve("ldn.yaml").toString(), "--quiet").exitCode());
        assertEquals(null, ReportChecks.check(dir.resolve("output/report.json")).performanceP90());
    }
}
