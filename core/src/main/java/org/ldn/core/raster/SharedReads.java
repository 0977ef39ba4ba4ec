package org.ldn.core.raster;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;

/**
 * A source whose reads of one window are shared: each thread keeps what it read of its current window, so when
 * several variants of a run process the same tile one after the other on that thread, the underlying source is read
 * once. Moving to another window forgets the previous one (memory: one tile per thread). Counts the reads that
 * reach the underlying source. Thread-safe.
 */
public final class SharedReads implements RasterSource {
    private final RasterSource source;
    private final AtomicLong reads = new AtomicLong();
    private final ThreadLocal<Cache> cache = ThreadLocal.withInitial(Cache::new);

    private static final class Cache {
        Window window;
        final Map<Long, double[]> values = new HashMap<>();
    }

    public SharedReads(RasterSource source) {
        this.source = source;
    }

    /** Reads that reached the underlying source. */
    public long reads() {
        return reads.get();
    }

    public RasterSource source() {
        return source;
    }

    @Override
    public void read(int band, Window window, double[] out) {
        double[] v = cached(window, ((long) band << 32) | 1L, band, 1);
        System.arraycopy(v, 0, out, 0, v.length);
    }

    @Override
    public void readBands(int firstBand, int count, Window window, double[] out) {
        double[] v = cached(window, ((long) firstBand << 32) | (count & 0xFFFFFFFFL), firstBand, count);
        System.arraycopy(v, 0, out, 0, v.length);
    }

    private double[] cached(Window window, long key, int firstBand, int count) {
        Cache c = cache.get();
        if (!window.equals(c.window)) {
            c.window = window;
            c.values.clear();
        }
        double[] v = c.values.get(key);
        if (v == null) {
            v = new double[window.length() * count];
            if (count == 1) {
                source.read(firstBand, window, v);
            } else {
                source.readBands(firstBand, count, window, v);
            }
            reads.incrementAndGet();
            c.values.put(key, v);
        }
        return v;
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public Grid grid() {
        return source.grid();
    }

    @Override
    public int bandCount() {
        return source.bandCount();
    }

    @Override
    public SampleType sampleType() {
        return source.sampleType();
    }

    @Override
    public double noData() {
        return source.noData();
    }

    @Override
    public double scale() {
        return source.scale();
    }

    @Override
    public double offset() {
        return source.offset();
    }

    /** Does not close the underlying source, which its owner closes. */
    @Override
    public void close() {
        cache.remove();
    }
}
