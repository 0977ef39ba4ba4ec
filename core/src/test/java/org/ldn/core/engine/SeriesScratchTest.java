package org.ldn.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Tiling;
import org.ldn.core.grid.Window;
import org.ldn.core.indicator.Classes;
import org.ldn.core.report.Report.ZoneReport;

/**
 * The scratch store of a computed-productivity run ({@link SeriesScratch}): a run that keeps the first pass's
 * metrics and reads the series once gives the reports and maps of the run that reads it twice, for every tile size
 * and thread count, with integer, monthly and fractional series; the store's records read back what was written;
 * the store is skipped (same results) when over its limit or when its folder is unusable, and leaves no file.
 */
class SeriesScratchTest {
    private static final short[] CLASSES = {Classes.DEGRADED, Classes.STABLE, Classes.IMPROVED, Classes.NODATA};

    @TempDir
    Path dir;

    private record Outcome(ZoneReport[] reports, MemoryMaps maps, EngineResult result) {
    }

    private static Outcome run(EngineInputs in, EngineOptions options) {
        MemoryMaps maps = new MemoryMaps(in.grid());
        EngineResult r = Engine.run(in, maps, options);
        return new Outcome(ProductivityEngineTest.reports(r), maps, r);
    }

    private static void assertSame(Outcome expected, Outcome actual, List<Period> periods, String what) {
        assertArrayEquals(expected.reports(), actual.reports(), what);
        for (int p = 0; p < periods.size(); p++) {
            assertEquals(expected.result().performanceP90().get(p).all(), actual.result().performanceP90().get(p).all(),
                    what + " p90");
            assertEquals(expected.result().performanceP90().get(p).pixels(),
                    actual.result().performanceP90().get(p).pixels(), what + " p90 pixels");
        }
        for (Period p : periods) {
            for (MapKind k : MapKind.values()) {
                short[] a = expected.maps().get(p.name(), k);
                assertArrayEquals(a, actual.maps().get(p.name(), k), what + " " + p.name() + " " + k);
            }
        }
    }

    /** The synthetic series divided by 7: sums that are not whole numbers, stored as float64. */
    private static EngineInputs fractional(ProductivityEngineTest.Synthetic s) {
        double[][] v = new double[s.values().length][];
        for (int y = 0; y < v.length; y++) {
            v[y] = s.values()[y].clone();
            for (int i = 0; i < v[y].length; i++) {
                v[y][i] /= 7;
            }
        }
        ProductivitySeries f = ProductivityEngineTest.series(ProductivityEngineTest.annualSeries(s.grid(), v),
                s.inputs().series().landUnits());
        EngineInputs in = s.inputs();
        return new EngineInputs(in.grid(), in.zones(), in.periods(), in.subIndicators(), in.legend(), in.landCover(),
                in.matrices(), in.matrixOfZone(), java.util.Map.of(), null, 10, null, java.util.Map.of(), f);
    }

    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33})
    void oneReadGivesTheResultsOfTwoReads(long seed) throws IOException {
        Grid grid = new Grid(CrsInfo.WGS84, 20, 10, 0.25, -0.25, 67, 43);
        ProductivityEngineTest.Synthetic s = ProductivityEngineTest.synthetic(grid, seed, seed == 32);
        EngineInputs in = seed == 33 ? fractional(s) : s.inputs();
        Outcome twoReads = run(in, new EngineOptions(16, 1, null).withSeriesScratchLimit(0));
        for (int tile : new int[] {5, 16, 64, 1000}) {
            for (int threads : new int[] {1, 2}) {
                long before = SeriesScratch.RECORDS_READ.get();
                Outcome once = run(in, new EngineOptions(tile, threads, null).withScratchDirectory(dir)
                        .withSeriesScratchLimit(Long.MAX_VALUE));
                assertTrue(SeriesScratch.RECORDS_READ.get() > before, "the store was used");
                assertSame(twoReads, once, in.periods(), "tile " + tile + ", " + threads + " thread(s)");
                try (Stream<Path> left = Files.list(dir)) {
                    assertEquals(List.of(), left.toList(), "the scratch file is gone");
                }
            }
        }
    }

    @Test
    void overItsLimitOrWithoutAFolderTheRunReadsTwice() {
        Grid grid = new Grid(CrsInfo.WGS84, 20, 10, 0.25, -0.25, 31, 23);
        ProductivityEngineTest.Synthetic s = ProductivityEngineTest.synthetic(grid, 41, false);
        Outcome reference = run(s.inputs(), new EngineOptions(8, 2, null).withSeriesScratchLimit(0));
        RunPlan plan = RunPlan.of(s.inputs(), org.ldn.core.grid.PixelAreas.rowAreasKm2(grid),
                org.ldn.core.grid.PixelAreas.maxPixelAreaKm2(grid));
        long bound = SeriesScratch.bound(plan.series(), Tiling.of(grid, 8));
        // 31 × 23 pixels in 4 × 3 tiles, two periods of 16 years: at most 10 bytes a pixel and period (a class
        // byte, a count byte, a float64 sum), and a flag a period and tile
        assertEquals(31 * 23 * 2 * 10 + 12 * 2, bound);
        assertNull(SeriesScratch.open(plan.series(), Tiling.of(grid, 8), dir, bound - 1));
        long before = SeriesScratch.RECORDS_READ.get();
        Outcome over = run(s.inputs(), new EngineOptions(8, 2, null).withScratchDirectory(dir)
                .withSeriesScratchLimit(bound - 1));
        Outcome noFolder = run(s.inputs(), new EngineOptions(8, 2, null).withScratchDirectory(dir.resolve("absent"))
                .withSeriesScratchLimit(Long.MAX_VALUE));
        assertEquals(before, SeriesScratch.RECORDS_READ.get(), "no store was used");
        assertSame(reference, over, s.inputs().periods(), "over the limit");
        assertSame(reference, noFolder, s.inputs().periods(), "without a folder");
        Outcome at = run(s.inputs(), new EngineOptions(8, 2, null).withScratchDirectory(dir)
                .withSeriesScratchLimit(bound));
        assertTrue(SeriesScratch.RECORDS_READ.get() > before, "the store was used at its limit");
        assertSame(reference, at, s.inputs().periods(), "at the limit");
    }

    @Test
    void tilesMissingFromTheStoreAreReadAndComputedAgain() {
        // one thread; the store stops taking records after the 5th tile (a full disk): the main pass takes those 5
        // from the store and reads and computes the others, and the results are those of two reads
        Grid grid = new Grid(CrsInfo.WGS84, 20, 10, 0.25, -0.25, 45, 37);
        ProductivityEngineTest.Synthetic s = ProductivityEngineTest.synthetic(grid, 51, false);
        EngineInputs in = s.inputs();
        Outcome twoReads = run(in, new EngineOptions(8, 2, null).withSeriesScratchLimit(0));
        Tiling tiling = Tiling.of(grid, 8);
        int maxPixels = 64;
        RunPlan plan = RunPlan.of(in, org.ldn.core.grid.PixelAreas.rowAreasKm2(grid),
                org.ldn.core.grid.PixelAreas.maxPixelAreaKm2(grid));
        DerivedKeys derived = new DerivedKeys(plan);
        MemoryMaps maps = new MemoryMaps(grid);
        EngineResult result;
        long before = SeriesScratch.RECORDS_READ.get();
        try (SeriesScratch store = SeriesScratch.open(plan.series(), tiling, dir, Long.MAX_VALUE)) {
            assertNotNull(store);
            org.ldn.core.productivity.UnitHistograms.P90[] p90 = PerformancePass.run(plan, tiling, 1, maxPixels,
                    (stage, done, total) -> {
                        if (done == 5) {
                            store.failWrites();
                        }
                    }, store);
            TileWorker worker = new TileWorker(plan, derived, maxPixels, p90, store);
            try (MapWriter writer = new MapWriter(in, maps)) {
                for (int t = 0; t < tiling.tileCount(); t++) {
                    worker.process(tiling.tile(t), writer);
                }
                writer.commit();
            }
            derived.derive(worker.tally());
            result = new EngineResult(in, plan.lcYears(), plan.socYears(), worker.tally(), plan.scale(),
                    plan.landTypeCodes().byCode(), List.of(), List.of(p90));
        }
        assertEquals(5, SeriesScratch.RECORDS_READ.get() - before, "5 tiles from the store");
        assertTrue(tiling.tileCount() > 10);
        assertSame(twoReads, new Outcome(ProductivityEngineTest.reports(result), maps, result), in.periods(),
                "5 tiles stored");
    }

    /**
     * Periods of the record test: 0 fractional sums (float64) and random counts; 1 whole sums over the int range
     * (int32); 2 whole sums within ±2^23 (24 bits, both ends) and counts implied by the classes (all years, or none
     * and both classes nodata); 3 as 2 but one pixel's count breaks the rule, so the counts are stored.
     */
    @ParameterizedTest
    @ValueSource(ints = {300, 16})
    void recordsReadBackWhatWasWritten(int firstYears) throws IOException {
        int[] years = {firstYears, 16, 16, 16};
        SeriesPlan plan = new SeriesPlan(null, 2000, 400, new int[] {0, 8, 8, 8}, years, null, null,
                new int[] {-1, -1, -1, -1});
        int countBytes = firstYears > 255 ? 2 : 1;
        Tiling tiling = new Tiling(11, 7, 4, 3);
        SplittableRandom rnd = new SplittableRandom(5);
        List<Integer> order = new ArrayList<>();
        List<SeriesMetrics> written = new ArrayList<>();
        long bytes = 0;
        for (int t = 0; t < tiling.tileCount(); t++) {
            order.add(t);
            int n = tiling.tile(t).length();
            SeriesMetrics m = new SeriesMetrics(plan, 12);
            for (int p = 0; p < 4; p++) {
                for (int i = 0; i < n; i++) {
                    m.trajectory[p][i] = CLASSES[rnd.nextInt(4)];
                    m.state[p][i] = CLASSES[rnd.nextInt(4)];
                    m.count[p][i] = rnd.nextInt(years[p] + 1);
                    m.sum[p][i] = switch (p) {
                        case 0 -> rnd.nextDouble(-1e6, 1e6);
                        case 1 -> i == 0 ? Integer.MIN_VALUE : i == 1 ? Integer.MAX_VALUE : rnd.nextInt();
                        default -> i == 0 ? -(1 << 23) : i == 1 ? (1 << 23) - 1 : rnd.nextInt(-(1 << 23), 1 << 23);
                    };
                    if (p >= 2) {
                        boolean none = rnd.nextInt(3) == 0;
                        m.trajectory[p][i] = none ? Classes.NODATA : CLASSES[rnd.nextInt(3)];
                        m.state[p][i] = none ? Classes.NODATA : CLASSES[rnd.nextInt(3)];
                        m.count[p][i] = none ? 0 : 16;
                    }
                }
                if (p == 3) {
                    m.count[p][n - 1] = 15;
                }
                int sums = p == 0 ? 8 : p == 1 ? 4 : 3;
                bytes += 1 + n + (p == 2 ? 0 : (long) countBytes * n) + (long) sums * n;
            }
            written.add(m);
        }
        Collections.shuffle(order, new java.util.Random(3));
        int missing = order.get(order.size() - 1);
        Window missingTile = tiling.tile(missing);
        bytes -= 4 + missingTile.length() * (4L + 3 * countBytes + 8 + 4 + 3 + 3); // the tile left unwritten
        try (SeriesScratch store = SeriesScratch.open(plan, tiling, dir, Long.MAX_VALUE)) {
            assertNotNull(store);
            ByteBuffer buf = store.buffer(12);
            SeriesMetrics back = new SeriesMetrics(plan, 12);
            assertFalse(store.read(tiling.tile(3), back, tiling.tile(3).length(), buf), "nothing written yet");
            for (int t : order.subList(0, order.size() - 1)) {
                assertTrue(store.write(tiling.tile(t), written.get(t), tiling.tile(t).length(), buf));
            }
            assertFalse(store.write(new Window(1, 0, 4, 3), written.get(0), 12, buf), "not a tile of the run");
            assertFalse(store.read(missingTile, back, missingTile.length(), buf));
            for (int t : order.subList(0, order.size() - 1)) {
                int n = tiling.tile(t).length();
                assertTrue(store.read(tiling.tile(t), back, n, buf));
                SeriesMetrics m = written.get(t);
                for (int p = 0; p < 4; p++) {
                    String what = "tile " + t + " period " + p;
                    assertArrayEquals(Arrays.copyOf(m.trajectory[p], n), Arrays.copyOf(back.trajectory[p], n), what);
                    assertArrayEquals(Arrays.copyOf(m.state[p], n), Arrays.copyOf(back.state[p], n), what);
                    assertArrayEquals(Arrays.copyOf(m.count[p], n), Arrays.copyOf(back.count[p], n), what);
                    assertArrayEquals(Arrays.copyOf(m.sum[p], n), Arrays.copyOf(back.sum[p], n), what);
                }
            }
            assertEquals(bytes, store.size());
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "the scratch file is gone");
        }
    }
}
