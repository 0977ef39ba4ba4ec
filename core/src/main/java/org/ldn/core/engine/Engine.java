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
        return runVariants(List.of(in), List.of(outputs), options).get(0);
    }

    /**
     * Runs several variants of one run (scenarios, Monte Carlo draws) in one pass over the tiles: each thread
     * processes a tile for every variant in turn, so sources wrapped in {@link org.ldn.core.raster.SharedReads}
     * are read once per tile whatever the number of variants. The variants must share the grid and the zones.
     * Memory grows with the number of variants (tile buffers and a tally each); callers batch large numbers.
     * A computed-productivity variant makes its own first (p90) pass.
     */
    public static List<EngineResult> runVariants(List<EngineInputs> variants, List<MapOutputs> outputs,
            EngineOptions options) {
        if (variants.isEmpty() || variants.size() != outputs.size()) {
            throw new IllegalArgumentException("one map output per variant is needed");
        }
        EngineInputs first = variants.get(0);
        for (EngineInputs v : variants) {
            if (!v.grid().sameAs(first.grid()) || v.zones() != first.zones()) {
                throw new IllegalArgumentException("variants must share the grid and the zones");
            }
        }
        Tiling tiling = Tiling.of(first.grid(), options.tileSize());
        int maxPixels = Math.min(options.tileSize(), first.grid().width())
                * Math.min(options.tileSize(), first.grid().height());
        int threads = Math.max(1, Math.min(options.threads(), tiling.tileCount()));
        int count = variants.size();
        RunPlan[] plans = new RunPlan[count];
        DerivedKeys[] derived = new DerivedKeys[count];
        UnitHistograms.P90[][] p90s = new UnitHistograms.P90[count][];
        TileWorker[][] workers = new TileWorker[threads][count];
        SeriesScratch[] stores = new SeriesScratch[count];
        try {
            long scratchLeft = options.seriesScratchLimit();
            for (int v = 0; v < count; v++) {
                EngineInputs in = variants.get(v);
                plans[v] = RunPlan.of(in, PixelAreas.rowAreasKm2(in.grid()), PixelAreas.maxPixelAreaKm2(in.grid()));
                derived[v] = new DerivedKeys(plans[v]);
                UnitHistograms.P90[] p90 = null;
                if (plans[v].series() != null) {
                    stores[v] = SeriesScratch.open(plans[v].series(), tiling, options.scratchDirectory(), scratchLeft);
                    if (stores[v] != null) {
                        scratchLeft -= SeriesScratch.bound(plans[v].series(), tiling);
                    }
                    p90 = PerformancePass.run(plans[v], tiling, threads, maxPixels, options.progress(), stores[v]);
                }
                p90s[v] = p90;
                for (int t = 0; t < threads; t++) {
                    workers[t][v] = new TileWorker(plans[v], derived[v], maxPixels, p90, stores[v]);
                }
            }
            mainPass(variants, outputs, options, tiling, workers);
        } finally {
            for (SeriesScratch s : stores) {
                if (s != null) {
                    s.close();
                }
            }
        }
        List<EngineResult> results = new ArrayList<>();
        for (int v = 0; v < count; v++) {
            ZoneTally total = workers[0][v].tally();
            for (int t = 1; t < threads; t++) {
                total.merge(workers[t][v].tally());
            }
            RunPlan plan = plans[v];
            derived[v].derive(total);
            results.add(new EngineResult(variants.get(v), plan.lcYears(), plan.socYears(), total, plan.scale(),
                    plan.landTypeCodes().byCode(),
                    plan.populationSeries().stream().map(java.util.Map.Entry::getKey).toList(),
                    p90s[v] == null ? null : List.of(p90s[v])));
        }
        return results;
    }

    /** The main pass over the tiles: every variant's kernels, tallies and map tiles; maps committed on success. */
    private static void mainPass(List<EngineInputs> variants, List<MapOutputs> outputs, EngineOptions options,
            Tiling tiling, TileWorker[][] workers) {
        int count = variants.size();
        List<MapWriter> maps = new ArrayList<>();
        try {
            for (int v = 0; v < count; v++) {
                maps.add(new MapWriter(variants.get(v), outputs.get(v)));
            }
            List<Consumer<Window>> tasks = new ArrayList<>();
            for (TileWorker[] own : workers) {
                tasks.add(window -> {
                    for (int v = 0; v < count; v++) {
                        own[v].process(window, maps.get(v));
                    }
                });
            }
            TilePool.run(tiling, tasks, options.progress(), "tiles");
            for (MapWriter m : maps) {
                m.commit();
            }
        } finally {
            for (MapWriter m : maps) {
                m.close();
            }
        }
    }
}
