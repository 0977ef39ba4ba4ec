package org.ldn.core.engine;

import org.ldn.core.grid.Window;
import org.ldn.core.indicator.OneOutAllOut;
import org.ldn.core.productivity.LpdCombination;
import org.ldn.core.productivity.MannKendall;
import org.ldn.core.productivity.Performance;
import org.ldn.core.productivity.ProductivityState;
import org.ldn.core.productivity.Trajectory;
import org.ldn.core.productivity.UnitHistograms;

/**
 * One thread's computed productivity in the main pass (METHOD.md §3): per period the trajectory, state and
 * performance of every pixel of the window and their combination into the 5 LPD classes, which then go downstream
 * as a supplied LPD map would. Holds the metric arrays the maps and tallies read; not thread-safe.
 */
final class ComputedProductivity {
    static final int TRAJECTORY = 0;
    static final int STATE = 1;
    static final int PERFORMANCE = 2;

    private final SeriesPlan plan;
    private final SeriesTile tile;
    private final UnitHistograms.P90[] p90;
    /** [period][TRAJECTORY, STATE, PERFORMANCE][pixel]; water-masked once the period is computed. */
    final short[][][] metrics;
    /** [period][pixel]: the computed LPD with water masked, for the LPD map. */
    final short[][] lpdMap;
    private final double[][] codes;
    private final double[] sum;
    private final int[] count;
    private final long[] rounded;
    private final long[] unit;
    private final long[] pixelP90;
    /** [period][pixel]: Mann–Kendall S and valid years of every period, computed together once a tile. */
    private final int[][] mkS;
    private final int[][] mkCount;
    private boolean mkFresh;

    ComputedProductivity(SeriesPlan plan, int lcYears, int periods, int n, UnitHistograms.P90[] p90) {
        this.plan = plan;
        this.tile = new SeriesTile(plan, n);
        this.p90 = p90;
        this.metrics = new short[periods][3][n];
        this.lpdMap = new short[periods][n];
        this.codes = new double[lcYears][];
        for (int j = 0; j < lcYears; j++) {
            codes[j] = plan.unitYear(j) ? new double[n] : null;
        }
        this.sum = new double[n];
        this.count = new int[n];
        this.rounded = new long[n];
        this.unit = new long[n];
        this.pixelP90 = new long[n];
        this.mkS = new int[periods][n];
        this.mkCount = new int[periods][n];
    }

    /** The buffer that keeps the source codes of land-cover year index j, or {@code null} when none is needed. */
    double[] codes(int j) {
        return codes[j];
    }

    /** Reads the series and the land-unit map over {@code w}. */
    void read(Window w, int[] zone, int n) {
        tile.read(w, zone, n);
        tile.readLandUnits(w, n);
        mkFresh = false;
    }

    /**
     * Computes period p's metrics and its LPD into {@code lpd}; {@code lc} holds the UNCCD classes of every
     * land-cover year (the unit year's source codes were kept in {@link #codes}).
     */
    void compute(int p, short[][] lc, Window w, int n, short[] lpd) {
        int from = plan.from()[p];
        int years = plan.years()[p];
        short[][] m = metrics[p];
        if (!mkFresh) { // the periods' windows overlap: their comparisons are shared
            MannKendall.statistics(tile.stack, n, plan.from(), plan.years(), mkS, mkCount);
            mkFresh = true;
        }
        Trajectory.classify(tile.stack, n, from, years, plan.table(), plan.scale(), mkS[p], mkCount[p],
                m[TRAJECTORY]);
        ProductivityState.classify(tile.stack, n, from, years, plan.scale(), m[STATE]);
        tile.means(p, w, n, sum, count, rounded);
        int u = plan.unitLcIndex()[p];
        tile.unitKeys(u < 0 ? null : codes[u], u < 0 ? null : lc[u], w, n, unit);
        UnitHistograms.P90 table = p90[p];
        for (int i = 0; i < n; i++) {
            pixelP90[i] = unit[i] == SeriesTile.NO_UNIT ? Performance.NONE : table.of(unit[i]);
        }
        Performance.classify(sum, count, pixelP90, plan.scale(), m[PERFORMANCE], n);
        LpdCombination.apply(m[TRAJECTORY], m[STATE], m[PERFORMANCE], lpd, n);
        System.arraycopy(lpd, 0, lpdMap[p], 0, n);
    }

    /** Marks water (the period's first-year land cover, {@code lcStart}, may be null) in the maps' arrays. */
    void maskWater(int p, short[] lcStart, int n) {
        if (lcStart == null) {
            return;
        }
        for (short[] a : metrics[p]) {
            OneOutAllOut.maskWater(lcStart, a, n);
        }
        OneOutAllOut.maskWater(lcStart, lpdMap[p], n);
    }
}
