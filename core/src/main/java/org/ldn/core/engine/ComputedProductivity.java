package org.ldn.core.engine;

import org.ldn.core.grid.Window;
import org.ldn.core.indicator.OneOutAllOut;
import org.ldn.core.productivity.LpdCombination;
import org.ldn.core.productivity.Performance;
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
    private final int maxPixels;
    /** The run's store of the first pass's metrics, or {@code null}: the series is read and computed here. */
    private final SeriesScratch store;
    private final java.nio.ByteBuffer record;
    /** The series of a tile, allocated when a tile is first read here (never, when every tile is in the store). */
    private SeriesTile tile;
    private final UnitHistograms.P90[] p90;
    /** [period][TRAJECTORY, STATE, PERFORMANCE][pixel]; water-masked once the period is computed. */
    final short[][][] metrics;
    /** [period][pixel]: the computed LPD with water masked, for the LPD map. */
    final short[][] lpdMap;
    private final double[][] codes;
    /** The tile's trajectory and state (in {@link #metrics}) and means, from the store or computed here. */
    private final SeriesMetrics series;
    private final double[] units;
    private final long[] unit;
    private final long[] pixelP90;
    /** False when the tile's metrics came from the store; true when its series was read ({@link #tile}). */
    private boolean fromSeries;

    ComputedProductivity(SeriesPlan plan, int lcYears, int periods, int n, UnitHistograms.P90[] p90,
            SeriesScratch store) {
        this.plan = plan;
        this.maxPixels = n;
        this.store = store;
        this.record = store != null ? store.buffer(n) : null;
        this.p90 = p90;
        this.metrics = new short[periods][3][n];
        this.lpdMap = new short[periods][n];
        this.codes = new double[lcYears][];
        for (int j = 0; j < lcYears; j++) {
            codes[j] = plan.unitYear(j) ? new double[n] : null;
        }
        short[][] trajectory = new short[periods][];
        short[][] state = new short[periods][];
        for (int p = 0; p < periods; p++) {
            trajectory[p] = metrics[p][TRAJECTORY];
            state[p] = metrics[p][STATE];
        }
        this.series = new SeriesMetrics(plan, n, trajectory, state);
        this.units = plan.series().landUnits() != null ? new double[n] : null;
        this.unit = new long[n];
        this.pixelP90 = new long[n];
    }

    /** The buffer that keeps the source codes of land-cover year index j, or {@code null} when none is needed. */
    double[] codes(int j) {
        return codes[j];
    }

    /**
     * Takes the tile's metrics from the store, or else reads the series over {@code w} and computes them; reads the
     * land-unit map.
     */
    void read(Window w, int[] zone, int n) {
        fromSeries = store == null || !store.read(w, series, n, record);
        if (fromSeries) {
            if (tile == null) {
                tile = new SeriesTile(plan, maxPixels);
            }
            tile.read(w, zone, n);
        }
        if (units != null) {
            plan.series().landUnits().read(0, w, units);
        }
        if (fromSeries) {
            StageClock.enter(StageClock.Stage.KERNELS);
            try {
                series.classes(tile, n);
            } finally {
                StageClock.exit();
            }
        }
    }

    /**
     * Computes period p's metrics and its LPD into {@code lpd}; {@code lc} holds the UNCCD classes of every
     * land-cover year (the unit year's source codes were kept in {@link #codes}).
     */
    void compute(int p, short[][] lc, Window w, int n, short[] lpd) {
        short[][] m = metrics[p];
        if (fromSeries) {
            series.means(p, w, n);
        }
        int u = plan.unitLcIndex()[p];
        SeriesTile.unitKeys(plan.series(), units, u < 0 ? null : codes[u], u < 0 ? null : lc[u], w, n, unit);
        UnitHistograms.P90 table = p90[p];
        for (int i = 0; i < n; i++) {
            pixelP90[i] = unit[i] == SeriesTile.NO_UNIT ? Performance.NONE : table.of(unit[i]);
        }
        Performance.classify(series.sum[p], series.count[p], pixelP90, plan.scale(), m[PERFORMANCE], n);
        LpdCombination.apply(m[TRAJECTORY], m[STATE], m[PERFORMANCE], lpd, n);
        System.arraycopy(lpd, 0, lpdMap[p], 0, n);
    }

    /**
     * Marks water in the maps' arrays, by the water mask of the period's first-year land cover
     * ({@link OneOutAllOut#waterMask}; null without land cover).
     */
    void maskWater(int p, short[] waterMask, int n) {
        if (waterMask == null) {
            return;
        }
        for (short[] a : metrics[p]) {
            OneOutAllOut.applyWaterMask(waterMask, a, n);
        }
        OneOutAllOut.applyWaterMask(waterMask, lpdMap[p], n);
    }
}
