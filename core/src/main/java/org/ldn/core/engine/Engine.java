package org.ldn.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ldn.core.accounting.ZoneTally;
import org.ldn.core.grid.PixelAreas;
import org.ldn.core.grid.Tiling;
import org.ldn.core.grid.Window;
import org.ldn.core.productivity.UnitHistograms;

/**
 * The tile pipeline (DESIGN.md): the reference grid is cut into tiles; worker threads take tiles in turn, read every
 * input over the tile once, run the kernels of every period, tally by zone and write map tiles. Per-thread tallies
 * are exact integers, merged at the end, so the result does not depend on the tile size or the thread count.
 * Memory is a few tile buffers per thread plus the tallies, whatever the raster's size. When LPD is computed from a
 * productivity series, a first pass over the tiles builds the exact histograms the performance p90 needs
 * ({@link PerformancePass}); the main pass then classifies.
 */
public final class Engine {
    private Engine() {
    }

    /**
     * Runs the method over {@code in}. Maps are committed only when every tile succeeded; on failure they are
     * discarded and the first error is rethrown.
     */
    public static EngineResult run(EngineInputs in, MapOutputs outputs, EngineOptions options) {
        RunPlan plan = RunPlan.of(in, PixelAreas.rowAreasKm2(in.grid()), PixelAreas.maxPixelAreaKm2(in.grid()));
        Tiling tiling = Tiling.of(in.grid(), options.tileSize());
        int maxPixels = Math.min(options.tileSize(), in.grid().width()) * Math.min(options.tileSize(), in.grid().height());
        int threads = Math.max(1, Math.min(options.threads(), tiling.tileCount()));
        UnitHistograms.P90[] p90 = plan.series() != null
                ? PerformancePass.run(plan, tiling, threads, maxPixels, options.progress()) : null;
        List<TileWorker> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(new TileWorker(plan, maxPixels, p90));
        }
        try (MapWriter maps = new MapWriter(in, outputs)) {
            List<Consumer<Window>> tasks = new ArrayList<>();
            for (TileWorker w : workers) {
                tasks.add(window -> w.process(window, maps));
            }
            TilePool.run(tiling, tasks, options.progress(), "tiles");
            maps.commit();
        }
        ZoneTally total = workers.get(0).tally();
        for (int t = 1; t < workers.size(); t++) {
            total.merge(workers.get(t).tally());
        }
        return new EngineResult(in, plan.lcYears(), plan.socYears(), total, plan.scale(),
                plan.landTypeCodes().byCode(),
                plan.populationSeries().stream().map(java.util.Map.Entry::getKey).toList());
    }
}
