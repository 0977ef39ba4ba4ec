package org.ldn.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ldn.core.productivity.CriticalValues;
import org.ldn.core.productivity.MannKendall;
import org.ldn.core.productivity.Performance;
import org.ldn.core.productivity.ProductivityScale;
import org.ldn.core.productivity.ProductivityState;
import org.ldn.core.productivity.Trajectory;

/**
 * The series kernels on one tile of the size a run uses (default 512 × 512) of a 24-year stack, over the three
 * 16-year windows of the series benchmark: the state, the means, the Mann–Kendall S of the three windows at once
 * and the trajectory, timed by thread CPU time (best of 15), which a shared machine distorts far less than JMH's
 * wall time. Data as {@link MannKendallBenchmark}'s; EMPTY is the share of the tile's columns without data in any
 * year (pixels outside the zones, which a run sets to NaN). Usage:
 * {@code java -cp ... org.ldn.bench.SeriesKernelTiming [SIDE] [int16|float32] [EMPTY]}.
 */
public final class SeriesKernelTiming {
    private SeriesKernelTiming() {
    }

    public static void main(String[] args) {
        int side = args.length > 0 ? Integer.parseInt(args[0]) : 512;
        boolean f32 = args.length > 1 && args[1].equals("float32");
        double empty = args.length > 2 ? Double.parseDouble(args[2]) : 0;
        int years = 24;
        int n = side * side;
        SplittableRandom rnd = new SplittableRandom(42);
        double[] stack = new double[years * n];
        for (int i = 0; i < n; i++) {
            double base = 2000 + rnd.nextInt(6000);
            double trend = rnd.nextInt(-60, 61);
            boolean outside = i % side < side * empty;
            for (int y = 0; y < years; y++) {
                double v = Math.rint(base + trend * y + rnd.nextInt(-400, 401));
                stack[y * n + i] = outside ? Double.NaN : f32 ? (float) (v / 10000) : v;
            }
        }
        ProductivityScale scale = f32 ? ProductivityScale.ONE : ProductivityScale.of(0.0001);
        short[] out = new short[n];
        double[] sum = new double[n];
        int[] count = new int[n];
        long[] units = new long[n];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        CriticalValues table = CriticalValues.exact(years);
        int[] from = {0, 4, 8};
        int[] windowYears = {16, 16, 16};
        int[][] s = new int[3][n];
        int[][] counts = new int[3][n];
        double bestState = Double.MAX_VALUE;
        double bestMeans = Double.MAX_VALUE;
        double bestS = Double.MAX_VALUE;
        double bestTrajectory = Double.MAX_VALUE;
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
            MannKendall.statistics(stack, n, from, windowYears, s, counts);
            long t3 = mx.getCurrentThreadCpuTime();
            for (int p = 0; p < 3; p++) {
                Trajectory.classify(stack, n, from[p], windowYears[p], table, scale, s[p], counts[p], out, sum);
            }
            long t4 = mx.getCurrentThreadCpuTime();
            bestState = Math.min(bestState, (t1 - t0) / 1e6);
            bestMeans = Math.min(bestMeans, (t2 - t1) / 1e6);
            bestS = Math.min(bestS, (t3 - t2) / 1e6);
            bestTrajectory = Math.min(bestTrajectory, (t4 - t3) / 1e6);
        }
        System.out.printf(Locale.ROOT, "%d x %d %s, %.0f %% empty, three 16-year windows: state %.1f ms, "
                + "means %.1f ms, Mann-Kendall S %.1f ms, trajectory %.1f ms%n", side, side, f32 ? "float32" : "int16", 100 * empty,
                bestState, bestMeans, bestS, bestTrajectory);
    }
}
