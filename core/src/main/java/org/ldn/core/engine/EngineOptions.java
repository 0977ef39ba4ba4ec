package org.ldn.core.engine;

import java.nio.file.Path;

/**
 * How the engine runs (never what it computes: results are identical for every tile size and thread count).
 *
 * @param tileSize           tile width and height in pixels
 * @param threads            worker threads (≥ 1)
 * @param scratchDirectory   where a computed-productivity run keeps its scratch store ({@link SeriesScratch}), e.g.
 *                           the run's partial output folder; {@code null}: {@code java.io.tmpdir}
 * @param seriesScratchLimit the most bytes that store may take (it is also kept within half the folder's usable
 *                           space); 0: never, the series is then read twice. Default: the system property
 *                           {@value #SCRATCH_LIMIT_PROPERTY} (bytes, or with a suffix k, m, g, t; {@code off} = 0),
 *                           else no limit of its own
 */
public record EngineOptions(int tileSize, int threads, ProgressListener progress, Path scratchDirectory,
        long seriesScratchLimit) {
    public static final int DEFAULT_TILE_SIZE = 512;
    /** The system property that sets the default {@link #seriesScratchLimit}. */
    public static final String SCRATCH_LIMIT_PROPERTY = "org.ldn.series.scratchLimit";

    public EngineOptions {
        if (tileSize < 1 || tileSize > 8192) {
            throw new IllegalArgumentException("tile size must be 1..8192, not " + tileSize);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, not " + threads);
        }
        if (seriesScratchLimit < 0) {
            throw new IllegalArgumentException("the scratch limit must be >= 0, not " + seriesScratchLimit);
        }
        if (progress == null) {
            progress = ProgressListener.NONE;
        }
    }

    /** Options with the scratch store in {@code java.io.tmpdir} and the default limit. */
    public EngineOptions(int tileSize, int threads, ProgressListener progress) {
        this(tileSize, threads, progress, null, defaultScratchLimit());
    }

    public static EngineOptions defaults() {
        return new EngineOptions(DEFAULT_TILE_SIZE, Runtime.getRuntime().availableProcessors(), ProgressListener.NONE);
    }

    /** These options with the scratch store in {@code directory} ({@code null}: {@code java.io.tmpdir}). */
    public EngineOptions withScratchDirectory(Path directory) {
        return new EngineOptions(tileSize, threads, progress, directory, seriesScratchLimit);
    }

    /** These options with the scratch store limited to {@code bytes} (0: no store, the series is read twice). */
    public EngineOptions withSeriesScratchLimit(long bytes) {
        return new EngineOptions(tileSize, threads, progress, scratchDirectory, bytes);
    }

    /** The limit the system property {@value #SCRATCH_LIMIT_PROPERTY} sets, else {@link Long#MAX_VALUE}. */
    static long defaultScratchLimit() {
        String v = System.getProperty(SCRATCH_LIMIT_PROPERTY);
        if (v == null || v.isBlank()) {
            return Long.MAX_VALUE;
        }
        String s = v.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("off")) {
            return 0;
        }
        int shift = switch (s.charAt(s.length() - 1)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        try {
            long n = Long.parseLong(shift == 0 ? s : s.substring(0, s.length() - 1));
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n > Long.MAX_VALUE >> shift ? Long.MAX_VALUE : n << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SCRATCH_LIMIT_PROPERTY + ": '" + v
                    + "' is not a size (bytes, or with k, m, g or t; off for none)");
        }
    }
}
