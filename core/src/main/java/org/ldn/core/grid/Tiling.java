package org.ldn.core.grid;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a grid into windows of at most {@code tileWidth × tileHeight} pixels, in row-major order
 * (left to right, then top to bottom). The last column and row of tiles may be narrower. Immutable.
 */
public record Tiling(int gridWidth, int gridHeight, int tileWidth, int tileHeight) {
    public Tiling {
        if (gridWidth <= 0 || gridHeight <= 0 || tileWidth <= 0 || tileHeight <= 0) {
            throw new IllegalArgumentException("sizes must be positive");
        }
    }

    public static Tiling of(Grid grid, int tileSize) {
        return new Tiling(grid.width(), grid.height(), tileSize, tileSize);
    }

    public int tilesAcross() {
        return (gridWidth + tileWidth - 1) / tileWidth;
    }

    public int tilesDown() {
        return (gridHeight + tileHeight - 1) / tileHeight;
    }

    public int tileCount() {
        return tilesAcross() * tilesDown();
    }

    /** The {@code i}-th tile in row-major order. */
    public Window tile(int i) {
        int tx = i % tilesAcross();
        int ty = i / tilesAcross();
        int c = tx * tileWidth;
        int r = ty * tileHeight;
        return new Window(c, r, Math.min(tileWidth, gridWidth - c), Math.min(tileHeight, gridHeight - r));
    }

    public List<Window> windows() {
        List<Window> out = new ArrayList<>(tileCount());
        for (int i = 0; i < tileCount(); i++) {
            out.add(tile(i));
        }
        return out;
    }
}
