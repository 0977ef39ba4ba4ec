package org.ldn.core.raster;

import java.util.List;
import org.ldn.core.grid.Window;

/**
 * A sink of a whole grid made of one sink per rectangle (each on the sub-grid of its rectangle): every window
 * written must lie inside one rectangle, and goes to that rectangle's sink in its own pixel frame. Lets a task that
 * computes some tiles of a run write them to files of their own, which a mosaic (e.g. a VRT) assembles. Commit and
 * close go to every part. Thread-safe as the parts are.
 */
public final class PartitionedSink implements RasterSink {
    private final List<Window> rectangles;
    private final List<RasterSink> parts;

    /** {@code parts.get(i)} receives the pixels of {@code rectangles.get(i)} (disjoint rectangles). */
    public PartitionedSink(List<Window> rectangles, List<RasterSink> parts) {
        if (rectangles.size() != parts.size()) {
            throw new IllegalArgumentException("one part per rectangle is needed");
        }
        this.rectangles = List.copyOf(rectangles);
        this.parts = List.copyOf(parts);
    }

    @Override
    public void write(Window window, short[] data) {
        int i = find(window);
        parts.get(i).write(local(window, rectangles.get(i)), data);
    }

    @Override
    public void write(Window window, float[] data) {
        int i = find(window);
        parts.get(i).write(local(window, rectangles.get(i)), data);
    }

    private int find(Window w) {
        for (int i = 0; i < rectangles.size(); i++) {
            Window r = rectangles.get(i);
            if (w.col() >= r.col() && w.row() >= r.row() && w.colEnd() <= r.colEnd() && w.rowEnd() <= r.rowEnd()) {
                return i;
            }
        }
        throw new IllegalArgumentException("window " + w + " lies in no rectangle of this sink");
    }

    private static Window local(Window w, Window r) {
        return new Window(w.col() - r.col(), w.row() - r.row(), w.width(), w.height());
    }

    @Override
    public void commit() {
        for (RasterSink s : parts) {
            s.commit();
        }
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (RasterSink s : parts) {
            try {
                s.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
