package org.ldn.core.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a run's thread time goes, for benchmarks ({@code ldn run --timings}, {@code ldn bench}): each thread's time
 * is attributed to the innermost stage it has {@linkplain #enter entered}, so nested stages (a regridded read that
 * decodes its source) are counted once, exclusively. Stages are entered per tile and per input, never per pixel, so
 * the clock costs nothing measurable. Process-wide: concurrent runs in one process add up.
 * <p>Time is wall time per thread by default; with the system property {@code org.ldn.stageclock=cpu} it is each
 * thread's CPU time instead ({@code ThreadMXBean}), which a loaded machine distorts far less (for benchmarks).
 */
public final class StageClock {
    /** The stages of a run. */
    public enum Stage {
        /** anything not in another stage (the thread's own bookkeeping, waiting for the next tile) */
        OTHER,
        /** decoding inputs and converting their values (legend lookup, validity checks) */
        READ,
        /** regridding inputs onto the reference grid (decoding their source excluded) */
        REGRID,
        /** the method's kernels (sub-indicators, combination, status, computed productivity) */
        KERNELS,
        /** adding pixels to the zone tallies */
        TALLY,
        /** encoding and writing map tiles and finishing the map files */
        WRITE
    }

    private static final int STAGES = Stage.values().length;
    private static final boolean CPU = "cpu".equals(System.getProperty("org.ldn.stageclock"));
    private static final java.lang.management.ThreadMXBean THREADS =
            CPU ? java.lang.management.ManagementFactory.getThreadMXBean() : null;
    private static final List<long[]> ALL = new ArrayList<>();
    private static final ThreadLocal<Frame> FRAME = ThreadLocal.withInitial(() -> {
        long[] acc = new long[STAGES];
        synchronized (ALL) {
            ALL.add(acc);
        }
        return new Frame(acc);
    });

    private static final class Frame {
        final long[] acc;
        int[] stack = new int[8];
        int depth;
        int current;
        long mark;

        Frame(long[] acc) {
            this.acc = acc;
        }
    }

    private StageClock() {
    }

    /** The calling thread enters {@code stage} until the matching {@link #exit()}. */
    public static void enter(Stage stage) {
        Frame f = FRAME.get();
        long now = now();
        if (f.depth > 0) {
            f.acc[f.current] += now - f.mark;
        }
        if (f.depth == f.stack.length) {
            f.stack = java.util.Arrays.copyOf(f.stack, f.depth * 2);
        }
        f.stack[f.depth++] = f.current;
        f.current = stage.ordinal();
        f.mark = now;
    }

    /** Leaves the stage last entered by the calling thread. */
    public static void exit() {
        Frame f = FRAME.get();
        long now = now();
        f.acc[f.current] += now - f.mark;
        f.current = f.stack[--f.depth];
        f.mark = now;
    }

    private static long now() {
        return CPU ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Nanoseconds of thread time spent in each stage so far (indexed by {@link Stage#ordinal()}), all threads. */
    public static long[] snapshot() {
        long[] sum = new long[STAGES];
        synchronized (ALL) {
            for (long[] a : ALL) {
                for (int s = 0; s < STAGES; s++) {
                    sum[s] += a[s];
                }
            }
        }
        return sum;
    }
}
