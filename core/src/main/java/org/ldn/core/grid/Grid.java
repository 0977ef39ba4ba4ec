package org.ldn.core.grid;

import java.util.Objects;

/**
 * A north-up raster grid: {@code width × height} cells whose corner (0, 0) is at ({@code x0}, {@code y0}) in the CRS,
 * with cell size {@code dx} (positive, to the east) and {@code dy} (negative for north-up grids, to the south).
 * Rotated grids are not representable: adapters reject them. Cell (col, row) covers
 * {@code [x0 + col·dx, x0 + (col+1)·dx)} × {@code (y0 + (row+1)·dy, y0 + row·dy]}; its centre is at
 * {@code x0 + (col + 0.5)·dx, y0 + (row + 0.5)·dy}. Immutable and thread-safe.
 *
 * @param crs the coordinate reference system (units: degrees for geographic CRSs, usually metres otherwise)
 */
public record Grid(CrsInfo crs, double x0, double y0, double dx, double dy, int width, int height) {
    public Grid {
        Objects.requireNonNull(crs, "crs");
        if (!(dx > 0) || !(dy != 0) || !Double.isFinite(dx) || !Double.isFinite(dy)
                || !Double.isFinite(x0) || !Double.isFinite(y0)) {
            throw new IllegalArgumentException("invalid cell size or origin: dx=" + dx + " dy=" + dy);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("grid size must be positive: " + width + "x" + height);
        }
    }

    /** The whole grid as a window. */
    public Window extent() {
        return new Window(0, 0, width, height);
    }

    /** X (easting or longitude) of the centre of column {@code col}. */
    public double centreX(int col) {
        return x0 + (col + 0.5) * dx;
    }

    /** Y (northing or latitude) of the centre of row {@code row}. */
    public double centreY(int row) {
        return y0 + (row + 0.5) * dy;
    }

    /** The geotransform in GDAL order: {@code [x0, dx, 0, y0, 0, dy]}. */
    public double[] geoTransform() {
        return new double[] {x0, dx, 0, y0, 0, dy};
    }

    public long pixelCount() {
        return (long) width * height;
    }

    /** The sub-grid covering {@code w}, with the same CRS and cell size. */
    public Grid subGrid(Window w) {
        if (w.colEnd() > width || w.rowEnd() > height || w.isEmpty()) {
            throw new IllegalArgumentException("window " + w + " is not inside the " + width + "x" + height + " grid");
        }
        return new Grid(crs, x0 + w.col() * dx, y0 + w.row() * dy, dx, dy, w.width(), w.height());
    }

    /**
     * The window of {@code whole} that this grid covers, for a grid cut from it ({@link #subGrid}): same cell size,
     * origin a whole number of cells away (rounded, so the rounding of the cut origin does not matter).
     */
    public Window windowIn(Grid whole) {
        return new Window((int) Math.round((x0 - whole.x0) / dx), (int) Math.round((y0 - whole.y0) / dy), width,
                height);
    }

    /** True when both grids have the same CRS description, origin, cell size and size. */
    public boolean sameAs(Grid o) {
        return o != null && width == o.width && height == o.height
                && x0 == o.x0 && y0 == o.y0 && dx == o.dx && dy == o.dy && crs.sameAs(o.crs);
    }
}
