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
import java.util.function.Consumer;
import org.ldn.core.grid.Tiling;
import org.ldn.core.grid.Window;

/**
 * Runs one pass over the tiles of a grid: each worker (one per thread, never shared) takes the next tile in turn
 * until none is left or one of them failed; the first failure is rethrown.
 */
final class TilePool {
    private TilePool() {
    }

    static void run(Tiling tiling, List<? extends Consumer<Window>> workers, ProgressListener progress, String stage) {
        int tiles = tiling.tileCount();
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        AtomicBoolean failed = new AtomicBoolean();
        progress.progress(stage, 0, tiles);
        if (workers.size() == 1) {
            drain(workers.get(0), tiling, next, done, failed, progress, stage);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers.size(), r -> {
            Thread th = new Thread(r, "ldn-tile");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Consumer<Window> w : workers) {
                futures.add(pool.submit(() -> drain(w, tiling, next, done, failed, progress, stage)));
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

    private static void drain(Consumer<Window> worker, Tiling tiling, AtomicInteger next, AtomicLong done,
            AtomicBoolean failed, ProgressListener progress, String stage) {
        int total = tiling.tileCount();
        try {
            for (int i = next.getAndIncrement(); i < total && !failed.get(); i = next.getAndIncrement()) {
                worker.accept(tiling.tile(i));
                progress.progress(stage, done.incrementAndGet(), total);
            }
        } catch (RuntimeException | Error e) {
            failed.set(true);
            throw e;
        }
    }
}
