package org.ldn.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ldn.core.productivity.Performance;
import org.ldn.core.productivity.ProductivityScale;
import org.ldn.core.productivity.ProductivityState;

/**
 * The state kernel and the means on one tile of the size a run uses (default 512 × 512) of a 24-year stack, over
 * the three 16-year windows of the series benchmark, timed by thread CPU time (best of 15), which a shared machine
 * distorts far less than JMH's wall time. Data as {@link MannKendallBenchmark}'s. Usage:
 * {@code java -cp ... org.ldn.bench.SeriesKernelTiming [SIDE] [int16|float32]}.
 */
public final class SeriesKernelTiming {
    private SeriesKernelTiming() {
    }

    public static void main(String[] args) {
        int side = args.length > 0 ? Integer.parseInt(args[0]) : 512;
        boolean f32 = args.length > 1 && args[1].equals("float32");
        int years = 24;
        int n = side * side;
        SplittableRandom rnd = new SplittableRandom(42);
        double[] stack = new double[years * n];
        for (int i = 0; i < n; i++) {
            double base = 2000 + rnd.nextInt(6000);
            double trend = rnd.nextInt(-60, 61);
            for (int y = 0; y < years; y++) {
                double v = Math.rint(base + trend * y + rnd.nextInt(-400, 401));
                stack[y * n + i] = f32 ? (float) (v / 10000) : v;
            }
        }
        ProductivityScale scale = f32 ? ProductivityScale.ONE : ProductivityScale.of(0.0001);
        short[] out = new short[n];
        double[] sum = new double[n];
        int[] count = new int[n];
        long[] units = new long[n];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double bestState = Double.MAX_VALUE;
        double bestMeans = Double.MAX_VALUE;
        for (int r = 0; r < 15; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int p = 0; p < 3; p++) {
                ProductivityState.classify(stack, n, 4 * p, 16, scale, out);
            }
            long t1 = mx.getCurrentThreadCpuTime();
            for (int p = 0; p < 3; p++) {
                Performance.means(stack, n, 4 * p, 16, scale, sum, count, units);
            }
            long t2 = mx.getCurrentThreadCpuTime();
            bestState = Math.min(bestState, (t1 - t0) / 1e6);
            bestMeans = Math.min(bestMeans, (t2 - t1) / 1e6);
        }
        System.out.printf(Locale.ROOT, "%d x %d %s, three 16-year windows: state %.1f ms, means %.1f ms%n", side, side,
                f32 ? "float32" : "int16", bestState, bestMeans);
    }
}
