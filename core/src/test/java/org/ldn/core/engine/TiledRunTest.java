package org.ldn.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldn.core.grid.Tiling;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.PartitionedSink;
import org.ldn.core.raster.RasterSink;
import org.ldn.core.report.Report.ZoneReport;

/**
 * A run split into tasks of tiles ({@link TiledRun}) gives the figures and maps of {@link Engine#run} for any
 * partition of the tiles, any merge order, with every partial tally sent through Java serialization (as between the
 * processes of a cluster).
 */
class TiledRunTest {
    private static final int TILE = 8; // 12 × 9 tiles on the 90 × 70 grid

    /** A partition: a task count (1, 7, 64, all tiles) or, for a negative number, a random partition of that seed. */
    @ParameterizedTest
    @ValueSource(ints = {1, 7, 64, 1000, -1, -2, -3, -4, -5})
    void anyPartitionGivesTheFiguresAndMapsOfOneRun(int tasks) {
        EngineTest.Synthetic s = EngineTest.synthetic(EngineTest.geographic(90, 70), 11, 3);
        check(s.inputs(), tasks, TILE);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 64, -6, -7})
    void computedProductivityInTwoStagesGivesTheFiguresOfOneRun(int tasks) {
        ProductivityEngineTest.Synthetic s = ProductivityEngineTest.synthetic(EngineTest.geographic(45, 37), 5,
                false);
        check(s.inputs(), tasks, 4); // 12 × 10 tiles
    }

    private static void check(EngineInputs in, int tasks, int tile) {
        MemoryMaps whole = new MemoryMaps(in.grid());
        ZoneReport[] expected = ProductivityEngineTest.reports(Engine.run(in, whole, new EngineOptions(8, 2, null)));
        TiledRun run = TiledRun.of(in, tile);
        SplittableRandom rnd = new SplittableRandom(-tasks);
        List<int[]> parts = tasks > 0 ? TileTasks.contiguous(run.tileCount(), tasks)
                : random(run.tileCount(), 1 + rnd.nextInt(40), rnd);
        if (tasks > 0 && tasks < 1000) {
            assertEquals(tasks, parts.size(), "the grid has enough tiles for every task");
        }
        PerformanceHistograms.PerformanceTable p90 = null;
        if (run.hasPerformanceStage()) {
            List<PerformanceHistograms> h = new ArrayList<>();
            for (int[] p : parts) {
                h.add(roundTrip(run.histograms(p)));
            }
            p90 = roundTrip(merge(h, rnd, PerformanceHistograms::merge).table());
        }
        MemoryMaps split = new MemoryMaps(in.grid());
        java.util.Map<String, RasterSink> wholeSinks = new java.util.HashMap<>();
        List<PartialTally> partials = new ArrayList<>();
        for (int[] p : parts) {
            List<Window> rects = TileTasks.rectangles(run.tiling(), p);
            MapOutputs outputs = (period, kind) -> {
                List<RasterSink> sinks = new ArrayList<>();
                for (int i = 0; i < rects.size(); i++) {
                    RasterSink w = wholeSinks.computeIfAbsent(period.name() + "/" + kind, x -> split.open(period, kind));
                    sinks.add(new Piece(w, rects.get(i)));
                }
                return new PartitionedSink(rects, sinks);
            };
            partials.add(roundTrip(run.tally(p, p90, outputs)));
        }
        PartialTally total = merge(partials, rnd, PartialTally::merge);
        assertArrayEquals(expected, ProductivityEngineTest.reports(run.finish(total, p90)), "tasks " + tasks);
        for (Period p : in.periods()) {
            for (MapKind k : MapKind.values()) {
                assertArrayEquals(whole.get(p.name(), k), split.get(p.name(), k), p.name() + " " + k);
            }
        }
    }

    /** A sink of a rectangle's sub-grid that writes into a whole-grid sink (what a mosaic of parts shows). */
    private record Piece(RasterSink whole, Window rect) implements RasterSink {
        @Override
        public void write(Window w, short[] data) {
            whole.write(new Window(w.col() + rect.col(), w.row() + rect.row(), w.width(), w.height()), data);
        }

        @Override
        public void write(Window w, float[] data) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void commit() {
            whole.commit();
        }

        @Override
        public void close() {
            whole.close();
        }
    }

    /** Every tile in one of {@code tasks} tasks at random (some tasks may be empty), in a shuffled order. */
    private static List<int[]> random(int tiles, int tasks, SplittableRandom rnd) {
        List<List<Integer>> sets = new ArrayList<>();
        for (int k = 0; k < tasks; k++) {
            sets.add(new ArrayList<>());
        }
        for (int t = 0; t < tiles; t++) {
            sets.get(rnd.nextInt(tasks)).add(t);
        }
        List<int[]> out = new ArrayList<>();
        for (List<Integer> s : sets) {
            int[] a = s.stream().mapToInt(Integer::intValue).toArray();
            for (int i = a.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int x = a[i];
                a[i] = a[j];
                a[j] = x;
            }
            out.add(a);
        }
        return out;
    }

    /** Merges in a random tree: pairs picked at random until one is left. */
    private static <T> T merge(List<T> items, SplittableRandom rnd, java.util.function.BinaryOperator<T> op) {
        List<T> left = new ArrayList<>(items);
        while (left.size() > 1) {
            T a = left.remove(rnd.nextInt(left.size()));
            T b = left.remove(rnd.nextInt(left.size()));
            left.add(op.apply(a, b));
        }
        return left.get(0);
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
                o.writeObject(value);
            }
            try (ObjectInputStream i = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (T) i.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    @Test
    void finishRefusesAPartialTallyWithoutEveryTile() {
        EngineTest.Synthetic s = EngineTest.synthetic(EngineTest.geographic(30, 20), 3, 2);
        TiledRun run = TiledRun.of(s.inputs(), TILE);
        PartialTally some = run.tally(new int[] {0, 1}, null, MapOutputs.NONE);
        assertThrows(IllegalArgumentException.class, () -> run.finish(some));
        assertEquals(2, some.tiles());
    }

    @Test
    void rectanglesOfABandOfTiles() {
        Tiling t = new Tiling(50, 30, 10, 10); // 5 × 3 tiles, the last row 10 high
        // tiles 3..11: the end of row 0, all of row 1, the start of row 2
        assertEquals(List.of(new Window(30, 0, 20, 10), new Window(0, 10, 50, 10), new Window(0, 20, 20, 10)),
                TileTasks.rectangles(t, new int[] {3, 4, 5, 6, 7, 8, 9, 10, 11}));
        assertEquals(List.of(new Window(10, 0, 20, 30)), TileTasks.rectangles(t, new int[] {11, 1, 6, 2, 7, 12}));
        assertEquals(List.of(new Window(0, 0, 50, 30)), TileTasks.rectangles(t, TileTasks.contiguous(15, 1).get(0)));
        List<int[]> seven = TileTasks.contiguous(15, 7);
        assertEquals(7, seven.size());
        assertArrayEquals(new int[] {0, 1}, seven.get(0));
        assertArrayEquals(new int[] {12, 13, 14}, seven.get(6));
        assertEquals(15, seven.stream().mapToInt(a -> a.length).sum());
        assertEquals(3, TileTasks.contiguous(3, 64).size(), "no more tasks than tiles");
    }

}
