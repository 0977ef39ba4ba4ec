package org.ldn.geodata.align;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;

/**
 * Locates source pixels across CRSs at the cost of a few multiplications a pixel, with exactly the result of
 * {@link TransformLocator} (every target centre transformed).
 *
 * <p>The target grid is covered by a lattice of points {@value #STEP} pixels apart (the centres of columns and rows
 * 0, STEP, 2·STEP, ...), transformed exactly into source pixel coordinates {@code u = (x − x0) / dx},
 * {@code v = (y − y0) / dy}, as GDAL's approximate transformer does. Inside a lattice cell a centre's (u, v) is
 * interpolated bilinearly from the cell's four corners. Each cell's interpolation error is measured by transforming
 * nine more points inside it exactly (its centre, its edge midpoints and its quarter points) and comparing them with
 * the interpolation; the bound used is {@value #SAFETY} times that error plus {@value #FLOOR} pixel. A centre keeps
 * the interpolated cell only when {@code floor(u − bound)} and {@code floor(u + bound)} agree (and likewise for v),
 * that is when no source cell edge lies within the bound of the interpolated position; every other centre (and every
 * centre of a cell whose error exceeds {@value #MAX_ERROR} pixel, or whose points do not all transform) is
 * transformed exactly. Flooring is monotone, so when the true coordinate lies within the bound the result is the
 * exact one; the safety factor covers the part of the error the nine samples do not see (bilinear interpolation
 * error of a smooth transform is nearly quadratic over a cell, largest near its middle, where the samples are).
 *
 * <p>The lattice is computed in blocks of {@value #BLOCK} × {@value #BLOCK} cells when a window first needs them,
 * and kept: one locator serves every read of every input on the same source grid (see {@link Regridded}).
 * Thread-safe: a block computed twice by two threads at once is computed identically, and one copy is kept.
 */
final class LatticeLocator implements PixelLocator {
    /** Target pixels between lattice points. */
    static final int STEP = 32;
    /** Lattice cells per block side. */
    static final int BLOCK = 16;
    /** Multiplier of the measured interpolation error. */
    static final double SAFETY = 8;
    /** Added to every bound, source pixels: covers the rounding of the interpolation arithmetic itself. */
    static final double FLOOR = 1e-6;
    /** Cells whose measured error exceeds this (source pixels) are transformed exactly throughout. */
    static final double MAX_ERROR = 0.05;

    private final Grid target;
    private final Grid source;
    private final MathTransform targetToSource;
    private final TransformLocator exact;
    private final int cellsX;
    private final int cellsY;
    private final int blocksX;
    private final AtomicReferenceArray<Block> blocks;

    /** The lattice of one block: corner coordinates and one error bound per cell (NaN: transform exactly). */
    private record Block(double[] u, double[] v, double[] bound) {
    }

    LatticeLocator(Grid target, Grid source, MathTransform targetToSource) {
        this.target = target;
        this.source = source;
        this.targetToSource = targetToSource;
        this.exact = new TransformLocator(target, source, targetToSource);
        cellsX = (target.width() + STEP - 1) / STEP;
        cellsY = (target.height() + STEP - 1) / STEP;
        blocksX = (cellsX + BLOCK - 1) / BLOCK;
        int blocksY = (cellsY + BLOCK - 1) / BLOCK;
        blocks = new AtomicReferenceArray<>(blocksX * blocksY);
    }

    @Override
    public void locate(Window window, int[] cols, int[] rows) {
        int w = window.width();
        int[] pending = RegridScratch.ints(window.length());
        int np = 0;
        int sw = source.width();
        int sh = source.height();
        for (int r = window.row(); r < window.rowEnd(); r++) {
            int cy = r / STEP;
            double fy = (double) (r - cy * STEP) / STEP;
            int i = (r - window.row()) * w;
            int c = window.col();
            while (c < window.colEnd()) {
                int cx = c / STEP;
                int end = Math.min(window.colEnd(), (cx + 1) * STEP);
                Block b = block(cx / BLOCK, cy / BLOCK);
                int lx = cx % BLOCK;
                int ly = cy % BLOCK;
                double e = b.bound[ly * BLOCK + lx];
                if (Double.isNaN(e)) {
                    for (; c < end; c++, i++) {
                        pending[np++] = i;
                    }
                    continue;
                }
                int k = ly * (BLOCK + 1) + lx;
                int k2 = k + BLOCK + 1;
                double uL = b.u[k] + fy * (b.u[k2] - b.u[k]);
                double uR = b.u[k + 1] + fy * (b.u[k2 + 1] - b.u[k + 1]);
                double vL = b.v[k] + fy * (b.v[k2] - b.v[k]);
                double vR = b.v[k + 1] + fy * (b.v[k2 + 1] - b.v[k + 1]);
                double du = uR - uL;
                double dv = vR - vL;
                double lo = EDGE_TOLERANCE - e;
                double hi = EDGE_TOLERANCE + e;
                int c0 = cx * STEP;
                for (; c < end; c++, i++) {
                    double fx = (double) (c - c0) / STEP;
                    double u = uL + fx * du;
                    double v = vL + fx * dv;
                    double ul = Math.floor(u + lo);
                    double vl = Math.floor(v + lo);
                    if (ul != Math.floor(u + hi) || vl != Math.floor(v + hi)) {
                        pending[np++] = i;
                        continue;
                    }
                    boolean inside = ul >= 0 && ul < sw && vl >= 0 && vl < sh;
                    cols[i] = inside ? (int) ul : -1;
                    rows[i] = inside ? (int) vl : -1;
                }
            }
        }
        if (np > 0) {
            exactly(window, pending, np, cols, rows);
        }
        RegridScratch.give(pending);
    }

    /** Pixels {@code pending[0, np)} of {@code window} (indices in it), by the exact transform. */
    private void exactly(Window window, int[] pending, int np, int[] cols, int[] rows) {
        int w = window.width();
        double[] pts = new double[2 * np];
        for (int j = 0; j < np; j++) {
            int i = pending[j];
            pts[2 * j] = target.centreX(window.col() + i % w);
            pts[2 * j + 1] = target.centreY(window.row() + i / w);
        }
        double[] xy = new double[pts.length];
        exact.transform(pts, xy, np);
        for (int j = 0; j < np; j++) {
            int i = pending[j];
            int sc = PixelLocator.index((xy[2 * j] - source.x0()) / source.dx(), source.width());
            int sr = PixelLocator.index((xy[2 * j + 1] - source.y0()) / source.dy(), source.height());
            boolean inside = sc >= 0 && sr >= 0;
            cols[i] = inside ? sc : -1;
            rows[i] = inside ? sr : -1;
        }
    }

    private Block block(int bx, int by) {
        int id = by * blocksX + bx;
        Block b = blocks.get(id);
        if (b == null) {
            b = computeBlock(bx, by);
            if (!blocks.compareAndSet(id, null, b)) {
                b = blocks.get(id);
            }
        }
        return b;
    }

    /** Sample points of a cell, as fractions of the cell (x, y): centre, edge midpoints, quarter points. */
    private static final double[] SAMPLES = {0.5, 0.5, 0.5, 0, 0.5, 1, 0, 0.5, 1, 0.5, 0.25, 0.25, 0.75, 0.25, 0.25,
        0.75, 0.75, 0.75};

    private Block computeBlock(int bx, int by) {
        int n1 = BLOCK + 1;
        double[] pts = new double[2 * n1 * n1];
        for (int j = 0; j < n1; j++) {
            for (int i = 0; i < n1; i++) {
                int k = 2 * (j * n1 + i);
                pts[k] = target.centreX((bx * BLOCK + i) * STEP);
                pts[k + 1] = target.centreY((by * BLOCK + j) * STEP);
            }
        }
        double[] xy = new double[pts.length];
        exact.transform(pts, xy, n1 * n1);
        double[] u = new double[n1 * n1];
        double[] v = new double[n1 * n1];
        for (int k = 0; k < u.length; k++) {
            u[k] = (xy[2 * k] - source.x0()) / source.dx();
            v[k] = (xy[2 * k + 1] - source.y0()) / source.dy();
        }
        int ns = SAMPLES.length / 2;
        double[] spts = new double[2 * BLOCK * BLOCK * ns];
        int q = 0;
        for (int j = 0; j < BLOCK; j++) {
            for (int i = 0; i < BLOCK; i++) {
                for (int s = 0; s < ns; s++) {
                    // sample positions are pixel centres of the cell (whole pixel offsets), as the pixels themselves
                    int col = (bx * BLOCK + i) * STEP + (int) (SAMPLES[2 * s] * STEP);
                    int row = (by * BLOCK + j) * STEP + (int) (SAMPLES[2 * s + 1] * STEP);
                    spts[q++] = target.centreX(col);
                    spts[q++] = target.centreY(row);
                }
            }
        }
        double[] sxy = new double[spts.length];
        exact.transform(spts, sxy, BLOCK * BLOCK * ns);
        double[] bound = new double[BLOCK * BLOCK];
        q = 0;
        for (int j = 0; j < BLOCK; j++) {
            for (int i = 0; i < BLOCK; i++) {
                int k = j * n1 + i;
                int k2 = k + n1;
                double err = 0;
                for (int s = 0; s < ns; s++, q += 2) {
                    double fx = (int) (SAMPLES[2 * s] * STEP) / (double) STEP;
                    double fy = (int) (SAMPLES[2 * s + 1] * STEP) / (double) STEP;
                    double uL = u[k] + fy * (u[k2] - u[k]);
                    double uR = u[k + 1] + fy * (u[k2 + 1] - u[k + 1]);
                    double vL = v[k] + fy * (v[k2] - v[k]);
                    double vR = v[k + 1] + fy * (v[k2 + 1] - v[k + 1]);
                    double eu = Math.abs(uL + fx * (uR - uL) - (sxy[q] - source.x0()) / source.dx());
                    double ev = Math.abs(vL + fx * (vR - vL) - (sxy[q + 1] - source.y0()) / source.dy());
                    err = Math.max(err, Math.max(eu, ev)); // NaN when a point failed: Math.max keeps NaN
                }
                if (err != err || err > MAX_ERROR) {
                    bound[j * BLOCK + i] = Double.NaN;
                } else {
                    bound[j * BLOCK + i] = SAFETY * err + FLOOR;
                }
            }
        }
        return new Block(u, v, bound);
    }

    /** For tests: the bound of the cell holding target pixel (col, row), NaN when that cell is transformed exactly. */
    double boundAt(int col, int row) {
        int cx = col / STEP;
        int cy = row / STEP;
        return block(cx / BLOCK, cy / BLOCK).bound[(cy % BLOCK) * BLOCK + cx % BLOCK];
    }

    MathTransform transform() {
        return targetToSource;
    }
}
