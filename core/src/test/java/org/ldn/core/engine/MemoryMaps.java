package org.ldn.core.engine;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSink;

/** Map outputs held in memory, one whole-grid {@code short[]} per (period, kind), visible once committed. */
final class MemoryMaps implements MapOutputs {
    private final Grid grid;
    private final Map<String, short[]> committed = new ConcurrentHashMap<>();

    MemoryMaps(Grid grid) {
        this.grid = grid;
    }

    /** The committed map of {@code period} and {@code kind}, or {@code null}. */
    short[] get(String period, MapKind kind) {
        return committed.get(period + "/" + kind);
    }

    @Override
    public RasterSink open(Period period, MapKind kind) {
        short[] data = new short[(int) grid.pixelCount()];
        Arrays.fill(data, Short.MAX_VALUE); // never a class: shows a pixel that was not written
        String key = period.name() + "/" + kind;
        return new RasterSink() {
            @Override
            public void write(Window w, short[] values) {
                for (int r = 0; r < w.height(); r++) {
                    System.arraycopy(values, r * w.width(), data, (w.row() + r) * grid.width() + w.col(), w.width());
                }
            }

            @Override
            public void write(Window w, float[] values) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void commit() {
                committed.put(key, data);
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}
