package org.ldn.core.engine;

import org.ldn.core.grid.Window;
import org.ldn.core.productivity.MannKendall;
import org.ldn.core.productivity.Performance;
import org.ldn.core.productivity.ProductivityState;
import org.ldn.core.productivity.Trajectory;

/**
 * One thread's metrics of a productivity series over a tile that do not depend on the performance p90 (METHOD.md
 * §3): per period the trajectory and state classes of every pixel and its mean over the period's valid years, as
 * (sum, count) in stored units (those of {@link Performance#means}, shared with the Mann–Kendall counts and the
 * trajectory's regression). Computed from a {@link SeriesTile} ({@link #classes}, then {@link #means} for the
 * rounded means of the p90) or loaded from the run's {@link SeriesScratch}. Buffers are
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
    /** [period][pixel]: Mann–Kendall S of every period, computed together once a tile. */
    private int[][] mkS;

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
        }
        // the periods' windows overlap: their comparisons are shared; the valid years are the means' counts
        MannKendall.statistics(tile.stack, n, from, years, mkS, count);
        for (int p = 0; p < from.length; p++) {
            // the regression's sum of values is the means' sum, to the bit
            Trajectory.classify(tile.stack, n, from[p], years[p], plan.table(), plan.scale(), mkS[p], count[p],
                    trajectory[p], sum[p]);
            ProductivityState.classify(tile.stack, n, from[p], years[p], plan.scale(), count[p], state[p]);
        }
    }

    /**
     * Period p's {@link #rounded} means from the (sum, count) of {@link #classes}, with the input error of
     * {@link SeriesTile#means} when one is too large to round.
     */
    void means(int p, Window w, int n) {
        SeriesTile.check(plan, p, w, Performance.round(sum[p], count[p], n, plan.scale(), rounded), sum[p], count[p]);
    }
}
