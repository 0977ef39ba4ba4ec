package org.ldn.core.engine;

/**
 * How the engine runs (never what it computes: results are identical for every tile size and thread count).
 *
 * @param tileSize tile width and height in pixels
 * @param threads  worker threads (≥ 1)
 */
public record EngineOptions(int tileSize, int threads, ProgressListener progress) {
    public static final int DEFAULT_TILE_SIZE = 512;

    public EngineOptions {
        if (tileSize < 1 || tileSize > 8192) {
            throw new IllegalArgumentException("tile size must be 1..8192, not " + tileSize);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, not " + threads);
        }
        if (progress == null) {
            progress = ProgressListener.NONE;
        }
    }

    public static EngineOptions defaults() {
        return new EngineOptions(DEFAULT_TILE_SIZE, Runtime.getRuntime().availableProcessors(), ProgressListener.NONE);
    }
}
