package org.ldn.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ldn.core.grid.Tiling;
import org.ldn.core.grid.Window;
import org.ldn.core.productivity.UnitHistograms;

/**
 * The first pass of a computed-productivity run (METHOD.md §3, performance): over every tile, each pixel inside a
 * zone adds its period mean, rounded to 0.0001, to the exact histogram of its land unit; the per-thread histograms
 * are merged and turned into the p90 of every unit and period. The whole run area (all zones together) counts.
 * With a {@link SeriesScratch}, the pass also computes every tile's trajectory, state and means and stores them, so
 * the main pass need not read the series again.
 */
final class PerformancePass {
    private PerformancePass() {
    }

    /**
     * The p90 table of each period; with a {@code store}, each tile's {@link SeriesMetrics} are also computed and
     * written to it, for the main pass.
     */
    static UnitHistograms.P90[] run(RunPlan plan, Tiling tiling, int threads, int maxPixels,
            ProgressListener progress, SeriesScratch store) {
        List<Worker> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(new Worker(plan, maxPixels, store));
        }
        TilePool.run(tiling, workers, progress, "p90");
        int periods = plan.inputs().periods().size();
        UnitHistograms.P90[] out = new UnitHistograms.P90[periods];
        for (int p = 0; p < periods; p++) {
            UnitHistograms all = workers.get(0).histograms[p];
            for (int t = 1; t < workers.size(); t++) {
                all.addAll(workers.get(t).histograms[p]);
            }
            out[p] = all.p90();
        }
        return out;
    }

    /** The histograms of each period over the tiles {@code tiles} of {@code tiling}, built on this thread. */
    static UnitHistograms[] histograms(RunPlan plan, Tiling tiling, int[] tiles, int maxPixels) {
        Worker w = new Worker(plan, maxPixels, null);
        for (int t : tiles) {
            w.accept(tiling.tile(t));
        }
        return w.histograms;
    }

    /** One thread's share of the pass. */
    private static final class Worker implements Consumer<Window> {
        private final RunPlan plan;
        private final SeriesPlan series;
        private final SeriesTile tile;
        private final UnitHistograms[] histograms;
        private final int[] zone;
        private final double[][] codes;
        private final short[][] classes;
        private final byte[] lookup;
        private final double[] sum;
        private final int[] count;
        private final long[] rounded;
        private final long[] unit;
        private final SeriesScratch store;
        /** The tile's metrics, kept for the main pass when there is a store; else null. */
        private final SeriesMetrics metrics;
        private final java.nio.ByteBuffer record;

        Worker(RunPlan plan, int n, SeriesScratch store) {
            this.plan = plan;
            this.series = plan.series();
            this.tile = new SeriesTile(series, n);
            int periods = plan.inputs().periods().size();
            this.histograms = new UnitHistograms[periods];
            for (int p = 0; p < periods; p++) {
                histograms[p] = new UnitHistograms();
            }
            this.zone = new int[n];
            int lcYears = plan.lcYears().size();
            this.codes = new double[lcYears][];
            this.classes = new short[lcYears][];
            for (int j = 0; j < lcYears; j++) {
                if (series.unitYear(j)) {
                    codes[j] = new double[n];
                    classes[j] = new short[n];
                }
            }
            this.lookup = plan.inputs().legend().lookupTable();
            this.sum = new double[n];
            this.count = new int[n];
            this.rounded = new long[n];
            this.unit = new long[n];
            this.store = store;
            this.metrics = store != null ? new SeriesMetrics(series, n) : null;
            this.record = store != null ? store.buffer(n) : null;
        }

        @Override
        public void accept(Window w) {
            StageClock.enter(StageClock.Stage.READ);
            try {
                acceptTimed(w);
            } finally {
                StageClock.exit();
            }
        }

        private void acceptTimed(Window w) {
            int n = w.length();
            plan.inputs().zones().fill(w, zone);
            boolean any = false;
            for (int i = 0; i < n && !any; i++) {
                any = zone[i] >= 0;
            }
            if (!any) {
                return;
            }
            tile.read(w, zone, n);
            for (int j = 0; j < codes.length; j++) {
                if (codes[j] != null) {
                    LandCoverTile.read(plan.inputs().landCover().get(plan.lcYears().get(j)), plan.inputs().legend(),
                            lookup, w, zone, codes[j], classes[j], n);
                }
            }
            tile.readLandUnits(w, n);
            StageClock.enter(StageClock.Stage.KERNELS);
            try {
                if (metrics != null) {
                    metrics.classes(tile, n);
                }
                histograms(w, n);
            } finally {
                StageClock.exit();
            }
            if (metrics != null) {
                StageClock.enter(StageClock.Stage.WRITE);
                try {
                    store.write(w, metrics, n, record);
                } finally {
                    StageClock.exit();
                }
            }
        }

        private void histograms(Window w, int n) {
            for (int p = 0; p < histograms.length; p++) {
                int[] c = count;
                long[] r = rounded;
                if (metrics != null) {
                    metrics.means(p, w, n);
                    c = metrics.count[p];
                    r = metrics.rounded;
                } else {
                    tile.means(p, w, n, sum, count, rounded);
                }
                int u = series.unitLcIndex()[p];
                tile.unitKeys(u < 0 ? null : codes[u], u < 0 ? null : classes[u], w, n, unit);
                UnitHistograms h = histograms[p];
                for (int i = 0; i < n; i++) {
                    if (zone[i] >= 0 && c[i] > 0 && unit[i] != SeriesTile.NO_UNIT) {
                        h.add(unit[i], r[i]);
                    }
                }
            }
        }
    }
}
