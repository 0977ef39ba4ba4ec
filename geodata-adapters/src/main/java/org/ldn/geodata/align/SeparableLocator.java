package org.ldn.geodata.align;

import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;

/**
 * Locates source pixels when target and source share a CRS: the source column depends on the target column alone
 * and the source row on the target row alone, so both are computed once per grid, as
 * {@code floor((x - x0) / dx)} and {@code floor((y - y0) / dy)} of the target centre (x, y).
 */
final class SeparableLocator implements PixelLocator {
    private final int[] colOf;
    private final int[] rowOf;

    SeparableLocator(Grid target, Grid source) {
        colOf = new int[target.width()];
        for (int c = 0; c < colOf.length; c++) {
            colOf[c] = PixelLocator.index((target.centreX(c) - source.x0()) / source.dx(), source.width());
        }
        rowOf = new int[target.height()];
        for (int r = 0; r < rowOf.length; r++) {
            rowOf[r] = PixelLocator.index((target.centreY(r) - source.y0()) / source.dy(), source.height());
        }
    }

    @Override
    public void locate(Window window, int[] cols, int[] rows) {
        int i = 0;
        for (int r = window.row(); r < window.rowEnd(); r++) {
            int sr = rowOf[r];
            for (int c = window.col(); c < window.colEnd(); c++, i++) {
                int sc = colOf[c];
                boolean inside = sr >= 0 && sc >= 0;
                cols[i] = inside ? sc : -1;
                rows[i] = inside ? sr : -1;
            }
        }
    }
}
