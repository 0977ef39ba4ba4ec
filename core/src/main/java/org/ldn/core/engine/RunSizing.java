package org.ldn.core.engine;

import org.ldn.core.grid.Tiling;

/**
 * What a run split into tasks ({@link TiledRun}) costs, from its shape alone (no pixel read): tiles, tasks, the
 * pixels and bytes each task reads and writes, and the memory of an executor running {@code cores} tasks at once.
 * Byte counts of inputs are uncompressed samples; maps are Int16 before compression. Memory per task is the
 * engine's per-thread buffers (as {@link TileWorker} and {@link ComputedProductivity} allocate them for one tile)
 * plus a task's tally and its pixel counters (as {@link org.ldn.core.accounting.ZoneTally} and
 * {@link org.ldn.core.accounting.PixelCounts} allocate them), plus the map writers' buffers; per executor, add the
 * decoded-block cache (at most 256 MiB) and the zones' row spans. Immutable.
 *
 * @param tiles              tiles of the grid
 * @param tasks              tasks (bands of consecutive tiles)
 * @param maxTilesPerTask    tiles of the largest task
 * @param pixelsPerTask      pixels of the largest task
 * @param inputBytesPerTask  input samples the largest task reads, in bytes (uncompressed, on the reference grid)
 * @param mapBytesPerTask    map samples the largest task writes, in bytes (Int16, before compression)
 * @param tallyBytes         one task's tally and pixel counters, in bytes (also what a task sends back)
 * @param taskBytes          memory of one running task, in bytes (buffers, tally, map writers)
 * @param executorBytes      memory of an executor running {@code cores} tasks, in bytes (plus the block cache and
 *                           the zones' spans)
 */
public record RunSizing(int tiles, int tasks, int maxTilesPerTask, long pixelsPerTask, long inputBytesPerTask,
        long mapBytesPerTask, long tallyBytes, long taskBytes, long executorBytes) {
    /** The process-wide cache of decoded input blocks (geodata-adapters' BlockCache), at most. */
    public static final long BLOCK_CACHE_BYTES = 256L << 20;

    /**
     * The shape of a run.
     *
     * @param width        grid width in pixels
     * @param height       grid height in pixels
     * @param zones        zones (countries, units)
     * @param lcYears      land-cover years
     * @param socYears     SOC years
     * @param periods      periods (baseline first)
     * @param seriesYears  years of the productivity series (0: supplied LPD maps)
     * @param inputBytes   bytes per pixel of one input layer as read (e.g. 1 for Byte land cover, 2 for Int16)
     * @param zoneSpans    row spans of the zones on the grid (≈ rows × zones crossing a row)
     */
    public record Shape(int width, int height, int zones, int lcYears, int socYears, int periods, int seriesYears,
            int inputBytes, long zoneSpans) {
    }

    /** The sizing of {@code shape} cut into tiles of {@code tileSize} and {@code tasks} tasks, {@code cores} per executor. */
    public static RunSizing of(Shape s, int tileSize, int tasks, int cores) {
        Tiling tiling = new Tiling(s.width(), s.height(), tileSize, tileSize);
        int tiles = tiling.tileCount();
        int n = Math.min(tasks, tiles);
        int maxTiles = (tiles + n - 1) / n;
        long tilePixels = (long) Math.min(tileSize, s.width()) * Math.min(tileSize, s.height());
        long pixels = maxTiles * tilePixels;
        int layers = s.lcYears() + s.socYears() + (s.seriesYears() > 0 ? s.seriesYears() : s.periods());
        int maps = 4 * s.periods() + (s.periods() - 1) + (s.seriesYears() > 0 ? 4 * s.periods() : 0);
        TallyLayout layout = new TallyLayout(s.lcYears(), s.socYears(), s.periods());
        // ZoneTally: two longs per (zone, key) and per (zone, value key); PixelCounts: an int count, an int index,
        // and per value key a long sum, an int index and a flag
        long tally = (long) s.zones() * layout.keys * (16 + 8) + (long) s.zones() * layout.valueKeys * (16 + 13);
        // TileWorker, per pixel of a tile: zone, tmp, land cover, LPD, SOC, sub-indicators, status, land type,
        // zone base, key index
        long perPixel = 4 + 8 + 2L * s.lcYears() + 2L * s.periods() + 8L * s.socYears() + 2L * 4 * s.periods()
                + 2L * s.periods() + 4 + 4 + 4;
        if (s.seriesYears() > 0) {
            // ComputedProductivity, its SeriesMetrics and SeriesTile: metrics, LPD map, codes, per period sums,
            // counts and Mann–Kendall S, rounded means, unit keys, p90, land units (twice), the stack of yearly
            // values and one year's scratch
            perPixel += 2L * 3 * s.periods() + 2L * s.periods() + 8L * s.lcYears() + (8 + 4 + 4L) * s.periods()
                    + 8 + 8 + 8 + 8 + 8L * s.seriesYears() + 8 + 8;
        }
        // each map writer's tile of raw samples and its compressed copy (GeoTiffSink, 256 × 256)
        long mapBuffers = 2L * 256 * 256 * 4;
        long task = perPixel * tilePixels + tally + mapBuffers;
        long executor = cores * task + BLOCK_CACHE_BYTES + 12L * s.zoneSpans();
        return new RunSizing(tiles, n, maxTiles, pixels, pixels * layers * s.inputBytes(), pixels * maps * 2L, tally,
                task, executor);
    }

    /**
     * The task count for about {@code targetPixels} pixels a task (at least {@code minTasks}, at most one a tile):
     * tasks of a few seconds keep a lost task cheap and the cluster busy to the end.
     */
    public static int tasksFor(Shape s, int tileSize, long targetPixels, int minTasks) {
        long pixels = (long) s.width() * s.height();
        int tiles = new Tiling(s.width(), s.height(), tileSize, tileSize).tileCount();
        long byPixels = (pixels + targetPixels - 1) / targetPixels;
        return (int) Math.min(tiles, Math.max(minTasks, byPixels));
    }
}
