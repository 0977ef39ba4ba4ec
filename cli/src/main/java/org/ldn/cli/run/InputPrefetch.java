package org.ldn.cli.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.ldn.core.raster.RasterIO;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.report.Report;
import org.ldn.core.run.ResolvedRun;
import org.ldn.core.run.RunFile;

/**
 * The set-up work of a run that does not depend on anything else, started at once on all cores: opening every raster
 * the run file names (header, georeferencing, CRS identification) and hashing every input for the report. The
 * assembler then takes the opened sources in its own order, so errors are reported as before (the first bad file in
 * the run file's order); a source it never asks for is closed by {@link #close}. Files are hashed one after the
 * other on a thread of their own (the {@link DigestCache} skips files hashed before and unchanged); the digests are
 * joined when the assembler needs them (the land-cover files' for its same-file check, the others at the end of the
 * set-up), so hashing overlaps the opening of the files, the zones and the rest.
 */
final class InputPrefetch implements AutoCloseable {
    private final RasterIO io;
    private final DigestCache digests;
    private final ExecutorService pool;
    /** One thread hashes, so that hashing (needed only when the report is written) leaves a core to the rest. */
    private final ExecutorService hasher;
    private final Map<Path, CompletableFuture<RasterSource>> sources = new HashMap<>();
    private final Map<Path, CompletableFuture<DigestCache.Digest>> hashes = new HashMap<>();

    /** Whether {@link #start} loads the CRS library ahead (not when the run's CRSs are known already). */
    private final boolean warmCrs;

    InputPrefetch(RasterIO io, DigestCache digests) {
        this(io, digests, true);
    }

    InputPrefetch(RasterIO io, DigestCache digests, boolean warmCrs) {
        this.warmCrs = warmCrs;
        this.io = io;
        this.digests = digests;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        AtomicInteger k = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ldn-setup-" + k.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.hasher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ldn-digests");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts opening and hashing every raster of {@code run} (after any task submitted before). */
    void start(ResolvedRun run) {
        if (warmCrs) {
            org.ldn.geodata.crs.Crs.warmUpInBackground();
        }
        for (String f : rasters(run)) {
            Path p = run.path(f);
            sources.putIfAbsent(p, CompletableFuture.supplyAsync(() -> io.open(p, f), pool));
        }
        for (String f : rasters(run)) {
            Path p = run.path(f);
            hashes.computeIfAbsent(p, q -> CompletableFuture.supplyAsync(() -> digests.digest(q, f), hasher));
        }
    }

    /** Runs {@code task} on the set-up pool. */
    <T> Future<T> submit(java.util.concurrent.Callable<T> task) {
        return pool.submit(task);
    }

    /** The source of {@code p} (opened ahead the first time it is asked for, opened now after that). */
    RasterSource open(Path p, String given) {
        CompletableFuture<RasterSource> f = sources.remove(p);
        if (f == null) {
            return io.open(p, given);
        }
        return join(f);
    }

    /** The report's record of input {@code p}, hashed ahead when it was one of the run file's rasters. */
    Report.Input input(String role, String given, Path p) {
        CompletableFuture<DigestCache.Digest> f = hashes.get(p);
        DigestCache.Digest d = f != null ? join(f) : digests.digest(p, given);
        return new Report.Input(role, given, d.sha256(), d.bytes());
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Closes the sources opened ahead and never taken, and stops the pool. */
    @Override
    public void close() {
        for (CompletableFuture<RasterSource> f : sources.values()) {
            f.thenAccept(RasterSource::close);
        }
        sources.clear();
        pool.shutdown();
        hasher.shutdown();
    }

    /** Every raster file the run file names, in its order, each once. */
    static List<String> rasters(ResolvedRun run) {
        RunFile rf = run.file();
        Set<String> out = new LinkedHashSet<>();
        if (rf.landCover() != null && rf.landCover().maps() != null) {
            new java.util.TreeMap<>(rf.landCover().maps()).values().forEach(out::add);
        }
        if (run.series() != null) {
            if (run.series().files() != null) {
                out.addAll(run.series().files().values());
            } else {
                out.add(run.series().stack());
            }
            if (run.series().landUnits() != null) {
                out.add(run.series().landUnits());
            }
        } else if (rf.productivity() != null && rf.productivity().lpd() != null) {
            out.addAll(rf.productivity().lpd().values());
        }
        RunFile.Soc soc = rf.soc();
        if (soc != null) {
            if (soc.stocks() != null) {
                new java.util.TreeMap<>(soc.stocks()).values().forEach(out::add);
            }
            if (soc.initial() != null && soc.initial().file() != null) {
                out.add(soc.initial().file());
            }
            if (soc.climate() instanceof String s) {
                out.add(s);
            }
        }
        if (rf.landTypes() != null) {
            out.add(rf.landTypes());
        }
        if (rf.population() != null) {
            for (String f : new String[] {rf.population().total(), rf.population().female(),
                rf.population().male()}) {
                if (f != null) {
                    out.add(f);
                }
            }
        }
        return new ArrayList<>(out);
    }
}
