package org.ldn.core.engine;

import java.io.Serializable;
import org.ldn.core.productivity.UnitHistograms;

/**
 * The first stage of a computed-productivity run split into tasks ({@link TiledRun#histograms}): per period, the
 * exact histograms of the rounded pixel means per land unit over a share of the tiles. Merging is exact, so the
 * p90 of the merged histograms is that of {@link Engine#run} for any partition. Serializable. Not thread-safe.
 */
public final class PerformanceHistograms implements Serializable {
    private static final long serialVersionUID = 1L;
    private final UnitHistograms[] byPeriod;

    PerformanceHistograms(UnitHistograms[] byPeriod) {
        this.byPeriod = byPeriod.clone();
    }

    /** Adds {@code other} (a share of the same run) into this one and returns this one. */
    public PerformanceHistograms merge(PerformanceHistograms other) {
        if (other.byPeriod.length != byPeriod.length) {
            throw new IllegalArgumentException("histograms of different runs");
        }
        for (int p = 0; p < byPeriod.length; p++) {
            byPeriod[p].addAll(other.byPeriod[p]);
        }
        return this;
    }

    /** The p90 of every land unit, per period: what the second stage's tasks need. */
    public PerformanceTable table() {
        UnitHistograms.P90[] out = new UnitHistograms.P90[byPeriod.length];
        for (int p = 0; p < out.length; p++) {
            out[p] = byPeriod[p].p90();
        }
        return new PerformanceTable(out);
    }

    /** The p90 tables of a run, one per period; immutable and serializable (a broadcast value). */
    public static final class PerformanceTable implements Serializable {
        private static final long serialVersionUID = 1L;
        private final UnitHistograms.P90[] byPeriod;

        PerformanceTable(UnitHistograms.P90[] byPeriod) {
            this.byPeriod = byPeriod;
        }

        UnitHistograms.P90[] byPeriod() {
            return byPeriod;
        }

        public int periods() {
            return byPeriod.length;
        }
    }
}
