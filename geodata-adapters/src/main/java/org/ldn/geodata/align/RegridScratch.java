package org.ldn.geodata.align;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Each thread's working arrays for regridded reads (the source box read at once, the located columns and rows, the
 * pixels left to the exact transform), reused from read to read: a tile's reads then allocate nothing, where the
 * 20,000² mixed-grid benchmark allocated some 6 GB for them, each collection pausing every worker
 * (docs/benchmarks.md). An array is taken for one call and given back; a nested call on the same thread finds the
 * taken one gone and gets another. Taken arrays may be longer than asked for and hold old values.
 */
final class RegridScratch {
    /** Arrays longer than this are not kept (a 512² tile needs 262,144; reads of large windows stay transient). */
    static final int MAX_KEPT = 1 << 20;
    /** Arrays kept per thread and kind. */
    private static final int KEPT = 4;
    private static final ThreadLocal<RegridScratch> OF_THREAD = ThreadLocal.withInitial(RegridScratch::new);

    private final List<int[]> ints = new ArrayList<>(KEPT);
    private final List<double[]> doubles = new ArrayList<>(KEPT);

    private RegridScratch() {
    }

    /** An int array of at least {@code n} values (old contents). */
    static int[] ints(int n) {
        return take(OF_THREAD.get().ints, n, a -> a.length, int[]::new);
    }

    /** A double array of at least {@code n} values (old contents). */
    static double[] doubles(int n) {
        return take(OF_THREAD.get().doubles, n, a -> a.length, double[]::new);
    }

    /** Gives back an array taken by {@link #ints}; the caller keeps no reference to it. */
    static void give(int[] a) {
        keep(OF_THREAD.get().ints, a, a.length);
    }

    /** Gives back an array taken by {@link #doubles}; the caller keeps no reference to it. */
    static void give(double[] a) {
        keep(OF_THREAD.get().doubles, a, a.length);
    }

    /** The last kept array of at least {@code n} values, taken out of {@code free}; a new one when none is. */
    private static <T> T take(List<T> free, int n, ToIntFunction<T> length, IntFunction<T> fresh) {
        for (int k = free.size() - 1; k >= 0; k--) {
            if (length.applyAsInt(free.get(k)) >= n) {
                return free.remove(k);
            }
        }
        return fresh.apply(n);
    }

    /**
     * Keeps {@code a} (of {@code length} values) while fewer than {@link #KEPT} arrays are kept and it is no longer
     * than {@link #MAX_KEPT}; otherwise it is left to the collector.
     */
    private static <T> void keep(List<T> free, T a, int length) {
        if (length <= MAX_KEPT && free.size() < KEPT) {
            free.add(a);
        }
    }
}
