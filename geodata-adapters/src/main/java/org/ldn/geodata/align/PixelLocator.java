package org.ldn.geodata.align;

import org.ldn.core.grid.Window;

/**
 * Finds, for each pixel of a window of the target grid, the source pixel whose cell contains its centre.
 * Implementations are immutable and thread-safe.
 */
interface PixelLocator {
    /**
     * Tolerance, in source pixels, added before flooring a source pixel coordinate, as GDAL's nearest-neighbour
     * warp kernel does: a centre within 1e-10 pixel of a cell's left (or top) edge is taken to be on that edge, so
     * rounding error in the coordinate arithmetic cannot move a centre that lies exactly on an edge into the cell to
     * its left (or above). Cells are half-open, as {@link org.ldn.core.grid.Grid} states.
     */
    double EDGE_TOLERANCE = 1e-10;

    /**
     * Fills {@code cols[i]} and {@code rows[i]} for target pixel {@code i} of {@code window} (row-major) with the
     * source column and row, or -1 in both when the centre falls outside the source grid or cannot be transformed.
     */
    void locate(Window window, int[] cols, int[] rows);

    /** The source index of pixel coordinate {@code u} (0 at the grid's first edge), or -1 outside {@code [0, size)}. */
    static int index(double u, int size) {
        double f = Math.floor(u + EDGE_TOLERANCE);
        return f >= 0 && f < size ? (int) f : -1;
    }
}
