package org.ldn.core.zone;

import java.util.List;
import org.ldn.core.grid.Grid;

/**
 * An independent rasterizer for tests: a point-in-polygon test at every pixel centre, in world coordinates, with no
 * scan lines, sorting or span arithmetic. The even-odd rule over all rings, with the boundary convention documented on
 * {@link ScanlineRasterizer}:
 * <ul>
 *   <li>an edge that is not horizontal counts when the centre's y lies in its y range, the end on the
 *       larger-row side excluded (for a north-up grid: {@code ymin < y ≤ ymax}), and its x at that y is strictly
 *       less than the centre's x (so a centre on a vertical or slanted edge goes to the polygon on its west side);</li>
 *   <li>a centre lying exactly on a horizontal edge, with {@code xmin < x ≤ xmax}, is inside when that ring's
 *       interior lies on the edge's smaller-row side (north for a north-up grid).</li>
 * </ul>
 */
final class BruteForceZones {
    private BruteForceZones() {
    }

    /** 1 where the pixel centre is inside, else 0; row-major over the whole grid. */
    static byte[] mask(List<double[]> rings, Grid grid) {
        return mask(rings, grid, true);
    }

    /** As {@link #mask(List, Grid)} by the crossing rule alone, without the horizontal-edge rule. */
    static byte[] crossingMask(List<double[]> rings, Grid grid) {
        return mask(rings, grid, false);
    }

    private static byte[] mask(List<double[]> rings, Grid grid, boolean withEdges) {
        byte[] out = new byte[grid.width() * grid.height()];
        boolean northUp = grid.dy() < 0;
        for (int r = 0; r < grid.height(); r++) {
            double y = grid.centreY(r);
            for (int c = 0; c < grid.width(); c++) {
                double x = grid.centreX(c);
                boolean in = crossingInside(rings, x, y, northUp) || (withEdges && onEdgeFacingRowZero(rings, x, y,
                        northUp));
                out[r * grid.width() + c] = (byte) (in ? 1 : 0);
            }
        }
        return out;
    }

    static boolean crossingInside(List<double[]> rings, double x, double y, boolean northUp) {
        boolean in = false;
        for (double[] ring : rings) {
            int n = ring.length / 2;
            if (n < 3) {
                continue;
            }
            for (int i = 0, j = n - 1; i < n; j = i++) {
                double x1 = ring[2 * j];
                double y1 = ring[2 * j + 1];
                double x2 = ring[2 * i];
                double y2 = ring[2 * i + 1];
                if (y1 == y2) {
                    continue;
                }
                double lo = Math.min(y1, y2);
                double hi = Math.max(y1, y2);
                boolean inRange = northUp ? (y > lo && y <= hi) : (y >= lo && y < hi);
                if (!inRange) {
                    continue;
                }
                double xa = y1 < y2 ? x1 : x2;
                double xb = y1 < y2 ? x2 : x1;
                double xc = xa + (y - lo) * (xb - xa) / (hi - lo);
                if (xc < x) {
                    in = !in;
                }
            }
        }
        return in;
    }

    /** The centre lies on a horizontal edge whose ring has its interior on the side of row 0 (north if north-up). */
    static boolean onEdgeFacingRowZero(List<double[]> rings, double x, double y, boolean northUp) {
        for (double[] ring : rings) {
            int n = ring.length / 2;
            if (n < 3) {
                continue;
            }
            double area = 0;
            for (int i = 0, j = n - 1; i < n; j = i++) {
                area += ring[2 * j] * ring[2 * i + 1] - ring[2 * i] * ring[2 * j + 1];
            }
            for (int i = 0, j = n - 1; i < n; j = i++) {
                double x1 = ring[2 * j];
                double y1 = ring[2 * j + 1];
                double x2 = ring[2 * i];
                double y2 = ring[2 * i + 1];
                if (y1 == y2 && y == y1 && x > Math.min(x1, x2) && x <= Math.max(x1, x2) && area != 0) {
                    // counter-clockwise (area > 0): interior on the left, i.e. +y when travelling towards +x
                    boolean interiorAbove = (area > 0) == (x2 > x1);
                    if (interiorAbove == northUp) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
