package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldn.cli.output.MosaicRunWriter;
import org.ldn.cli.run.SplitRun;
import org.ldn.core.engine.PerformanceHistograms;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSource;
import org.ldn.geodata.geotiff.GeoTiffIO;
import org.ldn.testdata.SyntheticCountry;

/**
 * {@code ldn run} split into tasks ({@link SplitRun}), the tasks run in this process in a random order and their
 * results merged in a random tree: report.json (apart from createdAt) and every table are byte-identical to
 * {@code ldn run}'s for 1, 7, 64 tasks and random partitions, and the VRT maps hold {@code ldn run}'s pixels
 * (read through GDAL). The generated country has SOC on a coarser grid (regridded) and three periods; a second
 * one computes LPD from an NDVI series (two stages).
 */
class SplitRunTest {
    /** Tile sizes: 10 × 10 tiles on either country (320² and 160² pixels). */
    private static final int TILE = 32;
    private static final int SERIES_TILE = 16;

    @TempDir
    static Path dir;

    @BeforeAll
    static void generate() {
        for (String kind : List.of("lpd", "series")) {
            Path d = dir.resolve(kind);
            SyntheticCountry.write(d, new GeoTiffIO(), new SyntheticCountry.Spec(kind.equals("lpd") ? 320 : 160, 8,
                    kind.equals("lpd") ? 0 : 24, 7), 2, k -> { });
            CliRunner r = CliRunner.run("run", d.resolve("ldn.yaml").toString(), "--out", d.resolve("ref").toString(),
                    "-q");
            assertEquals(0, r.exitCode(), r.err());
        }
    }

    /** Positive: that many bands of tiles; negative: a random partition of that seed. */
    @ParameterizedTest
    @ValueSource(ints = {1, 7, 64, -1, -2})
    void suppliedLpdGivesTheReportOfLdnRun(int tasks) throws Exception {
        check("lpd", tasks, tasks == 7);
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 64})
    void computedProductivityInTwoStagesGivesTheReportOfLdnRun(int tasks) throws Exception {
        check("series", tasks, tasks == 64);
    }

    private static void check(String kind, int tasks, boolean maps) throws Exception {
        Path d = dir.resolve(kind);
        Path out = d.resolve("split" + tasks);
        SplittableRandom rnd = new SplittableRandom(tasks);
        try (SplitRun split = SplitRun.start(d.resolve("ldn.yaml"), out, kind.equals("lpd") ? TILE : SERIES_TILE,
                t -> tasks > 0 ? org.ldn.core.engine.TileTasks.contiguous(t, tasks) : random(t, rnd))) {
            SplitRun.Plan plan = split.plan();
            List<Integer> order = shuffled(plan.taskCount(), rnd);
            PerformanceHistograms.PerformanceTable p90 = null;
            if (split.hasPerformanceStage()) {
                List<PerformanceHistograms> h = new ArrayList<>();
                order.forEach(k -> h.add(SplitRun.histograms(plan, k)));
                p90 = merge(h, rnd, PerformanceHistograms::merge).table();
            }
            List<SplitRun.TaskResult> results = new ArrayList<>();
            for (int k : order) {
                results.add(SplitRun.tally(plan, k, p90));
            }
            if (tasks == 7) {
                // a task run again (a retry) writes the same parts; one attempt's result is kept, as Spark does
                assertEquals(results.get(0).parts(), SplitRun.tally(plan, order.get(0), p90).parts());
            }
            split.finish(merge(results, rnd, SplitRun.TaskResult::merge), p90);
        }
        Path ref = d.resolve("ref");
        assertEquals(withoutCreatedAt(ref.resolve("report.json")), withoutCreatedAt(out.resolve("report.json")));
        for (Path t : list(ref.resolve("tables"))) {
            assertEquals(Files.readString(t), Files.readString(out.resolve("tables").resolve(t.getFileName())),
                    t.getFileName().toString());
        }
        List<Path> refMaps = list(ref.resolve("maps")).stream().filter(p -> p.toString().endsWith(".tif")).toList();
        List<Path> vrts = list(out.resolve("maps")).stream().filter(p -> p.toString().endsWith(".vrt")).toList();
        assertEquals(refMaps.size(), vrts.size());
        assertTrue(Files.isRegularFile(out.resolve("manifest.json")));
        if (maps) {
            Assumptions.assumeTrue(onPath("gdal_translate"), "GDAL is needed to read the VRT maps: install gdal-bin");
            for (Path m : refMaps) {
                String stem = m.getFileName().toString().replace(".tif", "");
                Path flat = d.resolve("flat-" + tasks + "-" + stem + ".tif");
                Process p = new ProcessBuilder("gdal_translate", "-q", out.resolve("maps/" + stem + ".vrt").toString(),
                        flat.toString()).redirectErrorStream(true).start();
                String msg = new String(p.getInputStream().readAllBytes());
                assertEquals(0, p.waitFor(), msg);
                assertArrayEquals(pixels(m), pixels(flat), stem);
            }
        }
    }

    @Test
    void aRunClosedBeforeItFinishedLeavesNoOutputFolder() {
        Path d = dir.resolve("lpd");
        Path out = d.resolve("unfinished");
        try (SplitRun split = SplitRun.start(d.resolve("ldn.yaml"), out, TILE, 3)) {
            SplitRun.tally(split.plan(), 1, null);
            assertTrue(Files.isDirectory(Path.of(split.plan().work()).resolve(MosaicRunWriter.PARTS)));
        }
        assertFalse(Files.exists(out));
        try (Stream<Path> s = Files.list(d)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".unfinished")).toList());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static double[] pixels(Path tif) {
        try (RasterSource s = new GeoTiffIO().open(tif, tif.toString())) {
            Window w = s.grid().extent();
            double[] v = new double[w.length()];
            s.read(0, w, v);
            return v;
        }
    }

    private static String withoutCreatedAt(Path report) throws IOException {
        return Files.readString(report).replaceFirst("\"createdAt\" : \"[^\"]*\"", "");
    }

    private static List<Path> list(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }

    private static List<int[]> random(int tiles, SplittableRandom rnd) {
        int tasks = 1 + rnd.nextInt(30);
        List<List<Integer>> sets = new ArrayList<>();
        for (int k = 0; k < tasks; k++) {
            sets.add(new ArrayList<>());
        }
        for (int t = 0; t < tiles; t++) {
            sets.get(rnd.nextInt(tasks)).add(t);
        }
        return sets.stream().filter(s -> !s.isEmpty()).map(s -> s.stream().mapToInt(Integer::intValue).toArray())
                .toList();
    }

    private static List<Integer> shuffled(int n, SplittableRandom rnd) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(rnd.nextInt(out.size() + 1), i);
        }
        return out;
    }

    private static <T> T merge(List<T> items, SplittableRandom rnd, java.util.function.BinaryOperator<T> op) {
        List<T> left = new ArrayList<>(items);
        while (left.size() > 1) {
            T a = left.remove(rnd.nextInt(left.size()));
            T b = left.remove(rnd.nextInt(left.size()));
            left.add(op.apply(a, b));
        }
        return left.get(0);
    }

    private static boolean onPath(String exe) {
        for (String p : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(p, exe))) {
                return true;
            }
        }
        return false;
    }
}
