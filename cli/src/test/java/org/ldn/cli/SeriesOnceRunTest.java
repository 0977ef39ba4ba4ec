package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.cli.output.RunWriter;
import org.ldn.cli.run.AssembledRun;
import org.ldn.cli.run.RunAssembler;
import org.ldn.core.engine.EngineOptions;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.run.ResolvedRun;
import org.ldn.core.run.RunFiles;
import org.ldn.geodata.geotiff.GeoTiffIO;
import org.ldn.testdata.SyntheticCountry;

/**
 * A generated country with LPD computed from 24 annual NDVI files, run end to end (run file → report, tables, maps)
 * with the series read once (the first pass keeps its metrics in the scratch store) and read twice (no store): every
 * output file is byte-identical apart from {@code createdAt} (maps: their pixels, as the layout of a map's blocks
 * follows the order threads finish them), for 1 and 2 threads and several tile sizes, and the scratch file is not
 * among the outputs.
 */
class SeriesOnceRunTest {
    private static final GeoTiffIO IO = new GeoTiffIO();

    @TempDir
    static Path dir;

    @BeforeAll
    static void generate() {
        SyntheticCountry.write(dir.resolve("country"), IO, new SyntheticCountry.Spec(300, 8, 24, 11), 2, k -> { });
    }

    private static Path run(String name, EngineOptions options) throws IOException {
        Path runFile = dir.resolve("country/ldn.yaml");
        ResolvedRun run = RunFiles.resolve(RunFiles.read(runFile), runFile);
        Path out = dir.resolve(name);
        try (AssembledRun a = new RunAssembler(IO).assemble(run)) {
            new RunWriter(IO).run(a, out, options);
        }
        return out;
    }

    @Test
    void everyOutputByteIsThatOfTwoReads() throws IOException {
        Path twice = run("twice", new EngineOptions(64, 2, null).withSeriesScratchLimit(0));
        List<Path> files = files(twice);
        assertTrue(files.stream().anyMatch(p -> p.toString().endsWith("_productivity_trajectory.tif")),
                files.toString());
        assertTrue(files.stream().anyMatch(p -> p.toString().equals("report.json")), files.toString());
        int[][] runs = {{64, 2}, {64, 1}, {48, 2}, {300, 1}, {37, 2}};
        for (int[] r : runs) {
            Path once = run("once-" + r[0] + "-" + r[1], new EngineOptions(r[0], r[1], null));
            String what = r[0] + "-pixel tiles, " + r[1] + " thread(s)";
            assertEquals(files, files(once), what);
            for (Path f : files) {
                byte[] a = Files.readAllBytes(twice.resolve(f));
                byte[] b = Files.readAllBytes(once.resolve(f));
                if (f.toString().endsWith(".json")) {
                    assertEquals(withoutCreatedAt(a), withoutCreatedAt(b), what + ": " + f);
                } else if (f.toString().endsWith(".tif")) {
                    // a map's blocks are laid out in the order threads finish them: its pixels are compared
                    assertArrayEquals(pixels(twice.resolve(f)), pixels(once.resolve(f)), what + ": " + f);
                } else {
                    assertArrayEquals(a, b, what + ": " + f);
                }
            }
        }
    }

    private static double[] pixels(Path tif) {
        try (RasterSource s = IO.open(tif, tif.toString())) {
            Window w = s.grid().extent();
            double[] v = new double[w.length()];
            s.read(0, w, v);
            return v;
        }
    }

    private static String withoutCreatedAt(byte[] json) {
        // the manifest's digests change with createdAt (report.json) and the maps' block layout: the files
        // themselves are compared
        return new String(json, StandardCharsets.UTF_8).replaceAll("\"createdAt\" ?: ?\"[^\"]*\"", "")
                .replaceAll("\"sha256\" : \"[0-9a-f]+\"", "");
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
