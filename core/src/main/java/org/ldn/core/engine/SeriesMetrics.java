package org.ldn.core.engine;

import org.ldn.core.grid.Window;
import org.ldn.core.productivity.MannKendall;
import org.ldn.core.productivity.ProductivityState;
import org.ldn.core.productivity.Trajectory;

/**
 * One thread's metrics of a productivity series over a tile that do not depend on the performance p90 (METHOD.md
 * §3): per period the trajectory and state classes of every pixel and its mean over the period's valid years, as
 * (sum, count) in stored units ({@link org.ldn.core.productivity.Performance#means}). Computed from a
 * {@link SeriesTile} ({@link #classes}, {@link #means}) or loaded from the run's {@link SeriesScratch}. Buffers are
 * sized for the largest tile; not thread-safe.
 */
final class SeriesMetrics {
    private final SeriesPlan plan;
    /** [period][pixel]: trajectory classes −1/0/+1 or nodata. */
    final short[][] trajectory;
    /** [period][pixel]: state classes −1/0/+1 or nodata. */
    final short[][] state;
    /** [period][pixel]: sum of the valid years (stored units). */
    final double[][] sum;
    /** [period][pixel]: number of valid years. */
    final int[][] count;
    /** The means of the period last given to {@link #means}, rounded half up to 0.0001 (units of 0.0001). */
    final long[] rounded;
    /** [period][pixel]: Mann–Kendall S and valid years of every period, computed together once a tile. */
    private int[][] mkS;
    private int[][] mkCount;

    /** Metrics whose class arrays are {@code trajectory[p]} and {@code state[p]} (each of at least n pixels). */
    SeriesMetrics(SeriesPlan plan, int n, short[][] trajectory, short[][] state) {
        int periods = plan.from().length;
        this.plan = plan;
        this.trajectory = trajectory;
        this.state = state;
        this.sum = new double[periods][n];
        this.count = new int[periods][n];
        this.rounded = new long[n];
    }

    /** Metrics with their own class arrays. */
    SeriesMetrics(SeriesPlan plan, int n) {
        this(plan, n, new short[plan.from().length][n], new short[plan.from().length][n]);
    }

    /** The trajectory and state classes of every period from the stack of {@code tile}. */
    void classes(SeriesTile tile, int n) {
        int[] from = plan.from();
        int[] years = plan.years();
        if (mkS == null) { // not needed when every tile's metrics come from the store
            mkS = new int[from.length][rounded.length];
            mkCount = new int[from.length][rounded.length];
        }
        // the periods' windows overlap: their comparisons are shared
        MannKendall.statistics(tile.stack, n, from, years, mkS, mkCount);
        for (int p = 0; p < from.length; p++) {
            Trajectory.classify(tile.stack, n, from[p], years[p], plan.table(), plan.scale(), mkS[p], mkCount[p],
                    trajectory[p]);
            ProductivityState.classify(tile.stack, n, from[p], years[p], plan.scale(), state[p]);
        }
    }

    /** Period p's (sum, count) and {@link #rounded} means from the stack of {@code tile} (input errors as there). */
    void means(SeriesTile tile, int p, Window w, int n) {
        tile.means(p, w, n, sum[p], count[p], rounded);
    }
}
