package org.ldn.core.grid;

/**
 * A rectangle of pixels of a grid: columns {@code [col, col + width)} and rows {@code [row, row + height)},
 * half-open. Row 0 is the grid's first (northernmost, for north-up grids) row. Immutable.
 */
public record Window(int col, int row, int width, int height) {
    public Window {
        if (col < 0 || row < 0 || width < 0 || height < 0) {
            throw new IllegalArgumentException("negative window " + col + "," + row + " " + width + "x" + height);
        }
    }

    /** Number of pixels, as a {@code long} because large windows can exceed {@code int}. */
    public long size() {
        return (long) width * height;
    }

    /** Pixel count as an array length; throws when the window is too large for one array. */
    public int length() {
        long n = size();
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("window " + this + " is too large for one array");
        }
        return (int) n;
    }

    public int colEnd() {
        return col + width;
    }

    public int rowEnd() {
        return row + height;
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }
}
