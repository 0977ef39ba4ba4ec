package org.ldn.cli.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.ldn.cli.run.Digests;

/**
 * The SHA-256 of finished output files (the maps, most of a run's bytes), taken on threads of their own while the
 * caller writes the report and the tables, for the manifest: on the 20,000² benchmark the maps' digests took 0.9 s
 * after everything else (docs/benchmarks.md). A run gives it one thread fewer than its workers (at least one), so
 * that the report and tables keep a core, and its thread takes the digests not yet started itself when it needs them.
 */
final class BackgroundDigests implements AutoCloseable {
    private final Path dir;
    private final ExecutorService pool;
    private final Map<String, FutureTask<String>> byPath = new LinkedHashMap<>();

    /** Digests of files under {@code dir} on up to {@code threads} threads (started by the first {@link #add}). */
    BackgroundDigests(Path dir, int threads) {
        this.dir = dir;
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "ldn-output-digests");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the digest of {@code relative} (a path under the folder, with '/'), a file no longer written to. */
    void add(String relative) {
        FutureTask<String> task = new FutureTask<>(() -> Digests.sha256(dir.resolve(relative)));
        byPath.put(relative, task);
        pool.execute(task);
    }

    /**
     * The digests by relative path, once all are taken; the first failure is thrown. The calling thread takes the
     * digests not yet started itself (a task runs once, on whichever thread starts it first).
     */
    Map<String, String> join() throws IOException {
        for (FutureTask<String> task : byPath.values()) {
            task.run(); // returns at once when a pool thread has started or finished it
        }
        Map<String, String> done = new LinkedHashMap<>();
        for (Map.Entry<String, FutureTask<String>> e : byPath.entrySet()) {
            try {
                done.put(e.getKey(), e.getValue().get());
            } catch (ExecutionException x) {
                if (x.getCause() instanceof IOException io) {
                    throw io;
                }
                if (x.getCause() instanceof UncheckedIOException u) {
                    throw u.getCause();
                }
                if (x.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(x.getCause());
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while taking the digests of the outputs", x);
            }
        }
        return done;
    }

    /** Stops digests still running (a failed run) and waits briefly for them, before the folder is removed. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
