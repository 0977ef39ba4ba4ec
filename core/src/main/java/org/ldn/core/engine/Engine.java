package org.ldn.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.ldn.core.accounting.ZoneTally;
import org.ldn.core.grid.PixelAreas;
import org.ldn.core.grid.Tiling;
import org.ldn.core.grid.Window;

/**
 * The tile pipeline (DESIGN.md): the reference grid is cut into tiles; worker threads take tiles in turn, read every
 * input over the tile once, run the kernels of every period, tally by zone and write map tiles. Per-thread tallies
 * are exact integers, merged at the end, so the result does not depend on the tile size or the thread count.
 * Memory is a few tile buffers per thread plus the tallies, whatever the raster's size.
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
        int tiles = tiling.tileCount();
        int maxPixels = Math.min(options.tileSize(), in.grid().width()) * Math.min(options.tileSize(), in.grid().height());
        int threads = Math.max(1, Math.min(options.threads(), tiles));
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        AtomicBoolean failed = new AtomicBoolean();
        List<TileWorker> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(new TileWorker(plan, maxPixels));
        }
        try (MapWriter maps = new MapWriter(in, outputs)) {
            options.progress().progress("tiles", 0, tiles);
            if (threads == 1) {
                drain(workers.get(0), tiling, next, done, failed, maps, options.progress());
            } else {
                ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                    Thread th = new Thread(r, "ldn-tile");
                    th.setDaemon(true);
                    return th;
                });
                try {
                    List<Future<?>> futures = new ArrayList<>();
                    for (TileWorker w : workers) {
                        futures.add(pool.submit(() -> drain(w, tiling, next, done, failed, maps, options.progress())));
                    }
                    for (Future<?> f : futures) {
                        f.get();
                    }
                } catch (ExecutionException e) {
                    failed.set(true);
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    if (c instanceof Error er) {
                        throw er;
                    }
                    throw new IllegalStateException(c);
                } catch (InterruptedException e) {
                    failed.set(true);
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                } finally {
                    pool.shutdownNow();
                }
            }
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

    private static void drain(TileWorker worker, Tiling tiling, AtomicInteger next, AtomicLong done,
            AtomicBoolean failed, MapWriter maps, ProgressListener progress) {
        int total = tiling.tileCount();
        try {
            for (int i = next.getAndIncrement(); i < total && !failed.get(); i = next.getAndIncrement()) {
                Window w = tiling.tile(i);
                worker.process(w, maps);
                progress.progress("tiles", done.incrementAndGet(), total);
            }
        } catch (RuntimeException | Error e) {
            failed.set(true);
            throw e;
        }
    }
}
