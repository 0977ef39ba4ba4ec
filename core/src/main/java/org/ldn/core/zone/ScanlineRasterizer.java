package org.ldn.core.zone;

import java.util.Arrays;
import java.util.List;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;

/**
 * Rasterizes polygons given as plain coordinate rings onto a grid with the pixel-centre rule, pixel for pixel as
 * {@code gdal_rasterize} (GDAL 3.6, without {@code ALL_TOUCHED}) does. Written by hand rather than with a geometry
 * library because core has none and the rule must be GDAL's down to the ties (STACK.md §3.6). Stateless and
 * thread-safe.
 *
 * <p>The rule, in pixel coordinates ({@code px = −x0/dx + x·(1/dx)}, {@code py = −y0/dy + y·(1/dy)}, as GDAL's
 * inverse geotransform computes them; pixel (col, row) has its centre at (col + ½, row + ½); "north" below means
 * the row-0 side, which is north on a north-up grid):
 * <ol>
 *   <li>For each row, the scan line {@code py = row + ½} crosses every edge whose end points satisfy
 *       {@code ylo ≤ py < yhi} (half-open, so a vertex on the line is counted once and a horizontal edge never),
 *       at {@code x = (py − ylo)(xhi − xlo)/(yhi − ylo) + xlo}.</li>
 *   <li>The crossings of all rings of the zone are sorted and taken in pairs (even-odd rule: holes and the parts
 *       of a multipolygon need no special treatment); a pair (xa, xb) covers the columns
 *       {@code floor(xa + ½) .. floor(xb + ½) − 1}, that is the pixels whose centre c has {@code xa < c ≤ xb}.</li>
 *   <li>A pixel whose centre lies exactly on a horizontal edge (within {@code xmin < c ≤ xmax}) is also inside when
 *       the ring's own interior lies on the north side of that edge, whatever the ring's winding (taken from the
 *       sign of the ring's area). This is what GDAL 3.6 does: a polygon's southern horizontal edge on a line of
 *       pixel centres is burnt, a hole's northern one is not.</li>
 * </ol>
 * So a centre exactly on a vertical or slanted edge belongs to the polygon on the edge's west side only. A centre on
 * a horizontal edge belongs to the polygon south of it (rule 1 counts the northern end of every edge) and, by rule 3,
 * also to the polygon north of it: two polygons that share a horizontal edge lying on a row of pixel centres both
 * take that row, in GDAL as here. {@link ZoneRaster} gives such a row to the southern zone only.
 *
 * <p>Two differences from {@code gdal_rasterize}, both on invalid geometry only: GDAL burns each part of a
 * MultiPolygon on its own (a union), so where parts of one zone overlap GDAL fills the overlap and the even-odd rule
 * leaves it out; and for a self-intersecting ring GDAL picks the interior side of a horizontal edge with its own
 * orientation test, which may disagree with the sign of the area.
 */
public final class ScanlineRasterizer {

    /** Receives the runs of pixels of one row: columns {@code colStart ≤ c < colEnd}, never empty. */
    @FunctionalInterface
    public interface SpanConsumer {
        void span(int row, int colStart, int colEnd);
    }

    private ScanlineRasterizer() {
    }

    /**
     * Emits the pixels of {@code grid} whose centre is inside {@code rings} (each {@code [x0, y0, x1, y1, ...]} in the
     * grid's CRS, closed or not; all rings of one zone, shells and holes alike). Rows come in increasing order;
     * within a row the spans are sorted, disjoint and not adjacent. Rings of fewer than 3 points are ignored.
     *
     * @throws IllegalArgumentException when a coordinate is not finite or a ring has an odd number of values
     */
    public static void rasterize(List<double[]> rings, Grid grid, SpanConsumer out) {
        rasterize(rings, grid, out, null);
    }

    /**
     * As {@link #rasterize(List, Grid, SpanConsumer)}, but the pixels that are inside only by rule 3 (a centre on a
     * horizontal edge with the interior to the north, and not inside by the crossing rule) go to {@code edgeOut}
     * instead of {@code out}; with {@code edgeOut == null} they are merged into {@code out}. For each row, the
     * spans given to {@code out} come before those given to {@code edgeOut}.
     */
    static void rasterize(List<double[]> rings, Grid grid, SpanConsumer out, SpanConsumer edgeOut) {
        rasterize(rings, grid, grid.extent(), out, edgeOut);
    }

    /**
     * As {@link #rasterize(List, Grid, SpanConsumer, SpanConsumer)} on the window {@code crop} of {@code full}, in
     * the window's columns and rows: pixel coordinates are computed in {@code full} and the window's offset
     * subtracted (exact), so a crop gets exactly the pixels of that window of the whole grid, wherever it starts.
     */
    static void rasterize(List<double[]> rings, Grid full, Window crop, SpanConsumer out, SpanConsumer edgeOut) {
        double igt1 = 1.0 / full.dx();
        double igt0 = -full.x0() / full.dx();
        double igt5 = 1.0 / full.dy();
        double igt3 = -full.y0() / full.dy();
        int col0 = crop.col();
        int row0 = crop.row();
        int width = crop.width();
        int height = crop.height();

        int edgeCount = 0;
        for (double[] ring : rings) {
            if (ring.length % 2 != 0) {
                throw new IllegalArgumentException("a ring has an odd number of coordinates: " + ring.length);
            }
            for (double v : ring) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("a ring has a coordinate that is not finite: " + v);
                }
            }
            edgeCount += ring.length / 2 >= 3 ? ring.length / 2 : 0;
        }
        // Non-horizontal edges that cross at least one scan line: lower and upper y and the x at each.
        double[] ylo = new double[edgeCount];
        double[] yhi = new double[edgeCount];
        double[] xlo = new double[edgeCount];
        double[] xhi = new double[edgeCount];
        int[] firstRow = new int[edgeCount];
        int[] endRow = new int[edgeCount];
        HorizontalSpans horizontal = new HorizontalSpans();
        int n = 0;
        int rowMin = Integer.MAX_VALUE;
        int rowMax = Integer.MIN_VALUE;
        for (double[] ring : rings) {
            int points = ring.length / 2;
            if (points < 3) {
                continue;
            }
            double[] px = new double[points];
            double[] py = new double[points];
            for (int i = 0; i < points; i++) {
                px[i] = igt0 + ring[2 * i] * igt1 - col0;
                py[i] = igt3 + ring[2 * i + 1] * igt5 - row0;
            }
            double twiceArea = signedTwiceArea(px, py);
            for (int i = 0; i < points; i++) {
                int a = i == 0 ? points - 1 : i - 1;
                double y1 = py[a];
                double y2 = py[i];
                if (y1 == y2) {
                    horizontal.addIfOnCentreLine(px[a], px[i], y1, twiceArea, width, height);
                    continue;
                }
                boolean up = y1 < y2;
                double lo = up ? y1 : y2;
                double hi = up ? y2 : y1;
                int r0 = Math.max(0, firstRowFrom(lo));
                int r1 = Math.min(height, firstRowFrom(hi));
                if (r0 >= r1) {
                    continue;
                }
                ylo[n] = lo;
                yhi[n] = hi;
                xlo[n] = up ? px[a] : px[i];
                xhi[n] = up ? px[i] : px[a];
                firstRow[n] = r0;
                endRow[n] = r1;
                rowMin = Math.min(rowMin, r0);
                rowMax = Math.max(rowMax, r1);
                n++;
            }
        }
        horizontal.sort();
        for (int i = 0; i < horizontal.size(); i++) {
            rowMin = Math.min(rowMin, horizontal.row(i));
            rowMax = Math.max(rowMax, horizontal.row(i) + 1);
        }
        if (rowMin >= rowMax) {
            return;
        }
        scan(n, ylo, yhi, xlo, xhi, firstRow, endRow, rowMin, rowMax, width, horizontal, out, edgeOut);
    }

    /** The smallest row whose scan line {@code row + ½} is at or after {@code y} (pixel units): row + ½ ≥ y. */
    private static int firstRowFrom(double y) {
        double r = Math.ceil(y - 0.5);
        if (r < -1) {
            return -1;
        }
        if (r > Integer.MAX_VALUE - 2) {
            return Integer.MAX_VALUE - 1;
        }
        int row = (int) r;
        // y − ½ may round; settle the exact test row + ½ ≥ y.
        while (row + 0.5 < y) {
            row++;
        }
        while (row - 0.5 >= y) {
            row--;
        }
        return row;
    }

    private static double signedTwiceArea(double[] x, double[] y) {
        double s = 0;
        for (int i = 0, j = x.length - 1; i < x.length; j = i++) {
            s += (x[j] - x[0]) * (y[i] - y[0]) - (x[i] - x[0]) * (y[j] - y[0]);
        }
        return s;
    }

    private static void scan(int n, double[] ylo, double[] yhi, double[] xlo, double[] xhi, int[] firstRow,
            int[] endRow, int rowMin, int rowMax, int width, HorizontalSpans extra, SpanConsumer out,
            SpanConsumer edgeOut) {
        int rows = rowMax - rowMin;
        int[] start = new int[rows + 1];
        for (int e = 0; e < n; e++) {
            for (int r = firstRow[e]; r < endRow[e]; r++) {
                start[r - rowMin + 1]++;
            }
        }
        for (int i = 0; i < rows; i++) {
            start[i + 1] += start[i];
        }
        double[] xs = new double[start[rows]];
        int[] next = Arrays.copyOf(start, rows);
        for (int e = 0; e < n; e++) {
            double slope = xhi[e] - xlo[e];
            double dy = yhi[e] - ylo[e];
            for (int r = firstRow[e]; r < endRow[e]; r++) {
                double yc = r + 0.5;
                xs[next[r - rowMin]++] = (yc - ylo[e]) * slope / dy + xlo[e];
            }
        }
        SpanList scanned = new SpanList(width);
        SpanList edges = new SpanList(width);
        int k = 0;
        for (int i = 0; i < rows; i++) {
            int r = rowMin + i;
            Arrays.sort(xs, start[i], start[i + 1]);
            scanned.clear();
            for (int j = start[i]; j + 1 < start[i + 1]; j += 2) {
                scanned.add(Math.floor(xs[j] + 0.5), Math.floor(xs[j + 1] + 0.5));
            }
            edges.clear();
            while (k < extra.size() && extra.row(k) == r) {
                edges.add(extra.colStart(k), extra.colEnd(k));
                k++;
            }
            if (edges.size == 0) {
                scanned.emit(r, out);
            } else if (edgeOut == null) {
                scanned.union(edges).emit(r, out);
            } else {
                scanned.emit(r, out);
                edges.minus(scanned).emit(r, edgeOut);
            }
        }
    }

    /**
     * The spans of one row, added in increasing start order, clipped to the grid and merged where they overlap or
     * touch: sorted, disjoint and not adjacent.
     */
    private static final class SpanList {
        private final int width;
        private int[] from = new int[16];
        private int[] to = new int[16];
        private int size;

        SpanList(int width) {
            this.width = width;
        }

        void clear() {
            size = 0;
        }

        void add(double a, double b) {
            int lo = (int) Math.max(0, Math.min(width, a));
            int hi = (int) Math.max(0, Math.min(width, b));
            if (lo >= hi) {
                return;
            }
            if (size > 0 && to[size - 1] >= lo) {
                to[size - 1] = Math.max(to[size - 1], hi);
                return;
            }
            if (size == from.length) {
                from = Arrays.copyOf(from, size * 2);
                to = Arrays.copyOf(to, size * 2);
            }
            from[size] = lo;
            to[size] = hi;
            size++;
        }

        /** This union {@code o}, as a new list. */
        SpanList union(SpanList o) {
            SpanList u = new SpanList(width);
            int i = 0;
            int j = 0;
            while (i < size || j < o.size) {
                if (j == o.size || (i < size && from[i] <= o.from[j])) {
                    u.add(from[i], to[i]);
                    i++;
                } else {
                    u.add(o.from[j], o.to[j]);
                    j++;
                }
            }
            return u;
        }

        /** The parts of this list outside {@code o}, as a new list. */
        SpanList minus(SpanList o) {
            SpanList d = new SpanList(width);
            int j = 0;
            for (int i = 0; i < size; i++) {
                int a = from[i];
                while (j < o.size && o.to[j] <= a) {
                    j++;
                }
                int jj = j;
                while (a < to[i]) {
                    if (jj == o.size || o.from[jj] >= to[i]) {
                        d.add(a, to[i]);
                        break;
                    }
                    if (o.from[jj] > a) {
                        d.add(a, o.from[jj]);
                    }
                    a = Math.max(a, o.to[jj]);
                    jj++;
                }
            }
            return d;
        }

        void emit(int row, SpanConsumer out) {
            for (int i = 0; i < size; i++) {
                out.span(row, from[i], to[i]);
            }
        }
    }

    /** Spans from horizontal edges lying exactly on a scan line (rule 3), kept sorted by row, then start. */
    private static final class HorizontalSpans {
        private int[] rows = new int[0];
        private int[] starts = new int[0];
        private int[] ends = new int[0];
        private int size;

        void addIfOnCentreLine(double xFrom, double xTo, double y, double twiceArea, int width, int height) {
            double r = y - 0.5;
            if (r != Math.floor(r) || r < 0 || r >= height || xFrom == xTo || twiceArea == 0) {
                return;
            }
            // With the y axis pointing down (rows), a ring of positive signed area has its interior on the
            // smaller-row (north) side of an edge travelled towards -x.
            boolean interiorNorth = (twiceArea > 0) == (xTo < xFrom);
            if (!interiorNorth) {
                return;
            }
            double a = Math.max(0, Math.min(width, Math.floor(Math.min(xFrom, xTo) + 0.5)));
            double b = Math.max(0, Math.min(width, Math.floor(Math.max(xFrom, xTo) + 0.5)));
            if (a >= b) {
                return;
            }
            if (size == rows.length) {
                int cap = Math.max(8, size * 2);
                rows = Arrays.copyOf(rows, cap);
                starts = Arrays.copyOf(starts, cap);
                ends = Arrays.copyOf(ends, cap);
            }
            rows[size] = (int) r;
            starts[size] = (int) a;
            ends[size] = (int) b;
            size++;
        }

        /** Sorts by row, then by start column (row and index, then start and end, packed into longs). */
        void sort() {
            long[] byRow = new long[size];
            for (int i = 0; i < size; i++) {
                byRow[i] = ((long) rows[i] << 32) | i;
            }
            Arrays.sort(byRow);
            int[] r = new int[size];
            int[] a = new int[size];
            int[] b = new int[size];
            for (int i = 0; i < size;) {
                int j = i;
                while (j < size && (byRow[j] >>> 32) == (byRow[i] >>> 32)) {
                    j++;
                }
                long[] span = new long[j - i];
                for (int k = i; k < j; k++) {
                    int idx = (int) byRow[k];
                    span[k - i] = ((long) starts[idx] << 32) | ends[idx];
                }
                Arrays.sort(span);
                for (int k = i; k < j; k++) {
                    r[k] = (int) (byRow[i] >>> 32);
                    a[k] = (int) (span[k - i] >>> 32);
                    b[k] = (int) span[k - i];
                }
                i = j;
            }
            rows = r;
            starts = a;
            ends = b;
        }

        int size() {
            return size;
        }

        int row(int i) {
            return rows[i];
        }

        int colStart(int i) {
            return starts[i];
        }

        int colEnd(int i) {
            return ends[i];
        }
    }
}
