package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.report.Report;

/** The bundled example, run as a user runs it: schema-valid, figures that add up, deterministic, all outputs. */
class ExampleRunTest {
    static final Path EXAMPLE = Path.of("..", "example", "ldn.yaml");

    @TempDir
    Path tmp;

    @Test
    void runsAndIsIdenticalForAnyThreadCountAndTileSize() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        CliRunner ra = CliRunner.run("run", EXAMPLE.toString(), "--out", a.toString(), "--threads", "2");
        assertEquals(0, ra.exitCode(), ra.err());
        assertTrue(ra.out().contains("outputs: " + a.toAbsolutePath().normalize()), ra.out());
        CliRunner rb = CliRunner.run("run", EXAMPLE.toString(), "--out", b.toString(), "--threads", "1",
                "--tile-size", "300", "--quiet");
        assertEquals(0, rb.exitCode(), rb.err());
        assertEquals("", rb.out(), "--quiet prints nothing");

        Report r = ReportChecks.check(a.resolve("report.json"));
        assertEquals(17, r.zones().size());
        assertEquals(List.of("baseline", "reporting1"), r.total().periods().stream().map(Report.PeriodReport::name).toList());
        Report.PeriodReport rep = r.total().periods().get(1);
        assertNotNull(rep.status7Km2());
        assertNotNull(rep.ldnByLandType());
        assertEquals(7360, r.grid().width());

        String ja = withoutCreatedAt(Files.readString(a.resolve("report.json")));
        String jb = withoutCreatedAt(Files.readString(b.resolve("report.json")));
        assertEquals(ja, jb, "report.json must not depend on threads or tile size");
        for (String t : List.of("degradation.csv", "land_cover_areas.csv", "land_cover_change.csv", "status.csv",
                "soc_stock.csv", "lpd_by_land_cover.csv", "ldn_by_land_type.csv", "land_area.csv")) {
            assertEquals(Files.readString(a.resolve("tables").resolve(t)), Files.readString(b.resolve("tables").resolve(t)), t);
        }
        try (Stream<Path> maps = Files.list(a.resolve("maps"))) {
            assertEquals(19, maps.count(), "9 maps, their QGIS styles and the QGIS project ldn.qgs");
        }
        assertTrue(Files.exists(a.resolve("manifest.json")));
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertFalse(siblings.anyMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary folder left");
        }
    }

    static String withoutCreatedAt(String json) {
        return json.replaceFirst("\"createdAt\" : \"[^\"]*\"", "\"createdAt\" : \"\"");
    }
}
