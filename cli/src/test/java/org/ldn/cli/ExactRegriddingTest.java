package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.geodata.align.Regridded;

/**
 * The bundled example (SOC and climate zones reprojected from EPSG:4326 onto a custom equal-area grid) gives the
 * same report and tables, byte for byte, whether reprojected pixels are found over the interpolation lattice or by
 * transforming every centre exactly.
 */
class ExactRegriddingTest {
    @TempDir
    Path tmp;

    @Test
    void exampleIsByteIdenticalWithExactRegridding() throws Exception {
        Path lattice = tmp.resolve("lattice");
        Path exact = tmp.resolve("exact");
        CliRunner a = CliRunner.run("run", ExampleRunTest.EXAMPLE.toString(), "--out", lattice.toString(), "--quiet");
        assertEquals(0, a.exitCode(), a.err());
        System.setProperty(Regridded.EXACT_PROPERTY, "true");
        try {
            CliRunner b = CliRunner.run("run", ExampleRunTest.EXAMPLE.toString(), "--out", exact.toString(),
                    "--quiet");
            assertEquals(0, b.exitCode(), b.err());
        } finally {
            System.clearProperty(Regridded.EXACT_PROPERTY);
        }
        assertEquals(ExampleRunTest.withoutCreatedAt(Files.readString(exact.resolve("report.json"))),
                ExampleRunTest.withoutCreatedAt(Files.readString(lattice.resolve("report.json"))));
        List<Path> tables;
        try (Stream<Path> list = Files.list(exact.resolve("tables"))) {
            tables = list.sorted().toList();
        }
        assertTrue(tables.size() >= 8, "tables: " + tables);
        for (Path t : tables) {
            assertEquals(Files.readString(t), Files.readString(lattice.resolve("tables").resolve(t.getFileName())),
                    t.getFileName().toString());
        }
    }
}
