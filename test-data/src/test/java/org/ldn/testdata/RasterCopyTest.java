package org.ldn.testdata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Tiling;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.ArrayRasterSource;
import org.ldn.core.raster.RasterSink;
import org.ldn.core.raster.SampleType;

class RasterCopyTest {
    /** Records what is written; fails on a pixel written twice. */
    static final class MemorySink implements RasterSink {
        final Grid grid;
        final double[] values;
        final int[] writes;
        int commits;
        int shortWrites;
        int floatWrites;

        MemorySink(Grid grid) {
            this.grid = grid;
            this.values = new double[grid.extent().length()];
            this.writes = new int[values.length];
        }

        private void put(Window w, int i, double v) {
            int p = (w.row() + i / w.width()) * grid.width() + w.col() + i % w.width();
            values[p] = v;
            writes[p]++;
        }

        @Override
        public void write(Window w, short[] data) {
            assertEquals(w.length(), data.length);
            shortWrites++;
            for (int i = 0; i < data.length; i++) {
                put(w, i, data[i]);
            }
        }

        @Override
        public void write(Window w, float[] data) {
            assertEquals(w.length(), data.length);
            floatWrites++;
            for (int i = 0; i < data.length; i++) {
                put(w, i, data[i]);
            }
        }

        @Override
        public void commit() {
            commits++;
        }

        @Override
        public void close() {
        }
    }

    @ParameterizedTest
    @CsvSource({"7, 5", "64, 64", "1, 1", "13, 2"})
    void everyPixelIsWrittenOnceWithItsValue(int tileWidth, int tileHeight) {
        Grid g = SyntheticRaster.geographic(0, 10, 0.5, 23, 17);
        int[] classes = SyntheticRaster.randomClasses(g, new int[] {1, 2, 3, 7}, 0.2, 255, 5);
        MemorySink sink = new MemorySink(g);
        RasterCopy.copy(SyntheticRaster.source("lc", g, SampleType.UINT8, 255, classes), 0, sink,
                new Tiling(g.width(), g.height(), tileWidth, tileHeight), (short) 255);
        assertEquals(1, sink.commits);
        assertEquals(0, sink.floatWrites);
        assertEquals(new Tiling(g.width(), g.height(), tileWidth, tileHeight).tileCount(), sink.shortWrites);
        int[] ones = new int[sink.writes.length];
        Arrays.fill(ones, 1);
        assertArrayEquals(ones, sink.writes);
        assertArrayEquals(Arrays.stream(classes).asDoubleStream().toArray(), sink.values);
    }

    @Test
    void floatSourcesGoThroughTheFloatPath() {
        Grid g = SyntheticRaster.geographic(0, 10, 0.5, 9, 4);
        double[] field = SyntheticRaster.smoothField(g, 0.5, 0.25, 3);
        field[5] = Double.NaN;
        MemorySink sink = new MemorySink(g);
        RasterCopy.copy(new ArrayRasterSource("ndvi", g, SampleType.FLOAT32, field), 0, sink, new Tiling(9, 4, 4, 3),
                (short) -32768);
        assertEquals(6, sink.floatWrites); // 3 tiles across, 2 down
        assertEquals(0, sink.shortWrites);
        for (int i = 0; i < field.length; i++) {
            assertEquals((float) field[i], (float) sink.values[i], 0);
        }
    }

    @Test
    void theTilingMustMatchTheGrid() {
        Grid g = SyntheticRaster.geographic(0, 10, 0.5, 9, 4);
        assertThrows(IllegalArgumentException.class, () -> RasterCopy.copy(
                new ArrayRasterSource("x", g, SampleType.FLOAT32, new double[36]), 0, new MemorySink(g),
                new Tiling(8, 4, 4, 4), (short) 0));
    }
}
