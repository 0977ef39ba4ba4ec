package org.ldn.core.engine;

import java.util.ArrayList;
import java.util.List;
import org.ldn.core.accounting.AreaScale;
import org.ldn.core.accounting.ZoneTally;
import org.ldn.core.grid.PixelAreas;
import org.ldn.core.grid.Tiling;
import org.ldn.core.raster.RasterSink;

/**
 * The drought pass (strategic objective 3, METHOD.md §9): the reference grid is cut into tiles whose monthly
 * series fit a fixed budget ({@link DroughtPlan}); worker threads take tiles in turn, compute SPI, classes, block
 * maxima, exposure and vulnerability, tally them by zone on the ellipsoid and write the maps. Per-thread tallies are
 * exact integers merged at the end: results do not depend on the tiling or the thread count. Maps are committed
 * only when every tile succeeded.
 */
public final class DroughtPass {
    private DroughtPass() {
    }

    public static DroughtResult run(DroughtInputs in, DroughtMaps maps, EngineOptions options) {
        return run(in, maps, options, DroughtPlan.SERIES_FLOATS);
    }

    /** As {@link #run(DroughtInputs, DroughtMaps, EngineOptions)} with a series budget per band (for tests). */
    static DroughtResult run(DroughtInputs in, DroughtMaps maps, EngineOptions options, int budget) {
        DroughtPlan plan = DroughtPlan.of(in, budget);
        List<String> series = new ArrayList<>();
        for (String k : RunPlan.POPULATION_KEYS) {
            if (in.population().containsKey(k)) {
                series.add(k);
            }
        }
        DroughtLayout layout = new DroughtLayout(plan.periods(), series.size());
        AreaScale scale = AreaScale.of(PixelAreas.rowAreasKm2(in.grid()), PixelAreas.maxPixelAreaKm2(in.grid()));
        Tiling tiling = new Tiling(in.grid().width(), in.grid().height(), plan.tileWidth(), plan.tileHeight());
        int threads = Math.max(1, Math.min(options.threads(), tiling.tileCount()));
        int years = plan.years().size(), blocks = plan.blocks().size();
        RasterSink[] spi = new RasterSink[years], cls = new RasterSink[years], block = new RasterSink[blocks];
        RasterSink dvi = null;
        List<RasterSink> all = new ArrayList<>();
        try {
            for (int y = 0; y < years; y++) {
                String year = String.valueOf(plan.years().get(y));
                spi[y] = add(all, maps.open("drought_spi" + in.spec().k() + "_" + year, true));
                cls[y] = add(all, maps.open("drought_class_" + year, false));
            }
            for (int b = 0; b < blocks; b++) {
                block[b] = add(all, maps.open("drought_class_" + plan.blocks().get(b).name(), false));
            }
            if (!in.vulnerability().isEmpty()) {
                dvi = add(all, maps.open("drought_dvi", true));
            }
            List<DroughtWorker> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(new DroughtWorker(in, plan, layout, scale, spi, cls, block, dvi));
            }
            TilePool.run(tiling, workers, options.progress(), "drought");
            for (RasterSink s : all) {
                s.commit();
            }
            ZoneTally total = workers.get(0).tally();
            for (int t = 1; t < threads; t++) {
                total.merge(workers.get(t).tally());
            }
            return new DroughtResult(in, plan, layout, total, scale, List.copyOf(series));
        } finally {
            for (RasterSink s : all) {
                s.close();
            }
        }
    }

    private static RasterSink add(List<RasterSink> all, RasterSink s) {
        if (s != null) {
            all.add(s);
        }
        return s;
    }
}
